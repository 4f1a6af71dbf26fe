import { describe, it, expect } from "vitest";
import { buildGrid, nearestConsistency, sensitivityRows, teamCell, type GridRating } from "../../../lib/analysis/grid";

describe("nearestConsistency", () => {
  it("maps a likelihood to the nearest ACH label on the log scale", () => {
    expect(nearestConsistency(4)).toBe("CC");
    expect(nearestConsistency(10)).toBe("CC"); // beyond the scale: the end of it
    expect(nearestConsistency(2)).toBe("C");
    expect(nearestConsistency(1)).toBe("N");
    expect(nearestConsistency(0.5)).toBe("I");
    expect(nearestConsistency(0.25)).toBe("II");
    expect(nearestConsistency(0.01)).toBe("II");
    expect(nearestConsistency(2.5)).toBe("C"); // log2 2.5 = 1.32
    expect(nearestConsistency(3)).toBe("CC"); // log2 3 = 1.58
  });

  it("sends exact ties toward N", () => {
    expect(nearestConsistency(Math.sqrt(8))).toBe("C"); // between C (1) and CC (2): 1.5
    expect(nearestConsistency(Math.SQRT1_2)).toBe("N"); // between N and I: −0.5
    expect(nearestConsistency(Math.sqrt(2))).toBe("N"); // +0.5
    expect(nearestConsistency(Math.sqrt(0.125))).toBe("I"); // between I and II: −1.5
  });
});

describe("teamCell", () => {
  it("takes the geometric mean of the analysts' likelihoods", () => {
    // C = 2, CC = 4 → √8 ≈ 2.828, labelled C (tie toward N)
    const t = teamCell([
      { consistency: "C", likelihood: null },
      { consistency: "CC", likelihood: null },
    ]);
    expect(t.likelihood).toBeCloseTo(Math.sqrt(8), 12);
    expect(t).toMatchObject({ consistency: "C", count: 2, ratedBy: 2 });
    // CC and II cancel: √(4 · ¼) = 1 → N
    expect(teamCell([{ consistency: "CC", likelihood: null }, { consistency: "II", likelihood: null }])).toMatchObject({ consistency: "N", likelihood: 1 });
  });

  it("counts an analyst's NA as likelihood 1 in the mean", () => {
    // {C, NA}: √(2 · 1) = √2, log2 = ½ — a tie between N and C, toward N
    const t = teamCell([
      { consistency: "C", likelihood: null },
      { consistency: "NA", likelihood: null },
    ]);
    expect(t.likelihood).toBeCloseTo(Math.SQRT2, 12);
    expect(t).toMatchObject({ consistency: "N", count: 1, ratedBy: 2 });
    // {CC, NA, NA}: ∛4 = 2^(2/3) ≈ 1.587 → C
    const t2 = teamCell([
      { consistency: "CC", likelihood: null },
      { consistency: "NA", likelihood: null },
      { consistency: "NA", likelihood: null },
    ]);
    expect(t2.likelihood).toBeCloseTo(2 ** (2 / 3), 12);
    expect(t2).toMatchObject({ consistency: "C", count: 1, ratedBy: 3 });
  });

  it("uses an explicit likelihood when given", () => {
    // explicit 0.5 (I), N 1 and NA 1 → ∛0.5 = 2^(−1/3) ≈ 0.794, log2 −⅓ → N
    const t = teamCell([
      { consistency: "C", likelihood: 0.5 },
      { consistency: "N", likelihood: null },
      { consistency: "NA", likelihood: null },
    ]);
    expect(t.likelihood).toBeCloseTo(2 ** (-1 / 3), 12);
    expect(t).toMatchObject({ consistency: "N", count: 2, ratedBy: 3 });
  });

  it("is NA when everyone said NA and empty when nobody rated", () => {
    expect(teamCell([{ consistency: "NA", likelihood: null }])).toEqual({ consistency: "NA", likelihood: null, count: 0, ratedBy: 1 });
    expect(teamCell([{ consistency: "NA", likelihood: null }, { consistency: "NA", likelihood: null }])).toEqual({ consistency: "NA", likelihood: null, count: 0, ratedBy: 2 });
    expect(teamCell([])).toEqual({ consistency: null, likelihood: null, count: 0, ratedBy: 0 });
  });
});

// The matrix worked by hand (also checked over HTTP in tests/integration/analysis-matrix.test.ts):
// E1 graded B2 → weight .8 × .8 = .64; E2 graded A1 → 1; E3 graded C3 (.36) but retracted → 0.
const H = ["h1", "h2", "h3"];
const evidence = [
  { id: "e1", reliability: "B" as const, credibility: 2 as const, retracted: false },
  { id: "e2", reliability: "A" as const, credibility: 1 as const, retracted: false },
  { id: "e3", reliability: "C" as const, credibility: 3 as const, retracted: true },
];
const r = (evidenceId: string, hypothesisId: string, analystId: string, consistency: GridRating["consistency"]): GridRating => ({
  evidenceId,
  hypothesisId,
  analystId,
  consistency,
  likelihood: null,
});
const ratings: GridRating[] = [
  r("e1", "h1", "alice", "C"),
  r("e1", "h2", "alice", "I"),
  r("e1", "h3", "alice", "II"),
  r("e2", "h1", "alice", "N"),
  r("e2", "h2", "alice", "CC"),
  r("e2", "h3", "alice", "NA"),
  r("e3", "h1", "alice", "II"),
  r("e1", "h1", "bob", "CC"),
  r("e1", "h2", "bob", "I"),
  r("e1", "h3", "bob", "N"),
  r("e2", "h1", "bob", "I"),
  r("e2", "h2", "bob", "C"),
  r("e2", "h3", "bob", "II"),
  r("e1", "hX", "bob", "II"), // a hypothesis of another question: ignored
];

describe("buildGrid", () => {
  const grid = buildGrid(evidence, H, ratings, "alice");

  it("weights rows by grade and zeroes retracted ones", () => {
    expect(grid.rows.map((x) => x.weight)).toEqual([0.8 * 0.8, 1, 0]);
  });

  it("scores the caller's ratings: Heuer inconsistency, rank, diagnosticity, implied", () => {
    // h1: nothing inconsistent (E3's II is retracted) · h2: E1 I → .64 · h3: E1 II → 1.28
    expect(grid.mine.scores.h1).toEqual({ inconsistency: 0, inconsistencyCount: 0, rank: 1 });
    expect(grid.mine.scores.h2!.inconsistency).toBeCloseTo(0.64, 12);
    expect(grid.mine.scores.h3!.inconsistency).toBeCloseTo(1.28, 12);
    expect([grid.mine.scores.h2!.inconsistencyCount, grid.mine.scores.h3!.inconsistencyCount]).toEqual([1, 2]);
    expect([grid.mine.scores.h2!.rank, grid.mine.scores.h3!.rank]).toEqual([2, 3]);
    // E1: C 2 vs II ¼ → log2 8 = 3 bits × .64 = 1.92 · E2: CC 4 vs N 1 (NA left out) → 2 bits × 1
    expect(grid.rows[0]!.diagnosticity).toBeCloseTo(1.92, 12);
    expect(grid.rows[1]!.diagnosticity).toBeCloseTo(2, 12);
    expect(grid.rows[2]!.diagnosticity).toBe(0);
    // log2 posterior: h1 .64·1 + 0 = .64 · h2 .64·(−1) + 2 = 1.36 · h3 .64·(−2) + 0 (NA) = −1.28
    const z = 2 ** 0.64 + 2 ** 1.36 + 2 ** -1.28;
    expect(grid.mine.implied.h1).toBeCloseTo(2 ** 0.64 / z, 12);
    expect(grid.mine.implied.h2).toBeCloseTo(2 ** 1.36 / z, 12);
    expect(grid.mine.implied.h3).toBeCloseTo(2 ** -1.28 / z, 12);
    expect(grid.mine.informativeRows).toBe(2);
  });

  it("scores the team from per-cell geometric means", () => {
    const [e1, e2] = grid.rows;
    // E1: h1 √(2·4) = 2^1.5 → C, spread C/CC = 1 (mild); h2 I/I → I, consensus; h3 √(¼·1) = ½ → I, II/N = 2 (large)
    expect(e1!.cells.map((c) => c.team.consistency)).toEqual(["C", "I", "I"]);
    expect(e1!.cells.map((c) => c.disagreement.label)).toEqual(["mild", "consensus", "large"]);
    // E2: h1 √(1·½) → N, h2 √(4·2) → C, h3 Alice NA (1) + Bob II (¼) → √¼ = ½ → I
    // (no spread with one non-NA rating)
    expect(e2!.cells.map((c) => c.team.consistency)).toEqual(["N", "C", "I"]);
    expect(e2!.cells[2]).toMatchObject({ team: { likelihood: 0.5, count: 1, ratedBy: 2 }, disagreement: { spread: null, label: null } });
    // team inconsistency: h2 E1 I → .64 · h3 E1 I + E2 I → .64 + 1 = 1.64 (counts 1 and 2)
    expect(grid.team.scores.h2!.inconsistency).toBeCloseTo(0.64, 12);
    expect(grid.team.scores.h3!.inconsistency).toBeCloseTo(1.64, 12);
    expect(grid.team.scores.h3!.inconsistencyCount).toBe(2);
    // team diagnosticity: E1 log2(2^1.5 / ½) = 2.5 bits × .64 = 1.6 · E2 log2(2^1.5 / ½) = 2.5
    expect(e1!.teamDiagnosticity).toBeCloseTo(1.6, 12);
    expect(e2!.teamDiagnosticity).toBeCloseTo(2.5, 12);
    // log2 posterior: h1 .64·1.5 − .5 = .46 · h2 −.64 + 1.5 = .86 · h3 −.64 − 1 = −1.64
    const z = 2 ** 0.46 + 2 ** 0.86 + 2 ** -1.64;
    expect(grid.team.implied.h1).toBeCloseTo(2 ** 0.46 / z, 12);
    expect(grid.team.implied.h2).toBeCloseTo(2 ** 0.86 / z, 12);
    expect(grid.team.implied.h3).toBeCloseTo(2 ** -1.64 / z, 12);
    expect(grid.raters).toBe(2);
  });

  it("shows the caller's cell, or null where they did not rate", () => {
    const bobView = buildGrid(evidence, H, ratings, "carol");
    expect(bobView.rows[0]!.cells[0]!.mine).toBeNull();
    expect(bobView.mine.implied).toEqual({ h1: 1 / 3, h2: 1 / 3, h3: 1 / 3 }); // the uniform prior
    expect(bobView.mine.informativeRows).toBe(0);
    expect(grid.rows[1]!.cells[2]!.mine).toEqual({ consistency: "NA", likelihood: null, explicitLikelihood: null });
  });

  it("feeds sensitivity only rows that carry weight and a rating", () => {
    expect(sensitivityRows(grid, "mine").map((x) => x.id)).toEqual(["e1", "e2"]);
    expect(sensitivityRows(buildGrid(evidence, H, ratings, "carol"), "mine")).toEqual([]);
    expect(sensitivityRows(grid, "team")[1]!.likelihoods.h3).toBeCloseTo(0.5, 12);
  });

  it("treats NA and unrated cells as factor 1 in diagnosticity, implied and sensitivity alike", () => {
    // One A1 item (weight 1). Alice: h1 C, h2 NA. Bob: h1 C only (h2 unrated).
    const ev = [{ id: "x", reliability: "A" as const, credibility: 1 as const, retracted: false }];
    const g = buildGrid(ev, ["h1", "h2"], [r("x", "h1", "alice", "C"), r("x", "h2", "alice", "NA"), r("x", "h1", "bob", "C")], "alice");
    const row = g.rows[0]!;
    // mine: C 2 vs NA 1 → 1 bit; implied 2/3, 1/3
    expect(row.diagnosticity).toBeCloseTo(1, 12);
    expect(g.mine.implied.h1).toBeCloseTo(2 / 3, 12);
    expect(g.mine.implied.h2).toBeCloseTo(1 / 3, 12);
    // team: h1 √(2·2) = 2, h2 only Alice's NA → "NA", likelihood null (factor 1) → 1 bit, 2/3
    expect(row.cells[1]!.team).toEqual({ consistency: "NA", likelihood: null, count: 0, ratedBy: 1 });
    expect(row.teamDiagnosticity).toBeCloseTo(1, 12);
    expect(g.team.implied.h1).toBeCloseTo(2 / 3, 12);
    // Bob's view: h1 C, h2 unrated in a rated row → also 1 bit
    expect(buildGrid(ev, ["h1", "h2"], [r("x", "h1", "bob", "C")], "bob").rows[0]!.diagnosticity).toBeCloseTo(1, 12);
    // sensitivity sees the same row and the same 1/6 effect
    const rows = sensitivityRows(g, "mine");
    expect(rows).toEqual([{ id: "x", weight: 1, likelihoods: { h1: 2, h2: null } }]);
  });

  it("averages an analyst's NA into the team cell as 1", () => {
    // Alice C, Bob NA on h1; both N on h2 → team h1 √2, h2 1 → ½ bit; implied √2 / (1 + √2)
    const ev = [{ id: "x", reliability: "A" as const, credibility: 1 as const, retracted: false }];
    const g = buildGrid(ev, ["h1", "h2"], [r("x", "h1", "alice", "C"), r("x", "h1", "bob", "NA"), r("x", "h2", "alice", "N"), r("x", "h2", "bob", "N")], "alice");
    expect(g.rows[0]!.cells[0]!.team.likelihood).toBeCloseTo(Math.SQRT2, 12);
    expect(g.rows[0]!.teamDiagnosticity).toBeCloseTo(0.5, 12);
    expect(g.team.implied.h1).toBeCloseTo(Math.SQRT2 / (1 + Math.SQRT2), 12);
  });
});
