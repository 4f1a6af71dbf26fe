import { describe, it, expect } from "vitest";
import {
  geometricMeanPool,
  medianPool,
  meanPool,
  aggregate,
  disagreement,
  restrictToGiven,
} from "../../../lib/math";
import { poolRow } from "../../../lib/math/aggregation";

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

  it("does not let a stale estimate veto a hypothesis it never saw", () => {
    // The review's case: {h1 .5, h2 .5} predates h3; {h1 .3, h2 .3, h3 .4} is fresh.
    // h1, h2: √(.5·.3) = √.15 = .387298 each; h3 only from the fresh estimate: .4
    // h3 = .4 / (2·.387298 + .4) = .4 / 1.174597 = .340542 (it was .0081 when the stale one counted 0)
    const p = geometricMeanPool([{ h1: 0.5, h2: 0.5 }, { h1: 0.3, h2: 0.3, h3: 0.4 }], ["h1", "h2", "h3"]);
    expect(p?.h3).toBeCloseTo(0.4 / (2 * Math.sqrt(0.15) + 0.4), 12);
    expect(p?.h3).toBeGreaterThan(0.3);
    expect(p?.h3).toBeLessThan(0.4);
    expect(p?.h1).toBeCloseTo(Math.sqrt(0.15) / (2 * Math.sqrt(0.15) + 0.4), 12); // .329729
  });

  it("pools each hypothesis over the estimates that gave it a value", () => {
    // A {a .6, b .4} predates c; B {a .5, b .3, c .2}
    // a √(.6·.5) = √.3 = .547723, b √(.4·.3) = √.12 = .346410, c .2 (B alone)
    // sum 1.094133 → a .500600, b .316607, c .182793
    const p = geometricMeanPool([A, { a: 0.5, b: 0.3, c: 0.2 }], ["a", "b", "c"]);
    expect(p?.a).toBeCloseTo(0.5006, 4);
    expect(p?.b).toBeCloseTo(0.316607, 5);
    expect(p?.c).toBeCloseTo(0.182793, 5);
  });

  it("renormalises each estimate over the open hypotheses it gave before pooling", () => {
    // E1 {a .5, b .3, x .2}, x archived → {a .625, b .375}; E2 {a .2, b .2, c .6}
    // a √(.625·.2) = √.125 = .353553, b √(.375·.2) = √.075 = .273861, c .6
    // sum 1.227414 → a .288047, b .223120, c .488832
    const p = geometricMeanPool([{ a: 0.5, b: 0.3, x: 0.2 }, { a: 0.2, b: 0.2, c: 0.6 }], ["a", "b", "c"]);
    expect(Object.keys(p!).sort()).toEqual(["a", "b", "c"]);
    expect(p?.a).toBeCloseTo(0.288047, 5);
    expect(p?.b).toBeCloseTo(0.22312, 5);
    expect(p?.c).toBeCloseTo(0.488832, 5);
  });

  it("leaves out a hypothesis nobody gave, and is null when no open hypothesis has a value", () => {
    // c is open but no estimate gave it: absent ("no estimate"), not 0
    const p = geometricMeanPool([A, B], ["a", "b", "c"]);
    expect(p).not.toHaveProperty("c");
    expect(p?.a).toBeCloseTo(0.379796, 5);
    // every value is for an archived hypothesis
    expect(geometricMeanPool([{ x: 0.7, y: 0.3 }], ["a", "b"])).toBeNull();
    expect(geometricMeanPool([A], [])).toBeNull();
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

  it("takes the median over the estimates that gave each hypothesis", () => {
    // c: only E1 (.1) and E2 (.6) gave it → .35; a median(.6,.2,.5) = .5; b median(.3,.2,.5) = .3
    // sum 1.15 → a .434783, b .260870, c .304348
    const p = medianPool(
      [
        { a: 0.6, b: 0.3, c: 0.1 },
        { a: 0.2, b: 0.2, c: 0.6 },
        { a: 0.5, b: 0.5 },
      ],
      ["a", "b", "c"],
    );
    expect(p?.a).toBeCloseTo(0.5 / 1.15, 10);
    expect(p?.b).toBeCloseTo(0.3 / 1.15, 10);
    expect(p?.c).toBeCloseTo(0.35 / 1.15, 10);
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

  it("takes the mean over the estimates that gave each hypothesis, then normalises", () => {
    // A {a .6, b .4} predates c; B {a .5, b .3, c .2}: a .55, b .35, c .2 → sum 1.1
    // → a .5, b .318182, c .181818 (c was .1 when A counted 0 for it)
    const p = meanPool([A, { a: 0.5, b: 0.3, c: 0.2 }], ["a", "b", "c"]);
    expect(p?.a).toBeCloseTo(0.5, 10);
    expect(p?.b).toBeCloseTo(0.35 / 1.1, 10);
    expect(p?.c).toBeCloseTo(0.2 / 1.1, 10);
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

  it("applies the same available-case rule to every method", () => {
    // {h1 .5, h2 .5} predates h3; {h1 .3, h2 .3, h3 .4}: h3 comes from the fresh estimate alone
    const stale = { h1: 0.5, h2: 0.5 };
    const fresh = { h1: 0.3, h2: 0.3, h3: 0.4 };
    const ids = ["h1", "h2", "h3"];
    // mean and median of two: h1 .4, h2 .4, h3 .4 → 1/3 each
    expect(aggregate("mean", [stale, fresh], ids)?.h3).toBeCloseTo(1 / 3, 10);
    expect(aggregate("median", [stale, fresh], ids)?.h3).toBeCloseTo(1 / 3, 10);
    expect(aggregate("geometric", [stale, fresh], ids)?.h3).toBeCloseTo(0.340542, 5);
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

  it("takes each hypothesis's spread over the estimates that gave it", () => {
    // A {.6, .4} predates c; B {.3, .3, .4}
    // a: .6,.3 → sd .15; b: .4,.3 → sd .05; c: only .4 → sd 0; mean (.15 + .05 + 0) / 3 = .066667
    // (A's silence on c is not a disagreement about c: it was .133333 when A counted 0)
    const d = disagreement([A, { a: 0.3, b: 0.3, c: 0.4 }], ["a", "b", "c"]);
    expect(d).toBeCloseTo(0.2 / 3, 10);
  });

  it("averages only over hypotheses somebody gave, after renormalising over the open ones", () => {
    // E1 {a .5, b .3, x .2}, x archived → {a .625, b .375}; E2 {a .5, b .5}; c open, nobody gave it
    // a: .625,.5 → sd .0625; b: .375,.5 → sd .0625; c left out → mean .0625
    expect(disagreement([{ a: 0.5, b: 0.3, x: 0.2 }, { a: 0.5, b: 0.5 }], ["a", "b", "c"])).toBeCloseTo(0.0625, 10);
    // nothing open has a value: nothing to compare
    expect(disagreement([{ x: 1 }], ["a", "b"])).toBeNull();
  });

  it("is 0 for one analyst and null for none", () => {
    expect(disagreement([A], ["a", "b"])).toBe(0);
    expect(disagreement([], ["a", "b"])).toBeNull();
  });
});

describe("poolRow", () => {
  // the restricted estimate, by its definition (restrictToGiven), as a row over ids
  const expected = (method: "geometric" | "mean", e: Record<string, number>, ids: string[]) => {
    const given = restrictToGiven(e, ids);
    return ids.map((id) => (id in given ? (method === "geometric" ? Math.log(Math.min(0.9999, Math.max(0.0001, given[id]!))) : given[id]!) : NaN));
  };
  const cases: [Record<string, number>, string[]][] = [
    [{ a: 0.5, b: 0.3, x: 0.2 }, ["a", "b", "c"]], // x archived, c added later
    [{ a: 1, b: 0 }, ["a", "b", "c"]], // an explicit 0 is given
    [{ a: 0, b: 0, x: 1 }, ["a", "b"]], // no mass left: uniform over the given ids
    [{ x: 1 }, ["a", "b"]], // nothing given
    [{ a: -1, b: Number.NaN, c: 0.25 }, ["a", "b", "c"]], // bad values count as no mass
  ];
  it("is restrictToGiven's estimate as numbers, NaN where it gave none, logs for the geometric pool", () => {
    for (const [e, ids] of cases) {
      for (const method of ["geometric", "mean"] as const) expect(Array.from(poolRow(method, e, ids))).toEqual(expected(method, e, ids));
    }
  });
});
