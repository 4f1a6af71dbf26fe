import { describe, it, expect } from "vitest";
import {
  clampProbability,
  normalize,
  restrictToOpen,
  restrictToGiven,
  icd203Words,
  icd203Band,
  ICD203_BANDS,
  sumsToOne,
} from "../../../lib/math";

describe("clampProbability", () => {
  it("keeps 0 and 1 off the edges with the default bounds", () => {
    expect(clampProbability(0)).toBe(0.0001);
    expect(clampProbability(1)).toBe(0.9999);
    expect(clampProbability(-3)).toBe(0.0001);
    expect(clampProbability(0.42)).toBe(0.42);
  });

  it("honours custom bounds", () => {
    expect(clampProbability(0.3, 0.4, 0.6)).toBe(0.4);
    expect(clampProbability(0.7, 0.4, 0.6)).toBe(0.6);
    expect(clampProbability(0.5, 0.4, 0.6)).toBe(0.5);
  });
});

describe("normalize", () => {
  it("scales to sum 1", () => {
    // 2 / (2+6) = 0.25; 6 / 8 = 0.75
    const p = normalize({ a: 2, b: 6 });
    expect(p.a).toBeCloseTo(0.25, 10);
    expect(p.b).toBeCloseTo(0.75, 10);
  });

  it("returns uniform over the keys when everything is 0", () => {
    const p = normalize({ a: 0, b: 0, c: 0, d: 0 });
    expect(p).toEqual({ a: 0.25, b: 0.25, c: 0.25, d: 0.25 });
  });

  it("treats negative and non-finite values as no mass", () => {
    // a: −1 → 0, b: NaN → 0, c: 3 → 3/3 = 1
    const p = normalize({ a: -1, b: Number.NaN, c: 3 });
    expect(p).toEqual({ a: 0, b: 0, c: 1 });
  });

  it("returns {} for empty input", () => {
    expect(normalize({})).toEqual({});
  });
});

describe("restrictToOpen", () => {
  it("counts a hypothesis added after the estimate as 0 and reports it missing", () => {
    // estimate predates h3: h1 .6, h2 .4, h3 0 → already sums to 1
    const r = restrictToOpen({ h1: 0.6, h2: 0.4 }, ["h1", "h2", "h3"]);
    expect(r.probabilities.h1).toBeCloseTo(0.6, 10);
    expect(r.probabilities.h2).toBeCloseTo(0.4, 10);
    expect(r.probabilities.h3).toBe(0);
    expect(r.missing).toEqual(["h3"]);
  });

  it("drops archived hypotheses and renormalises the rest", () => {
    // h3 (.2) archived: h1 .5/.8 = .625, h2 .3/.8 = .375
    const r = restrictToOpen({ h1: 0.5, h2: 0.3, h3: 0.2 }, ["h1", "h2"]);
    expect(Object.keys(r.probabilities).sort()).toEqual(["h1", "h2"]);
    expect(r.probabilities.h1).toBeCloseTo(0.625, 10);
    expect(r.probabilities.h2).toBeCloseTo(0.375, 10);
    expect(r.missing).toEqual([]);
  });

  it("handles archived and added hypotheses at once", () => {
    // a (.5) archived, c new: b .5/.5 = 1, c 0
    const r = restrictToOpen({ a: 0.5, b: 0.5 }, ["b", "c"]);
    expect(r.probabilities).toEqual({ b: 1, c: 0 });
    expect(r.missing).toEqual(["c"]);
  });

  it("falls back to uniform when no open hypothesis has mass", () => {
    // all mass was on archived a; b and c both new → 1/2 each
    const r = restrictToOpen({ a: 1 }, ["b", "c"]);
    expect(r.probabilities).toEqual({ b: 0.5, c: 0.5 });
    expect(r.missing).toEqual(["b", "c"]);
  });

  it("does not report an explicit 0 as missing", () => {
    const r = restrictToOpen({ a: 1, b: 0 }, ["a", "b"]);
    expect(r.missing).toEqual([]);
    expect(r.probabilities).toEqual({ a: 1, b: 0 });
  });

  it("returns nothing for no open hypotheses", () => {
    expect(restrictToOpen({ a: 1 }, [])).toEqual({ probabilities: {}, missing: [] });
  });
});

describe("restrictToGiven", () => {
  it("keeps only the open hypotheses the estimate gave, renormalised", () => {
    // x (.2) archived, c new and never given: a .5/.8 = .625, b .3/.8 = .375, no c
    const r = restrictToGiven({ a: 0.5, b: 0.3, x: 0.2 }, ["a", "b", "c"]);
    expect(Object.keys(r).sort()).toEqual(["a", "b"]);
    expect(r.a).toBeCloseTo(0.625, 12);
    expect(r.b).toBeCloseTo(0.375, 12);
  });

  it("keeps an explicit 0 and is {} when nothing open was given", () => {
    expect(restrictToGiven({ a: 1, b: 0 }, ["a", "b", "c"])).toEqual({ a: 1, b: 0 });
    expect(restrictToGiven({ x: 1 }, ["a", "b"])).toEqual({});
    // all the mass was on archived x: uniform over what is left, as normalize() does
    expect(restrictToGiven({ x: 1, a: 0, b: 0 }, ["a", "b"])).toEqual({ a: 0.5, b: 0.5 });
  });
});

describe("icd203Words", () => {
  it.each([
    [0, "almost no chance"],
    [0.0499, "almost no chance"],
    [0.05, "very unlikely"], // lower end of a lower band is included
    [0.1999, "very unlikely"],
    [0.2, "unlikely"],
    [0.4499, "unlikely"],
    [0.45, "roughly even chance"], // even-chance band is closed at both ends
    [0.5, "roughly even chance"],
    [0.55, "roughly even chance"],
    [0.5501, "likely"],
    [0.8, "likely"], // upper end of an upper band is included
    [0.8001, "very likely"],
    [0.95, "very likely"],
    [0.9501, "almost certain"],
    [1, "almost certain"],
  ])("p = %s → %s", (p, words) => {
    expect(icd203Words(p)).toBe(words);
  });

  it("puts computed values a hair off a boundary on that boundary", () => {
    // 0.35 + 0.1 = 0.44999999999999996 in floating point; meant 0.45
    expect(icd203Words(0.35 + 0.1)).toBe("roughly even chance");
  });

  it("clamps out-of-range values and rejects NaN", () => {
    expect(icd203Words(1.2)).toBe("almost certain");
    expect(icd203Words(-0.1)).toBe("almost no chance");
    expect(() => icd203Words(Number.NaN)).toThrow(RangeError);
  });

  it("exports seven contiguous bands covering [0, 1] for legends", () => {
    expect(ICD203_BANDS).toHaveLength(7);
    expect(ICD203_BANDS[0]?.from).toBe(0);
    expect(ICD203_BANDS[6]?.to).toBe(1);
    for (let i = 1; i < ICD203_BANDS.length; i++) {
      const prev = ICD203_BANDS[i - 1];
      const cur = ICD203_BANDS[i];
      expect(cur?.from).toBe(prev?.to);
      // a shared boundary belongs to exactly one of the two bands
      expect(Boolean(prev?.includesTo) !== Boolean(cur?.includesFrom)).toBe(true);
    }
    expect(icd203Band(0.3)).toMatchObject({ from: 0.2, to: 0.45, words: "unlikely" });
  });
});

describe("sumsToOne", () => {
  it("accepts sums within the default 0.001 tolerance", () => {
    expect(sumsToOne({ a: 0.5, b: 0.5 })).toBe(true);
    // .5 + .4995 = .9995, off by .0005 ≤ .001
    expect(sumsToOne({ a: 0.5, b: 0.4995 })).toBe(true);
    // .5 + .498 = .998, off by .002 > .001
    expect(sumsToOne({ a: 0.5, b: 0.498 })).toBe(false);
    // 0.1 + 0.2 = 0.30000000000000004, + 0.7 ≈ 1
    expect(sumsToOne({ a: 0.1, b: 0.2, c: 0.7 })).toBe(true);
  });

  it("honours a custom tolerance", () => {
    // .5 + .495 = .995, off by .005 ≤ .01
    expect(sumsToOne({ a: 0.5, b: 0.495 }, 0.01)).toBe(true);
  });

  it("rejects empty and non-finite input", () => {
    expect(sumsToOne({})).toBe(false);
    expect(sumsToOne({ a: 1, b: Number.NaN })).toBe(false);
  });
});
