import { describe, expect, it } from "vitest";
import { evenPercents, rebalance, roundToPercents } from "../../../lib/math";

describe("rebalance", () => {
  it("scales the others in proportion to what they held", () => {
    // a .2 → .5; b .3 and c .5 share the remaining .5 in ratio 3:5 → .1875 and .3125
    const out = rebalance({ a: 0.2, b: 0.3, c: 0.5 }, "a", 0.5);
    expect(out.a).toBeCloseTo(0.5, 10);
    expect(out.b).toBeCloseTo(0.1875, 10);
    expect(out.c).toBeCloseTo(0.3125, 10);
  });

  it("keeps a locked hypothesis and caps the moved one at what the lock leaves", () => {
    // c locked at .6 → a can be at most .4; a asks for .9 → .4, b gets 0
    const out = rebalance({ a: 0.2, b: 0.2, c: 0.6 }, "a", 0.9, ["c"]);
    expect(out).toEqual({ a: 0.4, b: 0, c: 0.6 });
  });

  it("splits the remainder equally when the others held nothing", () => {
    const out = rebalance({ a: 1, b: 0, c: 0 }, "a", 0.4);
    expect(out.b).toBeCloseTo(0.3, 10);
    expect(out.c).toBeCloseTo(0.3, 10);
  });

  it("pins the moved one when every other hypothesis is locked", () => {
    const out = rebalance({ a: 0.3, b: 0.7 }, "a", 0.9, ["b"]);
    expect(out.a).toBeCloseTo(0.3, 12);
    expect(out.b).toBe(0.7);
  });

  it("always sums to 1", () => {
    const out = rebalance({ a: 0.1, b: 0.2, c: 0.3, d: 0.4 }, "d", 0.05, ["a"]);
    expect(Object.values(out).reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
  });
});

describe("roundToPercents", () => {
  it("rounds thirds to 34/33/33 so the total is exactly 100", () => {
    const out = roundToPercents({ a: 1 / 3, b: 1 / 3, c: 1 / 3 });
    expect(Object.values(out).reduce((s, p) => s + p, 0)).toBe(100);
    expect(out).toEqual({ a: 34, b: 33, c: 33 });
  });

  it("gives the extra point to the largest remainder", () => {
    // 12.6, 50.7, 36.7 → floors 12, 50, 36 = 98; remainders .6,.7,.7 → b and c get +1
    expect(roundToPercents({ a: 0.126, b: 0.507, c: 0.367 })).toEqual({ a: 12, b: 51, c: 37 });
  });

  it("keeps two decimals when asked, still totalling exactly 100", () => {
    // 100/3 = 33.333… → 3333.33 hundredths each; floors 3333·3 = 9999, one unit to a (first)
    expect(roundToPercents({ a: 1, b: 1, c: 1 }, 2)).toEqual({ a: 33.34, b: 33.33, c: 33.33 });
    // scaled to sum 1 first: .1 / .6 / .1 / .1 (total .9) → 11.11 / 66.67 / 11.11 / 11.11
    expect(roundToPercents({ a: 0.1, b: 0.6, c: 0.1, d: 0.1 }, 2)).toEqual({ a: 11.11, b: 66.67, c: 11.11, d: 11.11 });
    // exact values survive: 12.5 stays 12.5, not 12.49
    expect(roundToPercents({ a: 0.125, b: 0.875 }, 2)).toEqual({ a: 12.5, b: 87.5 });
  });
});

describe("evenPercents", () => {
  it("splits evenly, the remainder going to the first", () => {
    expect(evenPercents(["a", "b", "c", "d"])).toEqual({ a: 25, b: 25, c: 25, d: 25 });
    expect(evenPercents(["a", "b", "c"])).toEqual({ a: 33.34, b: 33.33, c: 33.33 });
  });
});
