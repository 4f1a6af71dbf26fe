import { describe, it, expect } from "vitest";
import { scoreHistory, type QuestionHistory } from "../../../lib/analysis/score-history";

const T0 = Date.UTC(2022, 8, 5);
const DAY = 24 * 60 * 60 * 1000;
const day = (n: number) => T0 + n * DAY;

describe("scoreHistory: archiving cannot change a score", () => {
  // Alice {a .5, b .3, x .2} on day 0; x archived on day 0.5; Alice {a .7, b .3} on day 1;
  // a true on day 2. Twin: x never archived, so her second estimate also gives x 0.
  const archived: QuestionHistory = {
    estimates: [
      { at: day(0), analystId: "alice", probabilities: { a: 0.5, b: 0.3, x: 0.2 } },
      { at: day(1), analystId: "alice", probabilities: { a: 0.7, b: 0.3 } },
    ],
    openSets: [
      { at: day(-1), openIds: ["a", "b", "x"] },
      { at: day(0.5), openIds: ["a", "b"] },
    ],
    hypothesisIds: ["a", "b", "x"],
    trueId: "a",
    resolvedAt: day(2),
    method: "geometric",
  };
  const never: QuestionHistory = {
    ...archived,
    estimates: [
      { at: day(0), analystId: "alice", probabilities: { a: 0.5, b: 0.3, x: 0.2 } },
      { at: day(1), analystId: "alice", probabilities: { a: 0.7, b: 0.3, x: 0 } },
    ],
    openSets: [{ at: day(-1), openIds: ["a", "b", "x"] }],
  };

  it("scores each estimate as given, so the analyst's scores are the same with or without the archive", () => {
    // day 0: (.5−1)² + .3² + .2² = .38 (x keeps its .2); day 1: .3² + .3² (+ 0²) = .18
    // Brier .18, log ln .7, time-averaged (.38·1 + .18·1) / 2 = .28
    // (re-expressed over {a, b} at resolution, day 0 became .625/.375 → .28125 and the average .23)
    const [alice] = scoreHistory(archived).analysts;
    expect(alice!.scores.brier).toBeCloseTo(0.18, 12);
    expect(alice!.scores.logScore).toBeCloseTo(Math.log(0.7), 12);
    expect(alice!.scores.timeAveragedBrier).toBeCloseTo(0.28, 12);
    expect(alice).toMatchObject({ analystId: "alice", estimates: 2, lastAt: day(1) });
    expect(scoreHistory(never).analysts).toEqual(scoreHistory(archived).analysts);
    expect(scoreHistory(archived).hypothesisIds).toEqual(["a", "b", "x"]);
  });

  it("scores the team on what the overview showed: the pool over the hypotheses open at each moment", () => {
    // day 0–0.5 over {a, b, x}: .5/.3/.2 → .38; day 0.5–1 over {a, b}: .625/.375 → .140625·2 = .28125;
    // day 1–2: .7/.3 → .18. (.38·.5 + .28125·.5 + .18·1) / 2 = (.19 + .140625 + .18) / 2 = .2553125
    const team = scoreHistory(archived).team!;
    expect(team.timeAveragedBrier).toBeCloseTo(0.2553125, 12);
    expect(team.brier).toBeCloseTo(0.18, 12);
    expect(team.logScore).toBeCloseTo(Math.log(0.7), 12);
  });
});

describe("scoreHistory: exact time weighting", () => {
  // Alice A {a .6, b .4} day 0 and B {a .9, b .1} day 1.5; Bob {a .8, b .2} day 0.5; a true day 3.
  const history: QuestionHistory = {
    estimates: [
      { at: day(1.5), analystId: "alice", probabilities: { a: 0.9, b: 0.1 } },
      { at: day(0.5), analystId: "bob", probabilities: { a: 0.8, b: 0.2 } },
      { at: day(0), analystId: "alice", probabilities: { a: 0.6, b: 0.4 } },
      { at: day(3), analystId: "bob", probabilities: { a: 1, b: 0 } }, // at resolution: ignored
    ],
    openSets: [{ at: day(-1), openIds: ["a", "b"] }],
    hypothesisIds: ["a", "b"],
    trueId: "a",
    resolvedAt: day(3),
    method: "mean",
  };

  it("weights each analyst's estimates by the time they stood", () => {
    // Alice (.32·1.5 + .02·1.5) / 3 = .17; Bob .2² + .2² = .08 throughout
    const s = scoreHistory(history);
    expect(s.analysts.map((a) => a.analystId)).toEqual(["alice", "bob"]);
    expect(s.analysts[0]!.scores.timeAveragedBrier).toBeCloseTo(0.17, 12);
    expect(s.analysts[1]!.scores.timeAveragedBrier).toBeCloseTo(0.08, 12);
    expect(s.analysts[1]!.estimates).toBe(1);
  });

  it("weights the team's step function from the first estimate by anyone", () => {
    // 0–0.5 Alice alone .6/.4 → .32; 0.5–1.5 mean .7/.3 → .18; 1.5–3 mean .85/.15 → .045
    // (.32·.5 + .18·1 + .045·1.5) / 3 = (.16 + .18 + .0675) / 3 = .135833…
    const team = scoreHistory(history).team!;
    expect(team.timeAveragedBrier).toBeCloseTo(0.4075 / 3, 12);
    expect(team.brier).toBeCloseTo(0.045, 12);
    expect(team.logScore).toBeCloseTo(Math.log(0.85), 12);
  });

  it("makes a true hypothesis added later cost a stale estimate, not the team's pool of it", () => {
    // c added day 1 and true. Alice {a .6, b .4} day 0: .36 + .16 + 1 = 1.52 throughout.
    // Bob {a .2, b .2, c .6} day 1: .04 + .04 + .16 = .24.
    // Team (mean): day 0–1 Alice alone, no c: 1.52; day 1–2 a .4, b .3, c .6 (Bob alone) → ÷1.3:
    //   (4/13)² + (3/13)² + (6/13 − 1)² = (16 + 9 + 49) / 169 = 74/169 ≈ .437870
    const s = scoreHistory({
      estimates: [
        { at: day(0), analystId: "alice", probabilities: { a: 0.6, b: 0.4 } },
        { at: day(1), analystId: "bob", probabilities: { a: 0.2, b: 0.2, c: 0.6 } },
      ],
      openSets: [
        { at: day(-1), openIds: ["a", "b"] },
        { at: day(1), openIds: ["a", "b", "c"] },
      ],
      hypothesisIds: ["a", "b", "c"],
      trueId: "c",
      resolvedAt: day(2),
      method: "mean",
    });
    expect(s.analysts[0]!.scores.brier).toBeCloseTo(1.52, 12);
    expect(s.analysts[0]!.scores.logScore).toBeCloseTo(Math.log(0.0001), 12);
    expect(s.analysts[1]!.scores.timeAveragedBrier).toBeCloseTo(0.24, 12);
    expect(s.team!.brier).toBeCloseTo(74 / 169, 12);
    expect(s.team!.timeAveragedBrier).toBeCloseTo((1.52 + 74 / 169) / 2, 12);
    expect(s.hypothesisIds).toEqual(["a", "b", "c"]);
  });

  it("scores nobody without estimates before resolution", () => {
    const s = scoreHistory({ ...history, estimates: history.estimates.slice(3) });
    expect(s).toEqual({ hypothesisIds: ["a"], analysts: [], team: null });
  });
});
