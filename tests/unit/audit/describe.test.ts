// The one describer behind the audit log, the activity feed and the diff: each event in
// words that name the question, the item and the numbers, never the actor.
import { describe, expect, it } from "vitest";
import { describeEvent, type Names } from "@/lib/audit/describe";
import { EVENT_KINDS, EVENT_TYPES } from "@/lib/audit/catalogue";

const questions = new Map([["q1", "Did a faction help?"]]);
const hypotheses = new Map([
  ["h1", { title: "Yes", questionId: "q1" }],
  ["h2", { title: "No", questionId: "q1" }],
]);
const evidence = new Map([["e1", "Guard waved him through"]]);
const names: Names = {
  question: (id) => (id ? (questions.get(id) ?? null) : null),
  hypothesis: (id) => (id ? (hypotheses.get(id)?.title ?? null) : null),
  questionOf: (id) => (id ? (hypotheses.get(id)?.questionId ?? null) : null),
  evidence: (id) => (id ? (evidence.get(id) ?? null) : null),
};
const ev = (type: string, entity: string, entityId: string, before: unknown, after: unknown) => describeEvent({ type, entity, entityId, before, after }, names);

describe("describeEvent", () => {
  it("names the question and the numbers of an estimate", () => {
    expect(ev("estimate.created", "estimate", "x", null, { questionId: "q1", probabilities: { h1: 0.4, h2: 0.6 }, rationale: "the call", evidenceIds: [] })).toEqual({
      text: "estimated “Did a faction help?”: Yes 40 %, No 60 % — “the call”",
      questionId: "q1",
      item: null,
    });
  });

  it("names the item, the question and each cell of a rating change, a clear included", () => {
    const d = ev(
      "ratings.updated",
      "evidence",
      "e1",
      [{ hypothesisId: "h1", consistency: "C", likelihood: null }, { hypothesisId: "h2", consistency: null, likelihood: null }],
      [{ hypothesisId: "h1", consistency: null, likelihood: null }, { hypothesisId: "h2", consistency: "I", likelihood: null }],
    );
    expect(d).toEqual({
      text: "rated “Guard waved him through” on “Did a faction help?”: Yes C → cleared, No unrated → I",
      questionId: "q1",
      item: "Guard waved him through",
    });
  });

  it("says what an evidence edit changed and why an item was retracted", () => {
    const before = { summary: "E1", reliability: "B", credibility: 2, tags: [] };
    const after = { summary: "E1 (corrected)", reliability: "C", credibility: 3, tags: [] };
    expect(ev("evidence.updated", "evidence", "e1", before, after).text).toBe("edited evidence “E1 (corrected)”: grade B2 → C3, summary changed");
    expect(ev("evidence.retracted", "evidence", "e1", null, { retractReason: "forged" }).text).toBe("retracted evidence “Guard waved him through”: forged");
  });

  it("tells a correction, an automatic annulment and a reopening apart", () => {
    expect(
      ev("question.resolution_corrected", "question", "q1", { title: "Did a faction help?", hypothesisId: "h2", annulled: false }, { title: "Did a faction help?", hypothesisId: "h1", annulled: false, reason: "appeal" }).text,
    ).toBe("corrected the resolution of “Did a faction help?”: “No” → “Yes” (why: appeal)");
    expect(ev("question.annulled", "question", "q1", null, { title: "Child?", annulled: true, automatic: true, note: "its condition is false" }).text).toBe(
      "“Child?” was annulled automatically: its condition is false",
    );
    expect(ev("hypothesis.reopened", "hypothesis", "h2", { title: "No", status: "archived" }, { title: "No", status: "open" })).toEqual({
      text: "restored hypothesis “No” of “Did a faction help?”",
      questionId: "q1",
      item: null,
    });
  });

  it("says what happened to an indicator and a key assumption, under their question", () => {
    const watching = { hypothesisId: "h1", title: "Guard questioned", description: "", direction: "supports", status: "watching", evidenceIds: [], version: 1 };
    expect(ev("indicator.added", "indicator", "i1", null, watching)).toEqual({
      text: "added indicator “Guard questioned”, which would support “Yes” of “Did a faction help?”",
      questionId: "q1",
      item: null,
    });
    expect(ev("indicator.observed", "indicator", "i1", watching, { ...watching, status: "observed", evidenceIds: ["e1"], version: 2 }).text).toBe(
      "observed indicator “Guard questioned” for “Yes”, shown by “Guard waved him through”",
    );
    expect(ev("indicator.updated", "indicator", "i1", watching, { ...watching, status: "retired", version: 2 }).text).toBe("retired indicator “Guard questioned”");
    expect(ev("indicator.updated", "indicator", "i1", watching, { ...watching, status: "not_observed", version: 2 }).text).toBe("marked indicator “Guard questioned” not observed");
    const solid = { questionId: "q1", statement: "Guards were on duty", status: "solid", note: "", version: 1 };
    expect(ev("assumption.added", "assumption", "a1", null, solid)).toEqual({
      text: "added key assumption “Guards were on duty” to “Did a faction help?”",
      questionId: "q1",
      item: null,
    });
    expect(ev("assumption.updated", "assumption", "a1", solid, { ...solid, status: "unsupported", note: "no roster", version: 2 }).text).toBe(
      "marked assumption “Guards were on duty” unsupported (was solid) — no roster",
    );
  });

  it("describes every catalogued type in words, and anything else without failing", () => {
    for (const type of Object.keys(EVENT_TYPES)) {
      const text = ev(type, EVENT_TYPES[type as keyof typeof EVENT_TYPES].entity, "x", null, null).text;
      expect(text.length, type).toBeGreaterThan(5);
      expect(text, type).not.toMatch(/undefined|\[object/);
    }
    expect(ev("something.new", "thing", "x", null, { title: "T" }).text).toBe("something new “T”");
  });

  it("offers every event type in the audit log's kind filter", () => {
    expect(EVENT_KINDS.flatMap((k) => k.types.map((t) => t.type)).sort()).toEqual(Object.keys(EVENT_TYPES).sort());
  });
});
