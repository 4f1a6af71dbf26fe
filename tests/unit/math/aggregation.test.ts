import { describe, it, expect } from "vitest";
import {
  geometricMeanPool,
  medianPool,
  meanPool,
  aggregate,
  disagreement,
} from "../../../lib/math";

const A = { a: 0.6, b: 0.4 };
const B = { a: 0.2, b: 0.8 };

describe("geometricMeanPool", () => {
  it("takes the geometric mean per hypothesis and renormalises", () => {
    // a: sqrt(.6·.2) = sqrt(.12) = 0.346410; b: sqrt(.4·.8) = sqrt(.32) = 0.565685
    // sum 0.912096 → a 0.346410/0.912096 = 0.379796, b 0.620204
    const p = geometricMeanPool([A, B], ["a", "b"]);
    expect(p?.a).toBeCloseTo(0.379796, 5);
    expect(p?.b).toBeCloseTo(0.620204, 5);
  });

  it("clamps zero probabilities so one analyst cannot veto a hypothesis", () => {
    // A: a 1 → .9999, b 0 → .0001. B: .5/.5
    // a: sqrt(.9999·.5) = 0.707071; b: sqrt(.0001·.5) = 0.0070711; sum 0.714142
    // a 0.707071/0.714142 = 0.990099, b 0.009901 (not 0)
    const p = geometricMeanPool([{ a: 1, b: 0 }, { a: 0.5, b: 0.5 }], ["a", "b"]);
    expect(p?.a).toBeCloseTo(0.990099, 5);
    expect(p?.b).toBeCloseTo(0.009901, 5);
  });

  it("returns one analyst's estimate unchanged", () => {
    const p = geometricMeanPool([{ a: 0.7, b: 0.3 }], ["a", "b"]);
    expect(p?.a).toBeCloseTo(0.7, 10);
    expect(p?.b).toBeCloseTo(0.3, 10);
  });

  it("counts a hypothesis added after an estimate as 0 (clamped) for that analyst", () => {
    // A predates c: .6/.4/0 → c clamped .0001. B: .5/.3/.2
    // a sqrt(.3) = 0.547723, b sqrt(.12) = 0.346410, c sqrt(.0001·.2) = sqrt(.00002) = 0.0044721
    // sum 0.898605 → a 0.609525, b 0.385498, c 0.004977
    const p = geometricMeanPool([A, { a: 0.5, b: 0.3, c: 0.2 }], ["a", "b", "c"]);
    expect(p?.a).toBeCloseTo(0.609525, 5);
    expect(p?.b).toBeCloseTo(0.385498, 5);
    expect(p?.c).toBeCloseTo(0.004977, 5);
  });

  it("drops archived hypotheses before pooling", () => {
    // x archived: .5/.8 = .625, .3/.8 = .375
    const p = geometricMeanPool([{ a: 0.5, b: 0.3, x: 0.2 }], ["a", "b"]);
    expect(p).not.toHaveProperty("x");
    expect(p?.a).toBeCloseTo(0.625, 10);
    expect(p?.b).toBeCloseTo(0.375, 10);
  });

  it("returns null without estimates", () => {
    expect(geometricMeanPool([], ["a", "b"])).toBeNull();
  });
});

describe("medianPool", () => {
  it("takes the median per hypothesis and renormalises", () => {
    // a: median(.6,.2,.4) = .4; b: median(.3,.2,.5) = .3; c: median(.1,.6,.1) = .1
    // sum .8 → a .5, b .375, c .125
    const p = medianPool(
      [
        { a: 0.6, b: 0.3, c: 0.1 },
        { a: 0.2, b: 0.2, c: 0.6 },
        { a: 0.4, b: 0.5, c: 0.1 },
      ],
      ["a", "b", "c"],
    );
    expect(p?.a).toBeCloseTo(0.5, 10);
    expect(p?.b).toBeCloseTo(0.375, 10);
    expect(p?.c).toBeCloseTo(0.125, 10);
  });

  it("averages the middle two for an even count", () => {
    // a: (.2 + .6)/2 = .4, b: (.4 + .8)/2 = .6
    const p = medianPool([A, B], ["a", "b"]);
    expect(p?.a).toBeCloseTo(0.4, 10);
    expect(p?.b).toBeCloseTo(0.6, 10);
  });

  it("returns null without estimates", () => {
    expect(medianPool([], ["a"])).toBeNull();
  });
});

describe("meanPool", () => {
  it("takes the arithmetic mean per hypothesis", () => {
    // a: (.6+.2+.1)/3 = .3, b: (.4+.8+.9)/3 = .7
    const p = meanPool([A, B, { a: 0.1, b: 0.9 }], ["a", "b"]);
    expect(p?.a).toBeCloseTo(0.3, 10);
    expect(p?.b).toBeCloseTo(0.7, 10);
  });

  it("returns null without estimates", () => {
    expect(meanPool([], ["a"])).toBeNull();
  });
});

describe("aggregate", () => {
  it("dispatches on the method", () => {
    // mean: a (.6+.2)/2 = .4; geometric: 0.379796 (see above); median of two = mean
    expect(aggregate("mean", [A, B], ["a", "b"])?.a).toBeCloseTo(0.4, 10);
    expect(aggregate("geometric", [A, B], ["a", "b"])?.a).toBeCloseTo(0.379796, 5);
    expect(aggregate("median", [A, B], ["a", "b"])?.a).toBeCloseTo(0.4, 10);
    expect(aggregate("mean", [], ["a", "b"])).toBeNull();
  });
});

describe("disagreement", () => {
  it("averages the population standard deviation over hypotheses", () => {
    // a: .6,.2 mean .4, deviations ±.2 → sd .2; b: .4,.8 → sd .2; mean (.2+.2)/2 = .2
    expect(disagreement([A, B], ["a", "b"])).toBeCloseTo(0.2, 10);
  });

  it("is large for opposite certainties", () => {
    // a: 1,0 → sd .5; b: 0,1 → sd .5; c: 0,0 → sd 0; mean 1/3
    const d = disagreement(
      [
        { a: 1, b: 0, c: 0 },
        { a: 0, b: 1, c: 0 },
      ],
      ["a", "b", "c"],
    );
    expect(d).toBeCloseTo(1 / 3, 10);
  });

  it("counts a hypothesis an analyst never considered as 0", () => {
    // A: .6/.4/0 (predates c). B: .3/.3/.4
    // a: .6,.3 → sd .15; b: .4,.3 → sd .05; c: 0,.4 → sd .2; mean .4/3 = 0.133333
    const d = disagreement([A, { a: 0.3, b: 0.3, c: 0.4 }], ["a", "b", "c"]);
    expect(d).toBeCloseTo(0.133333, 5);
  });

  it("is 0 for one analyst and null for none", () => {
    expect(disagreement([A], ["a", "b"])).toBe(0);
    expect(disagreement([], ["a", "b"])).toBeNull();
  });
});
