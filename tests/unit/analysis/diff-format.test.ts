import { describe, it, expect } from "vitest";
import { describeChanges, describeEstimate, moved, probabilityChanges, ratingChanges } from "../../../lib/analysis/diff-format";

const names = new Map([
  ["h1", "Yes"],
  ["h2", "No"],
  ["h3", "Maybe"],
]);
const titles = (id: string) => names.get(id) ?? null;

describe("probabilityChanges", () => {
  it("lists every hypothesis in either vector with from, to and delta", () => {
    const c = probabilityChanges({ h1: 0.4, h2: 0.6 }, { h1: 0.55, h2: 0.3, h3: 0.15 }, titles);
    expect(c).toEqual([
      { hypothesisId: "h1", title: "Yes", from: 0.4, to: 0.55, delta: expect.closeTo(0.15, 12) },
      { hypothesisId: "h2", title: "No", from: 0.6, to: 0.3, delta: expect.closeTo(-0.3, 12) },
      { hypothesisId: "h3", title: "Maybe", from: null, to: 0.15, delta: 0.15 },
    ]);
    expect(moved(c)).toBe(true);
    expect(describeChanges(c)).toBe("Yes 40% → 55% (+15), No 60% → 30% (−30), Maybe — → 15% (+15)");
  });

  it("gives the change between the figures as printed, not the rounded raw difference", () => {
    // 17.4 % → 17.6 % prints 17% → 18%: the raw difference 0.2 points would round to ±0
    const c = probabilityChanges({ h1: 0.174, h2: 0.826 }, { h1: 0.176, h2: 0.824 }, titles);
    expect(describeChanges(c)).toBe("Yes 17% → 18% (+1), No 83% → 82% (−1)");
  });

  it("treats a first estimate and an unchanged one", () => {
    const first = probabilityChanges(null, { h1: 0.7, h2: 0.3 }, titles);
    expect(describeEstimate("Q?", first, true)).toBe("made a first estimate on “Q?”: Yes 70%, No 30%");
    const same = probabilityChanges({ h1: 0.7, h2: 0.3 }, { h1: 0.7, h2: 0.3 }, titles);
    expect(moved(same)).toBe(false);
    expect(describeChanges(same)).toBe("no change");
  });
});

describe("ratings", () => {
  it("pairs a ratings event's cells old → new", () => {
    const changes = ratingChanges(
      [{ hypothesisId: "h1", consistency: "C", likelihood: null }, { hypothesisId: "h2", consistency: null, likelihood: null }],
      [{ hypothesisId: "h1", consistency: "II", likelihood: null }, { hypothesisId: "h2", consistency: "N", likelihood: 0.4 }],
      titles,
    );
    expect(changes).toEqual([
      { hypothesisId: "h1", title: "Yes", from: "C", to: "II", fromLikelihood: null, toLikelihood: null },
      { hypothesisId: "h2", title: "No", from: null, to: "N", fromLikelihood: null, toLikelihood: 0.4 },
    ]);
  });
});
