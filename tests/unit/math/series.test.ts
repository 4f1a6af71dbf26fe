import { describe, expect, it } from "vitest";
import { probabilitySeries } from "../../../lib/math";

describe("probabilitySeries", () => {
  it("pools the standing estimates after each new one, oldest first", () => {
    const points = probabilitySeries(
      [
        { at: 20, analystId: "bo", probabilities: { y: 0.5, n: 0.5 } },
        { at: 10, analystId: "ana", probabilities: { y: 0.8, n: 0.2 } },
        { at: 30, analystId: "ana", probabilities: { y: 0.2, n: 0.8 } },
      ],
      ["y", "n"],
    );
    expect(points.map((p) => p.at)).toEqual([10, 20, 30]);
    // t=10: only Ana → her own numbers
    expect(points[0]!.team.y).toBeCloseTo(0.8, 10);
    // t=20: Ana .8/.2, Bo .5/.5 → sqrt(.4)=.63246, sqrt(.1)=.31623 → y = .63246/.94868 = .66667
    expect(points[1]!.team.y).toBeCloseTo(2 / 3, 4);
    // t=30: Ana .2/.8 replaces her .8/.2 → symmetric to t=20 → y = 1/3
    expect(points[2]!.team.y).toBeCloseTo(1 / 3, 4);
    expect(points[2]!.standing.ana).toEqual({ y: 0.2, n: 0.8 });
    expect(points[2]!.standing.bo).toEqual({ y: 0.5, n: 0.5 });
  });

  it("counts a hypothesis an old estimate never saw as 0 for that analyst", () => {
    const [p] = probabilitySeries([{ at: 1, analystId: "ana", probabilities: { y: 0.6, n: 0.4 } }], ["y", "n", "new"]);
    expect(p!.standing.ana!.new).toBe(0);
    expect(p!.team.new).toBeLessThan(0.001);
  });
});
