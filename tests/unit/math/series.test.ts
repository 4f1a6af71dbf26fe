import { describe, expect, it } from "vitest";
import { aggregate, pooledSeries, type OpenSet, type PoolMethod, type Probabilities, type SeriesEstimate } from "../../../lib/math";

describe("pooledSeries", () => {
  // Alice {a .6, b .4} at 0 (open {a, b}); c added at 10; Bob {a .3, b .3, c .4} at 20;
  // b archived at 30. Mean pool, hand-worked:
  //   0  Alice alone over {a, b}: .6, .4
  //   10 c open, nobody gave it: still .6, .4, no c
  //   20 a (.6+.3)/2 = .45, b (.4+.3)/2 = .35, c .4 (Bob alone) → ÷1.2: .375, .291667, .333333
  //   30 b gone: Alice → {a 1}, Bob → {a 3/7, c 4/7}; a (1 + 3/7)/2 = 5/7, c 4/7 → ÷9/7: 5/9, 4/9
  const estimates: SeriesEstimate[] = [
    { at: 20, analystId: "bob", probabilities: { a: 0.3, b: 0.3, c: 0.4 } },
    { at: 0, analystId: "alice", probabilities: { a: 0.6, b: 0.4 } },
  ];
  const openSets: OpenSet[] = [
    { at: -5, openIds: ["a", "b"] },
    { at: 10, openIds: ["a", "b", "c"] },
    { at: 30, openIds: ["a", "c"] },
  ];

  it("has a point at every estimate and open-set change once someone estimates, pooled over the set then", () => {
    const s = pooledSeries({ estimates, openSets, method: "mean" });
    expect(s.map((p) => p.at)).toEqual([0, 10, 20, 30]); // nothing at −5: nobody had estimated
    expect(s[0]!.probabilities).toEqual({ a: expect.closeTo(0.6, 12), b: expect.closeTo(0.4, 12) });
    expect(s[1]!.probabilities).toEqual({ a: expect.closeTo(0.6, 12), b: expect.closeTo(0.4, 12) });
    expect(s[2]!.probabilities.a).toBeCloseTo(0.375, 12);
    expect(s[2]!.probabilities.b).toBeCloseTo(0.35 / 1.2, 12);
    expect(s[2]!.probabilities.c).toBeCloseTo(1 / 3, 12);
    expect(s[3]!.probabilities).toEqual({ a: expect.closeTo(5 / 9, 12), c: expect.closeTo(4 / 9, 12) });
    expect(s.map((p) => p.analysts)).toEqual([1, 1, 2, 2]);
    expect(s[3]!.openIds).toEqual(["a", "c"]);
    // standing estimates as given, not restricted
    expect(s[3]!.standing).toEqual({ alice: { a: 0.6, b: 0.4 }, bob: { a: 0.3, b: 0.3, c: 0.4 } });
  });

  it("stops before `until` and gives one point per instant, the later-listed estimate winning", () => {
    const s = pooledSeries({
      estimates: [
        { at: 0, analystId: "alice", probabilities: { a: 0.6, b: 0.4 } },
        { at: 5, analystId: "alice", probabilities: { a: 0.1, b: 0.9 } },
        { at: 5, analystId: "alice", probabilities: { a: 0.2, b: 0.8 } },
        { at: 5, analystId: "bob", probabilities: { a: 0.4, b: 0.6 } },
        { at: 9, analystId: "bob", probabilities: { a: 1, b: 0 } },
      ],
      openSets: [{ at: 0, openIds: ["a", "b"] }, { at: 9, openIds: ["a"] }],
      method: "mean",
      until: 9,
    });
    expect(s.map((p) => p.at)).toEqual([0, 5]);
    // at 5: Alice's later .2 stands with Bob's .4 → a .3
    expect(s[1]!.probabilities.a).toBeCloseTo(0.3, 12);
    expect(s[1]!.standing.alice).toEqual({ a: 0.2, b: 0.8 });
  });

  it("gives an empty vector while no open hypothesis has a value, and nothing without estimates", () => {
    const s = pooledSeries({
      estimates: [{ at: 0, analystId: "alice", probabilities: { a: 0.6, b: 0.4 } }],
      openSets: [{ at: 0, openIds: ["a", "b"] }, { at: 5, openIds: ["c", "d"] }],
      method: "geometric",
    });
    expect(s.map((p) => [p.at, p.probabilities])).toEqual([
      [0, { a: expect.closeTo(0.6, 12), b: expect.closeTo(0.4, 12) }],
      [5, {}],
    ]);
    expect(pooledSeries({ estimates: [], openSets, method: "mean" })).toEqual([]);
  });

  it("equals aggregate() of the estimates standing and the hypotheses open at every moment", () => {
    // a deterministic jumble: 3 analysts, 60 estimates on a coarse clock (so instants repeat),
    // hypotheses added, archived and reopened along the way
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const sets: OpenSet[] = [
      { at: 0, openIds: ["h1", "h2"] },
      { at: 25, openIds: ["h1", "h2", "h3"] },
      { at: 50, openIds: ["h1", "h3"] },
      { at: 70, openIds: ["h1", "h2", "h3", "h4"] },
    ];
    const openAt = (t: number) => [...sets].reverse().find((x) => x.at <= t)!.openIds;
    const list: SeriesEstimate[] = Array.from({ length: 60 }, () => {
      const at = 1 + Math.floor(rand() * 20) * 5;
      const ids = openAt(at);
      const raw = ids.map(() => rand() + 0.01);
      const sum = raw.reduce((x, y) => x + y, 0);
      return { at, analystId: ["ana", "bo", "cy"][Math.floor(rand() * 3)]!, probabilities: Object.fromEntries(ids.map((id, i) => [id, raw[i]! / sum])) };
    });
    const until = 90;
    for (const method of ["geometric", "median", "mean"] as PoolMethod[]) {
      const series = pooledSeries({ estimates: list, openSets: sets, method, until });
      for (let t = 0; t < until; t += 0.5) {
        const standing = new Map<string, Probabilities>();
        for (const e of list) if (e.at <= t) standing.set(e.analystId, e.probabilities); // later-listed wins ties
        // list order is not time order: keep, per analyst, the latest time (later-listed on ties)
        for (const a of standing.keys()) {
          const mine = list.filter((e) => e.analystId === a && e.at <= t);
          const latest = Math.max(...mine.map((e) => e.at));
          standing.set(a, mine.filter((e) => e.at === latest).at(-1)!.probabilities);
        }
        const point = [...series].reverse().find((p) => p.at <= t);
        if (standing.size === 0) {
          expect(point).toBeUndefined();
          continue;
        }
        const expected = aggregate(method, [...standing.values()], openAt(t)) ?? {};
        expect(Object.keys(point!.probabilities).sort()).toEqual(Object.keys(expected).sort());
        for (const [id, p] of Object.entries(expected)) expect(point!.probabilities[id]).toBeCloseTo(p, 12);
        expect(point!.analysts).toBe(standing.size);
        expect(point!.standing).toEqual(Object.fromEntries(standing));
      }
    }
  });
});
