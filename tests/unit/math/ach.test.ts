import { describe, it, expect } from "vitest";
import {
  inconsistencyScores,
  likelihoodOf,
  LIKELIHOOD,
  diagnosticity,
  impliedProbabilities,
  teamLikelihood,
  ratingSpread,
  sensitivity,
  impliedGapFlag,
  type AchRow,
} from "../../../lib/math";

describe("inconsistencyScores", () => {
  const rows: AchRow[] = [
    { weight: 1, ratings: { h1: "C", h2: "I", h3: "II" } }, // A1
    { weight: 0.64, ratings: { h1: "I", h2: "N", h3: "I" } }, // B2
    { weight: 0, ratings: { h1: "II", h2: "II", h3: "II" } }, // retracted
    { weight: 0.36, ratings: { h1: "NA", h2: undefined, h3: "CC" } }, // C3
  ];

  it("weights I as 1 and II as 2 and ranks least inconsistent first", () => {
    // h1: .64×1 = .64, count 1
    // h2: 1×1 = 1, count 1
    // h3: 1×2 + .64×1 = 2.64, count 2 + 1 = 3
    // (the retracted row counts in neither score)
    const s = inconsistencyScores(rows, ["h1", "h2", "h3"]);
    expect(s.h1?.inconsistency).toBeCloseTo(0.64, 10);
    expect(s.h1?.inconsistencyCount).toBe(1);
    expect(s.h2?.inconsistency).toBeCloseTo(1, 10);
    expect(s.h2?.inconsistencyCount).toBe(1);
    expect(s.h3?.inconsistency).toBeCloseTo(2.64, 10);
    expect(s.h3?.inconsistencyCount).toBe(3);
    expect([s.h1?.rank, s.h2?.rank, s.h3?.rank]).toEqual([1, 2, 3]);
  });

  it("gives ties the same rank (1, 1, 3) despite floating-point noise", () => {
    // a: .1 + .2 = 0.30000000000000004; b: .3; c: .3 × 2 = .6
    const s = inconsistencyScores(
      [
        { weight: 0.1, ratings: { a: "I" } },
        { weight: 0.2, ratings: { a: "I" } },
        { weight: 0.3, ratings: { b: "I", c: "II" } },
      ],
      ["a", "b", "c"],
    );
    expect([s.a?.rank, s.b?.rank, s.c?.rank]).toEqual([1, 1, 3]);
  });

  it("scores a hypothesis added after the ratings as 0", () => {
    // d was never rated: 0 → rank 1; h1 .64 → 2; h2 1 → 3; h3 2.64 → 4
    const s = inconsistencyScores(rows, ["h1", "h2", "h3", "d"]);
    expect(s.d).toEqual({ inconsistency: 0, inconsistencyCount: 0, rank: 1 });
    expect(s.h3?.rank).toBe(4);
  });

  it("ignores ratings of archived hypotheses and handles no evidence", () => {
    const s = inconsistencyScores(rows, ["h1", "h2"]); // h3 archived
    expect(Object.keys(s).sort()).toEqual(["h1", "h2"]);
    const empty = inconsistencyScores([], ["a", "b"]);
    expect(empty.a).toEqual({ inconsistency: 0, inconsistencyCount: 0, rank: 1 });
    expect(empty.b?.rank).toBe(1);
  });
});

describe("likelihoodOf", () => {
  it("maps ratings to likelihoods, NA and unrated to null", () => {
    expect(LIKELIHOOD).toEqual({ CC: 4, C: 2, N: 1, I: 0.5, II: 0.25 });
    expect(likelihoodOf("CC")).toBe(4);
    expect(likelihoodOf("II")).toBe(0.25);
    expect(likelihoodOf("NA")).toBeNull();
    expect(likelihoodOf(undefined)).toBeNull();
  });

  it("lets an explicit likelihood win", () => {
    expect(likelihoodOf("C", 0.9)).toBe(0.9);
    expect(likelihoodOf("NA", 0.3)).toBe(0.3);
    expect(likelihoodOf("I", null)).toBe(0.5);
  });
});

describe("diagnosticity", () => {
  it("is weight × log2(max/min) in bits", () => {
    // max 4, min .5 → log2 8 = 3 bits; × .64 = 1.92
    expect(diagnosticity([4, 0.5, 1], 1)).toBeCloseTo(3, 10);
    expect(diagnosticity([4, 0.5, 1], 0.64)).toBeCloseTo(1.92, 10);
    // NA counts 1, which lies between: 4 / .25 = 16 → 4 bits × .5 = 2
    expect(diagnosticity([4, null, 0.25], 0.5)).toBeCloseTo(2, 10);
  });

  it("counts NA and unrated cells as likelihood 1 once the row has a rating", () => {
    // C 2 vs NA 1 → log2 2 = 1 bit: the factor 1 the implied probabilities use too
    expect(diagnosticity([2, null], 1)).toBeCloseTo(1, 10);
    // CC 4 vs NA 1 → 2 bits; I ½ vs NA, NA → log2(1 / ½) = 1 bit × .64
    expect(diagnosticity([4, null], 1)).toBeCloseTo(2, 10);
    expect(diagnosticity([0.5, null, null], 0.64)).toBeCloseTo(0.64, 10);
    // N 1 vs NA 1: nothing to tell apart
    expect(diagnosticity([1, null], 1)).toBe(0);
  });

  it("is 0 for non-diagnostic, unrated or retracted items", () => {
    expect(diagnosticity([2, 2, 2], 1)).toBe(0); // log2 1 = 0
    expect(diagnosticity([null, null], 1)).toBe(0); // nobody rated the row
    expect(diagnosticity([4], 1)).toBe(0); // one hypothesis
    expect(diagnosticity([], 1)).toBe(0);
    expect(diagnosticity([4, 0.25], 0)).toBe(0); // retracted
  });

  it("agrees with the implied probabilities and sensitivity on a C / NA row", () => {
    // Row {h1: C, h2: NA}, weight 1: h1 ∝ 2, h2 ∝ 1 → 2/3, 1/3 (from the uniform 1/2, 1/2).
    // It moves the posterior, so it must carry bits: 1, not 0.
    const row = { id: "e", weight: 1, likelihoods: { h1: 2, h2: null } };
    expect(diagnosticity([row.likelihoods.h1, row.likelihoods.h2], row.weight)).toBeCloseTo(1, 10);
    const p = impliedProbabilities([row], ["h1", "h2"]);
    expect(p.h1).toBeCloseTo(2 / 3, 12);
    expect(p.h2).toBeCloseTo(1 / 3, 12);
    // without it: 1/2, 1/2 → effect ½ (|1/2 − 2/3| + |1/2 − 1/3|) = 1/6
    const [item] = sensitivity([row], ["h1", "h2"]);
    expect(item!.effect).toBeCloseTo(1 / 6, 12);
    expect(item!.impliedWithout).toEqual({ h1: 0.5, h2: 0.5 });
    // an NA cell and an explicit 1 are the same factor everywhere
    const explicit = { ...row, likelihoods: { h1: 2, h2: 1 } };
    expect(impliedProbabilities([explicit], ["h1", "h2"])).toEqual(p);
    expect(sensitivity([explicit], ["h1", "h2"])[0]!.effect).toBeCloseTo(1 / 6, 12);
  });
});

describe("impliedProbabilities", () => {
  it("multiplies likelihoods into a uniform prior", () => {
    // h1 4, h2 .5 → 4/4.5 = .888889, .5/4.5 = .111111
    const p = impliedProbabilities([{ weight: 1, likelihoods: { h1: 4, h2: 0.5 } }], ["h1", "h2"]);
    expect(p.h1).toBeCloseTo(0.888889, 5);
    expect(p.h2).toBeCloseTo(0.111111, 5);
  });

  it("uses the weight as an exponent", () => {
    // 4^.5 = 2, .5^.5 = .707107 → 2/2.707107 = .738796
    const p = impliedProbabilities([{ weight: 0.5, likelihoods: { h1: 4, h2: 0.5 } }], ["h1", "h2"]);
    expect(p.h1).toBeCloseTo(0.738796, 5);
    expect(p.h2).toBeCloseTo(0.261204, 5);
  });

  it("treats NA (null) and unrated/new hypotheses as factor 1; ignores retracted rows and archived ids", () => {
    // h1: 4 × .5 = 2; h2: .5 × 2 = 1; h3: 1 × 1 (null) = 1; h4 new: 1
    // retracted row (weight 0) and archived x ignored → 2/5, 1/5, 1/5, 1/5
    const p = impliedProbabilities(
      [
        { weight: 1, likelihoods: { h1: 4, h2: 0.5, h3: 1, x: 100 } },
        { weight: 1, likelihoods: { h1: 0.5, h2: 2, h3: null } },
        { weight: 0, likelihoods: { h1: 0.25, h2: 4 } },
      ],
      ["h1", "h2", "h3", "h4"],
    );
    expect(p.h1).toBeCloseTo(0.4, 10);
    expect(p.h2).toBeCloseTo(0.2, 10);
    expect(p.h3).toBeCloseTo(0.2, 10);
    expect(p.h4).toBeCloseTo(0.2, 10);
    expect(p).not.toHaveProperty("x");
  });

  it("is uniform without evidence and {} without open hypotheses", () => {
    const p = impliedProbabilities([], ["a", "b", "c"]);
    expect(p.a).toBeCloseTo(1 / 3, 10);
    expect(p.c).toBeCloseTo(1 / 3, 10);
    expect(impliedProbabilities([{ weight: 1, likelihoods: { a: 2 } }], [])).toEqual({});
  });

  it("stays finite for many factors and for zero likelihoods", () => {
    // 200 rows of 4 vs .25: ratio 16^200 overflows a plain product; log space copes
    const many = Array.from({ length: 200 }, () => ({ weight: 1, likelihoods: { a: 4, b: 0.25 } }));
    const p = impliedProbabilities(many, ["a", "b"]);
    expect(p.a).toBeCloseTo(1, 10);
    expect(p.b).toBeCloseTo(0, 10);
    // 0 floored at .0001: a .0001/1.0001 = .00009999, b .99990001
    const z = impliedProbabilities([{ weight: 1, likelihoods: { a: 0, b: 1 } }], ["a", "b"]);
    expect(z.a).toBeCloseTo(0.00009999, 8);
    const allZero = impliedProbabilities([{ weight: 1, likelihoods: { a: 0, b: 0 } }], ["a", "b"]);
    expect(allZero).toEqual({ a: 0.5, b: 0.5 });
  });
});

describe("teamLikelihood", () => {
  it("is the geometric mean of the analysts' likelihoods", () => {
    expect(teamLikelihood([4, 0.25])).toBeCloseTo(1, 10); // sqrt(1)
    expect(teamLikelihood([4, 1])).toBeCloseTo(2, 10); // sqrt(4)
    expect(teamLikelihood([2, 0.5, 4])).toBeCloseTo(1.587401, 5); // cbrt(4)
    expect(teamLikelihood([2])).toBeCloseTo(2, 10); // one analyst
    expect(teamLikelihood([])).toBeNull();
  });
});

describe("ratingSpread", () => {
  it.each([
    [["C", "C"], 0, "consensus"],
    [["C", "N"], 1, "mild"],
    [["C", "I"], 2, "large"], // 1 − (−1)
    [["CC", "I"], 3, "extreme"], // 2 − (−1)
    [["CC", "II", "N"], 4, "extreme"], // 2 − (−2)
    [["NA", "NA", "N", "N"], 0, "consensus"], // NA excluded
  ] as const)("%j → %s %s", (values, spread, label) => {
    expect(ratingSpread(values)).toEqual({ spread, label });
  });

  it("has no spread with fewer than two ratings", () => {
    expect(ratingSpread(["C", "NA"])).toEqual({ spread: null, label: null });
    expect(ratingSpread([])).toEqual({ spread: null, label: null });
  });
});

describe("sensitivity", () => {
  it("ranks items by the total variation their removal causes", () => {
    // with all: h1 4·1·.5 = 2, h2 .5·1·1 = .5 → .8 / .2
    // without E1: h1 .5, h2 1 → 1/3, 2/3; TV ½(|.3333−.8| + |.6667−.2|) = .466667
    // without E2 (non-diagnostic): .8/.2 again → 0
    // without E3: h1 4, h2 .5 → .888889/.111111; TV ½(.088889·2) = .088889
    const items = sensitivity(
      [
        { id: "E2", weight: 1, likelihoods: { h1: 1, h2: 1 } },
        { id: "E3", weight: 1, likelihoods: { h1: 0.5, h2: 1 } },
        { id: "E1", weight: 1, likelihoods: { h1: 4, h2: 0.5 } },
      ],
      ["h1", "h2"],
    );
    expect(items.map((i) => i.evidenceId)).toEqual(["E1", "E3", "E2"]);
    expect(items[0]?.effect).toBeCloseTo(0.466667, 5);
    expect(items[0]?.impliedWithout.h1).toBeCloseTo(1 / 3, 10);
    expect(items[1]?.effect).toBeCloseTo(0.088889, 5);
    expect(items[2]?.effect).toBeCloseTo(0, 10);
  });

  it("gives retracted evidence no effect and returns [] for no evidence", () => {
    const items = sensitivity([{ id: "R", weight: 0, likelihoods: { a: 4, b: 0.25 } }], ["a", "b"]);
    expect(items[0]?.effect).toBe(0);
    expect(sensitivity([], ["a", "b"])).toEqual([]);
  });
});

describe("impliedGapFlag", () => {
  it("flags gaps of more than 20 points", () => {
    expect(impliedGapFlag({ a: 0.5, b: 0.5 }, { a: 0.8, b: 0.2 })).toBe(true); // .3
    expect(impliedGapFlag({ a: 0.6, b: 0.4 }, { a: 0.45, b: 0.55 })).toBe(false); // .15
    expect(impliedGapFlag({ a: 0.5, b: 0.5 }, { a: 0.3, b: 0.7 })).toBe(false); // exactly .2
    expect(impliedGapFlag({ a: 0.6, b: 0.4 }, { a: 0.45, b: 0.55 }, 0.1)).toBe(true); // .15 > .1
  });

  it("counts a missing key as 0", () => {
    // b: stated 0 vs implied .25
    expect(impliedGapFlag({ a: 1 }, { a: 0.75, b: 0.25 })).toBe(true);
  });
});
