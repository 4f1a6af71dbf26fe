import { describe, it, expect } from "vitest";
import {
  brierScore,
  logScore,
  timeAveragedBrier,
  standingEstimate,
  scoreQuestion,
  calibration,
  forecastsFromEstimate,
  type TimedEstimate,
} from "../../../lib/math";

const T0 = Date.UTC(2022, 8, 5); // a fixed instant, not the clock
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const day = (n: number) => T0 + n * DAY;
const A = { a: 0.6, b: 0.4 }; // Brier if a true: .4² + .4² = .32
const B = { a: 0.9, b: 0.1 }; // Brier if a true: .1² + .1² = .02

describe("brierScore", () => {
  it("sums squared errors over the estimate's hypotheses", () => {
    // a true: (.7−1)² + .2² + .1² = .09 + .04 + .01 = .14
    expect(brierScore({ a: 0.7, b: 0.2, c: 0.1 }, "a")).toBeCloseTo(0.14, 10);
    // b true: .7² + (.2−1)² + .1² = .49 + .64 + .01 = 1.14
    expect(brierScore({ a: 0.7, b: 0.2, c: 0.1 }, "b")).toBeCloseTo(1.14, 10);
  });

  it("spans 0 to 2", () => {
    expect(brierScore({ a: 1, b: 0 }, "a")).toBe(0);
    expect(brierScore({ a: 1, b: 0 }, "b")).toBe(2); // 1² + (0−1)²
  });

  it("scores the estimate as given: an archived hypothesis keeps its p, nothing is renormalised", () => {
    // x archived before resolution, a true: (.5−1)² + .3² + .2² = .25 + .09 + .04 = .38
    // (re-expressed over {a, b} it would be .625/.375 → .28125: archiving would have helped)
    expect(brierScore({ a: 0.5, b: 0.3, x: 0.2 }, "a")).toBeCloseTo(0.38, 12);
  });

  it("counts a true hypothesis the estimate never gave as p = 0", () => {
    // c added after the estimate and true: .6² + .4² + (0−1)² = .36 + .16 + 1 = 1.52
    expect(brierScore(A, "c")).toBeCloseTo(1.52, 10);
  });
});

describe("logScore", () => {
  it("is ln p(true)", () => {
    expect(logScore({ a: 0.7, b: 0.3 }, "a")).toBeCloseTo(-0.356675, 5); // ln .7
    expect(logScore({ a: 1, b: 0 }, "a")).toBe(0);
    // as given, not renormalised: x archived, a .5 → ln .5 (not ln .625)
    expect(logScore({ a: 0.5, b: 0.3, x: 0.2 }, "a")).toBeCloseTo(Math.log(0.5), 12);
  });

  it("floors p at 0.0001 instead of −∞", () => {
    expect(logScore({ a: 1, b: 0 }, "b")).toBeCloseTo(-9.21034, 4); // ln .0001
    expect(logScore({ a: 1 }, "b")).toBeCloseTo(-9.21034, 4); // missing = 0
  });
});

describe("timeAveragedBrier", () => {
  it("weights each estimate by the time it stood", () => {
    // A day 0, B day 1.5, resolved day 3: A stands 1.5 d, B 1.5 d
    // (.32·1.5 + .02·1.5) / 3 = (.48 + .03) / 3 = .17 (day slots gave .22)
    const est = [
      { at: day(0), probabilities: A },
      { at: day(1.5), probabilities: B },
    ];
    expect(timeAveragedBrier(est, "a", day(3))).toBeCloseTo(0.17, 12);
    // input order does not matter
    expect(timeAveragedBrier([...est].reverse(), "a", day(3))).toBeCloseTo(0.17, 12);
  });

  it("counts a final partial day for the time it lasted", () => {
    // A day 0, B day 1, resolved day 2.5: (.32·1 + .02·1.5) / 2.5 = .35 / 2.5 = .14 (slots gave .12)
    const est = [
      { at: day(0), probabilities: A },
      { at: day(1), probabilities: B },
    ];
    expect(timeAveragedBrier(est, "a", day(2.5))).toBeCloseTo(0.14, 12);
  });

  it("weights by time within a day too", () => {
    // A at 0 h, B at 6 h, resolved at 12 h: (.32·6 + .02·6) / 12 = .17
    const est = [
      { at: T0, probabilities: A },
      { at: T0 + 6 * HOUR, probabilities: B },
    ];
    expect(timeAveragedBrier(est, "a", T0 + 12 * HOUR)).toBeCloseTo(0.17, 12);
  });

  it("ignores estimates made at or after resolution", () => {
    // A day 0, B day 2, resolved day 4: (.32·2 + .02·2) / 4 = .17
    const est = [
      { at: day(0), probabilities: A },
      { at: day(2), probabilities: B },
      { at: day(4), probabilities: { a: 0, b: 1 } }, // at resolution
      { at: day(5), probabilities: { a: 0, b: 1 } }, // after
    ];
    expect(timeAveragedBrier(est, "a", day(4))).toBeCloseTo(0.17, 12);
  });

  it("lets the later-listed of two estimates at one instant stand", () => {
    // A and B both at day 0, resolved day 2: B stands the whole time → .02; listed the other way, A → .32
    expect(timeAveragedBrier([{ at: day(0), probabilities: A }, { at: day(0), probabilities: B }], "a", day(2))).toBeCloseTo(0.02, 12);
    expect(timeAveragedBrier([{ at: day(0), probabilities: B }, { at: day(0), probabilities: A }], "a", day(2))).toBeCloseTo(0.32, 12);
  });

  it("scores each estimate as given, archived hypotheses included", () => {
    // day 0 {a .5, b .3, x .2} (.38), x archived on day 1, day 1 {a .7, b .3} (.18), resolved day 2
    // (.38 + .18) / 2 = .28 — the archive does not touch day 0's .38
    const est: TimedEstimate[] = [
      { at: day(0), probabilities: { a: 0.5, b: 0.3, x: 0.2 } },
      { at: day(1), probabilities: { a: 0.7, b: 0.3 } },
    ];
    expect(timeAveragedBrier(est, "a", day(2))).toBeCloseTo(0.28, 12);
  });

  it("is null without estimates before resolution", () => {
    expect(timeAveragedBrier([], "a", day(4))).toBeNull();
    expect(timeAveragedBrier([{ at: day(5), probabilities: A }], "a", day(4))).toBeNull();
  });
});

describe("standingEstimate", () => {
  it("returns the latest estimate at or before t", () => {
    const est = [
      { at: day(2), probabilities: B },
      { at: day(0), probabilities: A },
    ];
    expect(standingEstimate(est, day(1))?.probabilities).toBe(A);
    expect(standingEstimate(est, day(2))?.probabilities).toBe(B);
    expect(standingEstimate(est, day(-1))).toBeNull();
  });
});

describe("scoreQuestion", () => {
  const est = [
    { at: day(0), probabilities: A },
    { at: day(2), probabilities: B },
  ];

  it("scores the final estimate and the time average", () => {
    // final = B: Brier .02, ln .9 = −0.105361; time-averaged .17 (above)
    const s = scoreQuestion(est, "a", day(4));
    expect(s?.brier).toBeCloseTo(0.02, 10);
    expect(s?.logScore).toBeCloseTo(-0.105361, 5);
    expect(s?.timeAveragedBrier).toBeCloseTo(0.17, 10);
  });

  it("ignores an estimate made at the very moment of resolution", () => {
    // the day-4 estimate (certain of b) is not "before" resolution → final is still B
    const late = [...est, { at: day(4), probabilities: { a: 0, b: 1 } }];
    expect(scoreQuestion(late, "a", day(4))?.brier).toBeCloseTo(0.02, 10);
    // A at 0 h, B at resolution (12 h) → only A counts: .32
    const quick = [
      { at: T0, probabilities: A },
      { at: T0 + 12 * HOUR, probabilities: B },
    ];
    expect(timeAveragedBrier(quick, "a", T0 + 12 * HOUR)).toBeCloseTo(0.32, 10);
  });

  it("does not score annulled questions or analysts without estimates", () => {
    expect(scoreQuestion(est, null, day(4))).toBeNull();
    expect(scoreQuestion([], "a", day(4))).toBeNull();
  });
});

describe("calibration", () => {
  it("buckets forecasts by tenths", () => {
    const b = calibration([
      { p: 0.05, outcome: 0 },
      { p: 0.08, outcome: 1 },
      { p: 0.3, outcome: 1 },
      { p: 0.35, outcome: 0 },
      { p: 0.35, outcome: 1 },
      { p: 0.7 - 0.4, outcome: 1 }, // 0.29999… belongs with .3
      { p: 0.95, outcome: 0 },
      { p: 1, outcome: 1 }, // the last bucket is closed at 1
    ]);
    expect(b).toHaveLength(10);
    // [0, .1): .05, .08 → mean .065, observed 1/2
    expect(b[0]).toEqual({ from: 0, to: 0.1, count: 2, meanForecast: expect.closeTo(0.065, 10), observed: 0.5 });
    // [.3, .4): .3, .35, .35, .3 → mean 1.3/4 = .325, observed 3/4
    expect(b[3]?.count).toBe(4);
    expect(b[3]?.meanForecast).toBeCloseTo(0.325, 10);
    expect(b[3]?.observed).toBe(0.75);
    // [.9, 1]: .95, 1 → mean .975, observed 1/2
    expect(b[9]).toMatchObject({ from: 0.9, to: 1, count: 2, observed: 0.5 });
    expect(b[9]?.meanForecast).toBeCloseTo(0.975, 10);
    expect(b[2]).toEqual({ from: 0.2, to: 0.3, count: 0, meanForecast: null, observed: null });
  });

  it("returns ten empty buckets for no forecasts", () => {
    const b = calibration([]);
    expect(b).toHaveLength(10);
    expect(b.every((x) => x.count === 0 && x.observed === null)).toBe(true);
  });
});

describe("forecastsFromEstimate", () => {
  it("expands one estimate into one forecast per hypothesis it gave, as given", () => {
    // x archived later keeps its .2; nothing renormalised
    expect(forecastsFromEstimate({ a: 0.5, b: 0.3, x: 0.2 }, "a")).toEqual([
      { p: 0.5, outcome: 1 },
      { p: 0.3, outcome: 0 },
      { p: 0.2, outcome: 0 },
    ]);
  });

  it("adds the true hypothesis at p = 0 when the estimate never gave it", () => {
    expect(forecastsFromEstimate({ a: 0.7, b: 0.3 }, "c")).toEqual([
      { p: 0.7, outcome: 0 },
      { p: 0.3, outcome: 0 },
      { p: 0, outcome: 1 },
    ]);
  });
});
