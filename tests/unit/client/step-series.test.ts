import { describe, expect, it } from "vitest";
import { standingAt, stepColumns, tickCount, timeTicks, toPercent, type StepPoint } from "@/lib/client/step-series";

const points: StepPoint[] = [
  { at: 100, probabilities: { a: 0.25, b: 0.75 } },
  { at: 200, probabilities: { a: 0.6, b: 0.4 } },
  { at: 200, probabilities: { a: 0.5, b: 0.5 } }, // a second figure at the same moment: it stands
  { at: 300, probabilities: { a: 0.123 } }, // b has no figure here: a gap in its line
];

describe("the probability chart's step columns", () => {
  it("one column per moment, the later figure of two at one moment, and a last column at the end", () => {
    expect(stepColumns(points, ["a", "b"], 500)).toEqual([
      [100, 200, 300, 500],
      [25, 50, 12.3, 12.3],
      // b's 50 % holds from 200 until 300, where it has no figure: its line stops there
      [75, 50, 50, null],
    ]);
  });

  it("a figure that comes back after a gap starts a new line", () => {
    const back: StepPoint[] = [
      { at: 1, probabilities: { a: 0.5, b: 0.5 } },
      { at: 2, probabilities: { a: 1 } },
      { at: 3, probabilities: { a: 1 } },
      { at: 4, probabilities: { a: 0.4, b: 0.6 } },
    ];
    expect(stepColumns(back, ["b"], 4)).toEqual([[1, 2, 3, 4], [50, 50, null, 60]]);
  });

  it("no extra column when the last figure was given at the end", () => {
    expect(stepColumns(points.slice(0, 2), ["a"], 200)).toEqual([[100, 200], [25, 60]]);
    expect(stepColumns([], ["a"], 200)).toEqual([[], []]);
  });

  it("percent to one decimal", () => {
    expect([toPercent(0.1234), toPercent(0.1235), toPercent(1), toPercent(0)]).toEqual([12.3, 12.4, 100, 0]);
  });
});

describe("the figures standing under the cursor", () => {
  it("are the last given at or before that moment", () => {
    expect(standingAt(points, 99, 500)).toBeNull();
    expect(standingAt(points, 100, 500)).toEqual({ a: 0.25, b: 0.75 });
    expect(standingAt(points, 199, 500)).toEqual({ a: 0.25, b: 0.75 });
    expect(standingAt(points, 250, 500)).toEqual({ a: 0.5, b: 0.5 });
    expect(standingAt(points, 500, 500)).toEqual({ a: 0.123 });
  });

  it("and none after the series ends", () => {
    expect(standingAt(points, 501, 500)).toBeNull();
  });
});

describe("the dates under the chart", () => {
  it("are evenly spread from the start, none at the end", () => {
    expect(timeTicks([0, 1000], 4)).toEqual([0, 250, 500, 750]);
  });

  it("are as many as fit, 2 to 6", () => {
    expect([tickCount(100, 110), tickCount(340, 110), tickCount(1400, 110)]).toEqual([2, 3, 6]);
  });
});
