// composeBrief over the hand-built scenario of ./fixture.ts: each figure worked by hand there,
// printed as the screens print it (pct, ICD 203 words, spread labels, bits, three decimals).
import { describe, expect, it } from "vitest";
import { composeBrief } from "@/lib/brief/compose";
import { spreadOf } from "@/lib/client/format";
import { aggregate, disagreement } from "@/lib/math";
import { AT, input, Q1_YES, SINCE } from "./fixture";

describe("the fixture's figures", () => {
  it("are the pool and the spread the scenario view computes from Ana's and Ben's estimates", () => {
    const estimates = [{ h1: 0.6, h2: 0.4 }, { h1: 0.8, h2: 0.2 }];
    const team = aggregate("geometric", estimates, ["h1", "h2"])!;
    expect(team.h1).toBeCloseTo(0.7101, 4);
    expect(team.h1).toBeCloseTo(Q1_YES, 12);
    expect(disagreement(estimates, ["h1", "h2"])).toBeCloseTo(0.1, 12);
  });
});

describe("composeBrief", () => {
  const brief = composeBrief(input());
  const q = (label: string) => brief.questions.find((x) => x.label === label)!;

  it("lists the questions in tree order, numbered as the overview numbers them", () => {
    expect(brief.questions.map((x) => [x.label, x.title, x.depth])).toEqual([
      ["Q1", "Inside help?", 0],
      ["Q3", "Why silent?", 1],
      ["Q2", "Main aim?", 0],
    ]);
    expect(q("Q3").given).toEqual({ hypothesisTitle: "Yes", questionLabel: "Q1" });
    expect(brief).toMatchObject({ scenarioId: "s1", at: AT, asOf: null, since: SINCE, method: "geometric", independentElicitation: true });
  });

  it("gives each open hypothesis the overview's percentage and ICD 203 words, and the analysts' range", () => {
    expect(q("Q1").judgments).toEqual([
      { hypothesisId: "h1", title: "Yes", probability: Q1_YES, percent: "71 %", words: "likely", range: { min: 0.6, max: 0.8, text: "60 %–80 %" } },
      // Ben's .72/.18 (and .1 on the archived hypothesis) renormalised: .8/.2
      { hypothesisId: "h2", title: "No", probability: 1 - Q1_YES, percent: "29 %", words: "unlikely", range: { min: 0.2, max: expect.closeTo(0.4, 12), text: "20 %–40 %" } },
    ]);
    expect(q("Q1").lead?.hypothesisId).toBe("h1");
    expect(q("Q1")).toMatchObject({ analysts: 2, disagreement: 0.1, spread: "moderate", hidden: false, resolution: null });
    // one analyst: no range, and no spread (the overview shows none either)
    expect(q("Q3").judgments[0]).toMatchObject({ percent: "90 %", words: "very likely", range: null });
    expect(q("Q3").spread).toBeNull();
  });

  it("labels the spread as the overview does", () => {
    expect([null, 0, 0.0499, 0.05, 0.1499, 0.15, 0.4].map(spreadOf)).toEqual([null, "low", "low", "moderate", "moderate", "high", "high"]);
  });

  it("withholds every team figure of a question hidden from the caller", () => {
    const hidden = q("Q2");
    expect(hidden).toMatchObject({ hidden: true, lead: null, spread: null, diagnostic: [] });
    expect(hidden.judgments.map((j) => [j.percent, j.words, j.range])).toEqual([
      ["—", "no estimate", null],
      ["—", "no estimate", null],
    ]);
    const moved = brief.moved!.questions.find((m) => m.questionId === "q3")!;
    expect(moved).toEqual({ questionId: "q3", label: "Q2", title: "Main aim?", hidden: true, team: [], analysts: [] });
  });

  it("keeps the five most diagnostic items by the team's bits, skipping retracted and undiagnostic ones", () => {
    const d = q("Q1").diagnostic;
    expect(d.map((e) => [e.id, e.grade, e.bits])).toEqual([
      ["e5", "A1", "1.5 bits"],
      ["e1", "B2", "1.0 bits"],
      ["e2", "C3", "0.3 bits"],
      ["e6", "D4", "0.3 bits"],
      ["e7", "E5", "0.3 bits"],
    ]);
    expect(d[0]!.readings).toEqual([
      { hypothesisId: "h1", title: "Yes", consistency: "CC" },
      { hypothesisId: "h2", title: "No", consistency: "I" },
    ]);
    expect(q("Q3").diagnostic).toEqual([]);
  });

  it("says what moved since `since`: the team, each analyst with rationale and evidence, new evidence", () => {
    const m = brief.moved!;
    expect(m).toMatchObject({ since: SINCE, to: AT });
    const line = m.questions[0]!;
    // the view's title (as of the moment described), not the diff's current one
    expect(line).toMatchObject({ label: "Q1", title: "Inside help?", hidden: false });
    expect(line.team.map((c) => [c.title, c.from, c.to, c.points])).toEqual([
      ["Yes", "50 %", "71 %", "▲21"],
      ["No", "50 %", "29 %", "▼21"],
    ]);
    expect(line.analysts).toEqual([
      {
        name: "Ben",
        at: "2026-01-16T09:00:00.000Z",
        count: 2,
        changes: [
          { hypothesisId: "h1", title: "Yes", from: "50 %", to: "80 %", points: "▲30", delta: 0.30000000000000004 },
          { hypothesisId: "h2", title: "No", from: "50 %", to: "20 %", points: "▼30", delta: -0.3 },
        ],
        rationale: "The guard's arrest *changes* things",
        evidence: [
          { id: "e1", summary: "Guard held", grade: "B2" },
          { id: "gone", summary: "(not available at this time)", grade: null },
        ],
      },
    ]);
    expect(m.evidence).toEqual([{ id: "e8", summary: "New in window", grade: "F6", createdAt: "2026-01-15T08:30:00.000Z", retracted: false }]);
  });

  it("has no `moved` section without a diff", () => {
    const b = composeBrief({ ...input(), diff: null });
    expect(b.moved).toBeNull();
    expect(b.since).toBeNull();
  });

  it("prints outcomes as the outcomes card does", () => {
    expect(brief.outcomes.map((o) => [o.title, o.percent, o.words])).toEqual([
      ["Cooperation", "64 %", "likely"],
      ["Distrust", "—", "needs estimates on every path"],
    ]);
  });

  it("groups indicators by status and assumptions by question", () => {
    expect(brief.indicators.map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([
      ["Observed", ["i2"]],
      ["Watching", ["i1"]],
      ["Retired", ["i3"]],
    ]);
    expect(brief.indicators[0]!.items[0]).toMatchObject({
      direction: "undermines",
      hypothesisTitle: "No",
      questionLabel: "Q1",
      observedAt: "2026-01-12T00:00:00.000Z",
      evidence: [{ id: "e5", summary: "Second | suspect", grade: "A1" }],
    });
    expect(brief.assumptions.map((g) => [g.label, g.items.map((a) => [a.statement, a.status])])).toEqual([
      ["Q1", [["The guard was on duty", "caveated"]]],
      ["Q3", [["Sharing was possible", "solid"]]],
    ]);
  });

  it("gives each resolution the scores page's figures, to three decimals", () => {
    expect(brief.resolutions).toEqual([
      {
        questionId: "q2",
        label: "Q3",
        title: "Why silent?",
        resolution: { annulled: false, hypothesisId: "h3", answer: "A", at: "2026-01-20T00:00:00.000Z", note: "Confirmed", automatic: false, corrected: false },
        team: { name: "Team", brier: "0.020", logScore: "0.152", timeAveragedBrier: "0.123", estimates: null, analysts: 1 },
        analysts: [{ name: "Ana", brier: "0.020", logScore: "0.152", timeAveragedBrier: "0.046", estimates: 2 }],
      },
    ]);
  });

  it("leaves out scores of an answer that is not the one in force at the moment described", () => {
    const i = input();
    i.scores!.items[0]!.resolution = "h4"; // corrected after asOf
    expect(composeBrief(i).resolutions[0]).toMatchObject({ team: null, analysts: [], resolution: { answer: "A" } });
  });
});
