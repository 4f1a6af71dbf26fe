import { describe, it, expect } from "vitest";
import { neededTimes, slotStarts, teamSeries } from "../../../lib/analysis/series";
import { scoreQuestion, DAY_MS } from "../../../lib/math";

const T0 = Date.UTC(2022, 8, 5);
const day = (n: number) => T0 + n * DAY_MS;
const IDS = ["a", "b"];

describe("teamSeries", () => {
  // Alice {a .6, b .4} on day 0, Bob {a .9, b .1} on day 1, resolved (a true) on day 2.5.
  const alice = [{ at: day(0), probabilities: { a: 0.6, b: 0.4 } }];
  const bob = [{ at: day(1), probabilities: { a: 0.9, b: 0.1 } }];

  it("pools the estimates standing at each day slot and at the last estimate", () => {
    const s = teamSeries([alice, bob], IDS, "mean", day(2.5));
    // slots start day 0, 1, 2; the last estimate is day 1 → points 0, 1, 1, 2
    expect(s.map((p) => (p.at - T0) / DAY_MS)).toEqual([0, 1, 1, 2]);
    expect(s[0]!.probabilities.a).toBeCloseTo(0.6, 12); // Alice alone
    expect(s[1]!.probabilities.a).toBeCloseTo(0.75, 12); // mean of .6 and .9
    expect(s[3]!.probabilities.a).toBeCloseTo(0.75, 12);
  });

  it("scores the team like an analyst", () => {
    const s = teamSeries([alice, bob], IDS, "mean", day(2.5));
    // final: (1 − .75)² + .25² = .125; log ln .75
    // time-averaged: day 0 Alice alone (.4² + .4² = .32), days 1 and 2 the pool (.125): (.32 + .25) / 3 = .19
    const scores = scoreQuestion(s, "a", IDS, day(2.5))!;
    expect(scores.brier).toBeCloseTo(0.125, 12);
    expect(scores.logScore).toBeCloseTo(Math.log(0.75), 12);
    expect(scores.timeAveragedBrier).toBeCloseTo(0.19, 12);
  });

  it("uses the geometric pool by default method name and ignores estimates at or after resolution", () => {
    const late = [...bob, { at: day(2.5), probabilities: { a: 0, b: 1 } }];
    const s = teamSeries([alice, late], IDS, "geometric", day(2.5));
    // √(.6·.9) = .7348…, √(.4·.1) = .2 → a = .7348 / .9348
    const a = Math.sqrt(0.54) / (Math.sqrt(0.54) + 0.2);
    expect(s[s.length - 1]!.probabilities.a).toBeCloseTo(a, 12);
  });

  it("is empty when nobody estimated before resolution", () => {
    expect(teamSeries([[{ at: day(3), probabilities: { a: 1, b: 0 } }]], IDS, "mean", day(2))).toEqual([]);
    expect(teamSeries([], IDS, "mean", day(2))).toEqual([]);
  });
});

describe("neededTimes", () => {
  it("keeps the estimate standing at each slot start, and the last", () => {
    // estimates at 0, .2, .5, 1.5, 1.7 days; slots at 0, 1, 2 → standing .0, .5, 1.7; last 1.7
    const times = [0, 0.2, 0.5, 1.5, 1.7].map(day);
    expect(neededTimes(times, slotStarts(day(0), day(2.5)))).toEqual([0, 0.5, 1.7].map(day));
    // another grid starting earlier (the team's, from day −0.5): −.5 none, .5 → .5, 1.5 → 1.5
    expect(neededTimes(times, slotStarts(day(-0.5), day(2)))).toEqual([0.5, 1.5, 1.7].map(day));
    expect(neededTimes([], [day(0)])).toEqual([]);
  });

  it("scores the reduced list exactly like the full one", () => {
    // a deterministic jumble: 300 estimates over 20 days, resolved on day 21
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const times = Array.from({ length: 300 }, () => day(rand() * 20)).sort((a, b) => a - b);
    const full = times.map((at) => {
      const a = rand();
      return { at, probabilities: { a, b: 1 - a } };
    });
    const resolvedAt = day(21);
    const kept = new Set(neededTimes(times, slotStarts(times[0]!, resolvedAt)));
    const reduced = full.filter((e) => kept.has(e.at));
    expect(reduced.length).toBeLessThan(30);
    expect(scoreQuestion(reduced, "a", IDS, resolvedAt)).toEqual(scoreQuestion(full, "a", IDS, resolvedAt));
    // and the team series from reduced lists equals the one from full lists
    const other = full.map((e) => ({ at: e.at + DAY_MS / 3, probabilities: { a: 1 - e.probabilities.a, b: e.probabilities.a } })).filter((e) => e.at < resolvedAt);
    const teamStarts = slotStarts(Math.min(full[0]!.at, other[0]!.at), resolvedAt);
    const keep = (list: typeof full) => {
      const k = new Set(neededTimes(list.map((e) => e.at), teamStarts));
      return list.filter((e) => k.has(e.at));
    };
    expect(teamSeries([keep(full), keep(other)], IDS, "geometric", resolvedAt)).toEqual(teamSeries([full, other], IDS, "geometric", resolvedAt));
  });
});
