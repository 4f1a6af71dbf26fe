import { describe, it, expect } from "vitest";
import {
  pathProbability,
  outcomeProbability,
  rootQuestionOf,
  sameTree,
  type TreeQuestion,
} from "../../../lib/math";

// The demo scenario: Q1 (Taliban insider help) is its own tree; Q3 hangs under Q2's
// "informants"; Q4 is a made-up third level under Q3's "withheld".
function demoTree(overrides: Record<string, number | null> = {}): TreeQuestion[] {
  const p = (id: string, value: number) => ({
    id,
    probability: id in overrides ? (overrides[id] ?? null) : value,
  });
  return [
    { id: "Q1", parentHypothesisId: null, hypotheses: [p("yes", 0.3), p("no", 0.7)] },
    {
      id: "Q2",
      parentHypothesisId: null,
      hypotheses: [p("directed", 0.12), p("informants", 0.51), p("none", 0.37)],
    },
    {
      id: "Q3",
      parentHypothesisId: "informants",
      hypotheses: [
        p("noIntel", 0.3),
        p("notCredible", 0.2),
        p("late", 0.1),
        p("withheld", 0.4),
        p("otherArchived", 0), // archived: aggregate renormalised over open ones → 0
      ],
    },
    { id: "Q4", parentHypothesisId: "withheld", hypotheses: [p("w1", 0.25), p("w2", 0.75)] },
  ];
}

const CLOSER = ["none", "noIntel", "notCredible", "late"];
const DISTRUST = ["directed", "withheld"];

describe("pathProbability", () => {
  it("multiplies down the tree", () => {
    const tree = demoTree();
    expect(pathProbability("directed", tree)).toBeCloseTo(0.12, 10); // root: p itself
    expect(pathProbability("noIntel", tree)).toBeCloseTo(0.153, 10); // .51 × .3
    expect(pathProbability("withheld", tree)).toBeCloseTo(0.204, 10); // .51 × .4
    expect(pathProbability("w1", tree)).toBeCloseTo(0.051, 10); // .51 × .4 × .25
  });

  it("is null when a factor is unknown or the id is not in the tree", () => {
    expect(pathProbability("noIntel", demoTree({ informants: null }))).toBeNull();
    expect(pathProbability("noIntel", demoTree({ noIntel: null }))).toBeNull();
    expect(pathProbability("ghost", demoTree())).toBeNull();
    expect(pathProbability("none", [])).toBeNull();
  });
});

describe("outcomeProbability", () => {
  it("sums the paths to each demo outcome", () => {
    const tree = demoTree();
    // closer: none .37 + .51×(.3+.2+.1) = .37 + .306 = .676
    expect(outcomeProbability(CLOSER, tree)).toBeCloseTo(0.676, 10);
    // distrust: directed .12 + .51×.4 = .12 + .204 = .324
    expect(outcomeProbability(DISTRUST, tree)).toBeCloseTo(0.324, 10);
  });

  it("skips a hypothesis whose ancestor is already in the set", () => {
    const tree = demoTree();
    // informants .51 covers withheld (.204) and w1 (.051) → .51, not .765
    expect(outcomeProbability(["informants", "withheld", "w1"], tree)).toBeCloseTo(0.51, 10);
    // withheld .204 covers its descendant w2; + none .37 → .574
    expect(outcomeProbability(["w2", "withheld", "none"], tree)).toBeCloseTo(0.574, 10);
  });

  it("counts duplicates once and gives 0 for an empty set", () => {
    expect(outcomeProbability(["none", "none"], demoTree())).toBeCloseTo(0.37, 10);
    expect(outcomeProbability([], demoTree())).toBe(0);
  });

  it("contributes 0 for an archived hypothesis passed as 0", () => {
    // none .37 + otherArchived .51×0
    expect(outcomeProbability(["none", "otherArchived"], demoTree())).toBeCloseTo(0.37, 10);
  });

  it("is null when a needed factor is unknown, but not for an unneeded one", () => {
    expect(outcomeProbability(CLOSER, demoTree({ late: null }))).toBeNull();
    expect(outcomeProbability(DISTRUST, demoTree({ informants: null }))).toBeNull();
    // late is not on a distrust path: .12 + .204
    expect(outcomeProbability(DISTRUST, demoTree({ late: null }))).toBeCloseTo(0.324, 10);
    // withheld's own probability is not needed when informants covers it
    expect(
      outcomeProbability(["informants", "withheld"], demoTree({ withheld: null })),
    ).toBeCloseTo(0.51, 10);
  });

  it("is null for an unknown hypothesis", () => {
    expect(outcomeProbability(["none", "ghost"], demoTree())).toBeNull();
  });
});

describe("rootQuestionOf", () => {
  it("climbs parent hypotheses to the root question", () => {
    const tree = demoTree();
    expect(rootQuestionOf("Q2", tree)).toBe("Q2");
    expect(rootQuestionOf("Q3", tree)).toBe("Q2");
    expect(rootQuestionOf("Q4", tree)).toBe("Q2");
    expect(rootQuestionOf("Q1", tree)).toBe("Q1");
    expect(rootQuestionOf("Q9", tree)).toBeNull();
  });

  it("returns null for broken links and cycles", () => {
    const broken: TreeQuestion[] = [
      { id: "X", parentHypothesisId: "nowhere", hypotheses: [{ id: "x1", probability: 1 }] },
    ];
    expect(rootQuestionOf("X", broken)).toBeNull();
    const cyclic: TreeQuestion[] = [
      { id: "X", parentHypothesisId: "y1", hypotheses: [{ id: "x1", probability: 1 }] },
      { id: "Y", parentHypothesisId: "x1", hypotheses: [{ id: "y1", probability: 1 }] },
    ];
    expect(rootQuestionOf("X", cyclic)).toBeNull();
    expect(pathProbability("x1", cyclic)).toBeNull();
  });
});

describe("sameTree", () => {
  it("accepts hypotheses from one tree and rejects two trees", () => {
    const tree = demoTree();
    expect(sameTree(CLOSER, tree)).toBe(true);
    expect(sameTree(["directed", "w2"], tree)).toBe(true);
    expect(sameTree(["yes", "withheld"], tree)).toBe(false);
  });

  it("rejects unknown ids and accepts an empty set", () => {
    expect(sameTree(["none", "ghost"], demoTree())).toBe(false);
    expect(sameTree([], demoTree())).toBe(true);
  });
});
