import { describe, it, expect } from "vitest";
import { fastSensitivity } from "../../../lib/analysis/implied";
import { impliedProbabilities, sensitivity, type SensitivityRow } from "../../../lib/math";

describe("fastSensitivity", () => {
  it("matches a hand-worked example", () => {
    // E1 (weight 1): h1 CC 4, h2 N 1 · E2 (weight .5): h1 I ½, h2 C 2
    // with both: h1 ∝ 4 · ½^.5 = 2^1.5, h2 ∝ 1 · 2^.5 → p(h1) = 2^1.5 / (2^1.5 + 2^.5) = 2/3
    // without E1: h1 ∝ 2^−.5, h2 ∝ 2^.5 → 1/3, 2/3: effect ½(|1/3 − 2/3|·2) = 1/3
    // without E2: 4/5, 1/5: effect ½(|4/5 − 2/3|·2) = 2/15
    const rows: SensitivityRow[] = [
      { id: "e1", weight: 1, likelihoods: { h1: 4, h2: 1 } },
      { id: "e2", weight: 0.5, likelihoods: { h1: 0.5, h2: 2 } },
    ];
    const { implied, items } = fastSensitivity(rows, ["h1", "h2"]);
    expect(implied.h1).toBeCloseTo(2 / 3, 12);
    expect(items.map((i) => i.evidenceId)).toEqual(["e1", "e2"]);
    expect(items[0]!.effect).toBeCloseTo(1 / 3, 12);
    expect(items[0]!.impliedWithout.h2).toBeCloseTo(2 / 3, 12);
    expect(items[1]!.effect).toBeCloseTo(2 / 15, 12);
    expect(items[1]!.impliedWithout.h1).toBeCloseTo(4 / 5, 12);
  });

  it("gives the same numbers and order as lib/math sensitivity()", () => {
    const labels = [4, 2, 1, 0.5, 0.25, null, 0.9];
    const rows: SensitivityRow[] = Array.from({ length: 40 }, (_, i) => ({
      id: `e${i}`,
      weight: [1, 0.64, 0.36, 0.04, 0.5][i % 5]!,
      likelihoods: { a: labels[i % 7]!, b: labels[(i * 3) % 7]!, c: labels[(i * 5 + 1) % 7]! },
    }));
    const ids = ["a", "b", "c"];
    const slow = sensitivity(rows, ids);
    const fast = fastSensitivity(rows, ids);
    // Rows 35 apart are identical, so their effects tie exactly; lib/math orders such ties
    // by rounding noise, fastSensitivity by input order. Same ranking of values, same items.
    fast.items.forEach((item, k) => expect(item.effect).toBeCloseTo(slow[k]!.effect, 12));
    const slowById = new Map(slow.map((i) => [i.evidenceId, i]));
    for (const item of fast.items) {
      const other = slowById.get(item.evidenceId)!;
      expect(item.effect).toBeCloseTo(other.effect, 12);
      for (const id of ids) expect(item.impliedWithout[id]).toBeCloseTo(other.impliedWithout[id]!, 12);
    }
    expect(fast.items.findIndex((i) => i.evidenceId === "e0")).toBeLessThan(fast.items.findIndex((i) => i.evidenceId === "e35"));
    expect(fast.implied).toEqual(impliedProbabilities(rows, ids));
  });

  it("keeps input order for equal effects and handles no rows", () => {
    const twin = { weight: 1, likelihoods: { a: 2, b: 1 } };
    const { items } = fastSensitivity([{ id: "x", ...twin }, { id: "y", ...twin }], ["a", "b"]);
    expect(items.map((i) => i.evidenceId)).toEqual(["x", "y"]);
    expect(fastSensitivity([], ["a", "b"])).toEqual({ implied: { a: 0.5, b: 0.5 }, items: [] });
  });
});
