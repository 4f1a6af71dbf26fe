import { describe, it, expect } from "vitest";
import {
  evidenceWeight,
  RELIABILITY_NAMES,
  CREDIBILITY_NAMES,
  RELIABILITY_GRADES,
  CREDIBILITY_GRADES,
} from "../../../lib/math";

describe("evidenceWeight", () => {
  it("multiplies reliability and credibility weights", () => {
    expect(evidenceWeight("A", 1, false)).toBeCloseTo(1, 10); // 1.0 × 1.0
    expect(evidenceWeight("B", 2, false)).toBeCloseTo(0.64, 10); // .8 × .8
    expect(evidenceWeight("C", 4, false)).toBeCloseTo(0.24, 10); // .6 × .4
    expect(evidenceWeight("E", 5, false)).toBeCloseTo(0.04, 10); // .2 × .2, the lowest
    expect(evidenceWeight("D", 3, false)).toBeCloseTo(0.24, 10); // .4 × .6
  });

  it("puts the 'cannot be judged' grades in the middle", () => {
    expect(evidenceWeight("F", 6, false)).toBeCloseTo(0.25, 10); // .5 × .5
    expect(evidenceWeight("A", 6, false)).toBeCloseTo(0.5, 10); // 1 × .5
    expect(evidenceWeight("F", 2, false)).toBeCloseTo(0.4, 10); // .5 × .8
  });

  it("is 0 once retracted", () => {
    expect(evidenceWeight("A", 1, true)).toBe(0);
    expect(evidenceWeight("C", 3, true)).toBe(0);
  });

  it("is positive for every live grade, so 0 always means retracted", () => {
    for (const r of RELIABILITY_GRADES) {
      for (const c of CREDIBILITY_GRADES) {
        expect(evidenceWeight(r, c, false)).toBeGreaterThan(0);
      }
    }
  });
});

describe("NATO/Admiralty names", () => {
  it("names every grade", () => {
    expect(RELIABILITY_NAMES.A).toBe("Completely reliable");
    expect(RELIABILITY_NAMES.D).toBe("Not usually reliable");
    expect(RELIABILITY_NAMES.F).toBe("Reliability cannot be judged");
    expect(CREDIBILITY_NAMES[1]).toBe("Confirmed by other sources");
    expect(CREDIBILITY_NAMES[4]).toBe("Doubtful");
    expect(CREDIBILITY_NAMES[6]).toBe("Truth cannot be judged");
    expect(Object.keys(RELIABILITY_NAMES)).toHaveLength(6);
    expect(Object.keys(CREDIBILITY_NAMES)).toHaveLength(6);
  });
});
