import { describe, expect, it } from "vitest";
import { hypothesisView, questionView } from "../../support/views";
import type { HypothesisView, QuestionView, ScenarioView } from "@/lib/client/types";
import {
  buildScenarioTree,
  layoutScenarioTree,
  wrapText,
  type HypothesisNode,
  type Measure,
  type OutcomeNode,
  type PlacedNode,
  type QuestionNode,
  type TreeLayout,
} from "@/lib/client/scenario-tree";

// Hand-built views: only the fields the tree reads matter; the rest are plausible filler.
const AT = "2022-09-06T00:00:00.000Z";

function hyp(id: string, title: string, probability: number | null, status: "open" | "archived" = "open"): Omit<HypothesisView, "questionId"> {
  return hypothesisView({ id, questionId: "", title, probability, status, createdAt: AT }); // question() sets questionId
}

function question(
  id: string,
  title: string,
  hypotheses: Omit<HypothesisView, "questionId">[],
  extra: Partial<Pick<QuestionView, "parentHypothesisId" | "resolution" | "analysts">> & { teamHidden?: boolean } = {},
): QuestionView {
  return questionView({ id, title, createdAt: AT, analysts: 2, ...extra, hypotheses: hypotheses.map((h) => ({ ...h, questionId: id })) });
}

function outcome(id: string, title: string, hypothesisIds: string[], probability: number | null): ScenarioView["outcomes"][number] {
  return { id, title, description: "", hypothesisIds, version: 1, createdAt: AT, probability };
}

const view = (questions: QuestionView[], outcomes: ScenarioView["outcomes"] = []) => ({ questions, outcomes });

/** 7 px a character: close enough to a 13 px sans-serif for the arithmetic to be checked. */
const measure: Measure = (text) => text.length * 7;

// Q1 (root) — a: 70 %, b: 30 %; Q2 given b — c: 40 %, d: 60 %; Q3 (root) — e 50 %, f archived, g 50 %.
const q1 = question("q1", "Did a faction help from the inside?", [hyp("a", "Yes", 0.7), hyp("b", "No", 0.3)]);
const q2 = question("q2", "Why then?", [hyp("c", "Money", 0.4), hyp("d", "Ideology", 0.6)], { parentHypothesisId: "b" });
const q3 = question("q3", "What was the aim?", [hyp("e", "Deter missions", 0.5), hyp("f", "Strike Russia", null, "archived"), hyp("g", "Delegitimise", 0.5)]);

const kinds = (nodes: { kind: string }[]) => nodes.map((n) => n.kind);

describe("buildScenarioTree", () => {
  it("an empty scenario is an empty tree", () => {
    const t = buildScenarioTree(view([]));
    expect(t).toEqual({ roots: [], unplaced: [], nodes: [] });
    const layout = layoutScenarioTree(t, { width: 900, measure });
    expect(layout.nodes).toEqual([]);
    expect(layout.links).toEqual([]);
    expect(layout.height).toBe(0);
  });

  it("a question's hypotheses are its branches, labelled with the team probability and ICD 203 words", () => {
    const t = buildScenarioTree(view([q1]));
    expect(t.roots).toHaveLength(1);
    const root = t.roots[0]!;
    expect(root).toMatchObject({ kind: "question", id: "q1", number: 1, status: "open", given: null, label: "Question Q1: Did a faction help from the inside?" });
    expect(root.children.map((h) => [h.title, h.figure, h.words, h.label])).toEqual([
      ["Yes", "70 %", "likely", "Yes — 70 %, likely"],
      ["No", "30 %", "unlikely", "No — 30 %, unlikely"],
    ]);
    expect(root.children.map((h) => h.pathProbability)).toEqual([0.7, 0.3]);
    expect(root.children.map((h) => h.index)).toEqual([0, 1]);
  });

  it("hangs a conditional question under the branch it is conditional on, with path probabilities multiplied down", () => {
    const t = buildScenarioTree(view([q1, q2]));
    expect(t.roots.map((r) => r.id)).toEqual(["q1"]);
    const [yes, no] = t.roots[0]!.children;
    expect(yes!.children).toEqual([]);
    expect(no!.children.map((c) => c.id)).toEqual(["q2"]);
    const child = no!.children[0] as QuestionNode;
    expect(child.given).toEqual({ id: "b", title: "No" });
    expect(child.label).toBe("Question Q2: Why then?, given “No”");
    const [money, ideology] = child.children;
    expect(money!.conditional).toBe(true);
    expect(money!.probability).toBe(0.4);
    expect(money!.pathProbability).toBeCloseTo(0.12, 10);
    expect(ideology!.pathProbability).toBeCloseTo(0.18, 10);
    expect(money!.label).toBe("Money — 40 %, unlikely; 12 % along this path");
    // reading order: depth first, as the list reads
    expect(t.nodes.map((n) => n.key)).toEqual(["q:q1", "h:a", "h:b", "q:q2", "h:c", "h:d"]);
  });

  it("puts outcomes at the leaves, one under each hypothesis that reaches it, with that path's and the total probability", () => {
    const closer = outcome("o1", "Closer cooperation", ["a", "c"], 0.82);
    const distrust = outcome("o2", "Growing distrust", ["d"], 0.18);
    const t = buildScenarioTree(view([q1, q2], [closer, distrust]));
    const [yes, no] = t.roots[0]!.children;
    const q2node = no!.children[0] as QuestionNode;
    const [money, ideology] = q2node.children;
    // under "Yes": the outcome's leaf; under "Money" too; "Ideology" leads to the other outcome
    expect(kinds(yes!.children)).toEqual(["outcome"]);
    const viaYes = yes!.children[0] as OutcomeNode;
    const viaMoney = money!.children[0] as OutcomeNode;
    expect(viaYes).toMatchObject({ id: "o1", viaHypothesisId: "a", pathProbability: 0.7, probability: 0.82, paths: 2 });
    expect(viaMoney.pathProbability).toBeCloseTo(0.12, 10);
    expect(viaMoney.probability).toBe(0.82);
    expect(viaYes.label).toBe("Outcome: Closer cooperation — 70 % on this path, 82 % in all, very likely");
    const viaIdeology = ideology!.children[0] as OutcomeNode;
    expect(viaIdeology).toMatchObject({ id: "o2", paths: 1, probability: 0.18 });
    expect(viaIdeology.label).toBe("Outcome: Growing distrust — 18 %, very unlikely");
    // leaves: outcomes have no children, and conditional questions come before outcome leaves
    expect(t.nodes.filter((n) => n.kind === "outcome").every((n) => n.children.length === 0)).toBe(true);
    expect(t.unplaced).toEqual([]);
  });

  it("an outcome listed under a hypothesis and its ancestor hangs under the ancestor only; one with no known hypothesis is unplaced", () => {
    const both = outcome("o1", "Through No", ["b", "c"], 0.3);
    const gone = outcome("o2", "Through a hypothesis not there yet", ["zzz"], null);
    const t = buildScenarioTree(view([q1, q2], [both, gone]));
    const outcomes = t.nodes.filter((n): n is OutcomeNode => n.kind === "outcome");
    expect(outcomes.map((o) => [o.id, o.viaHypothesisId, o.paths])).toEqual([["o1", "b", 1]]);
    expect(t.unplaced.map((o) => o.id)).toEqual(["o2"]);
  });

  it("shows archived hypotheses, without a figure and with no mass on their path", () => {
    const t = buildScenarioTree(view([q3], [outcome("o1", "Russia struck", ["f"], 0)]));
    const archived = t.roots[0]!.children[1]!;
    expect(archived).toMatchObject({ title: "Strike Russia", archived: true, probability: null, pathProbability: 0, figure: "archived", words: "" });
    expect(archived.label).toBe("Strike Russia — archived");
    expect((archived.children[0] as OutcomeNode).pathProbability).toBe(0);
    // its siblings keep their colours by position
    expect(t.roots[0]!.children.map((h) => h.index)).toEqual([0, 1, 2]);
  });

  it("draws several root questions in the scenario's order, numbered as the list numbers them", () => {
    const t = buildScenarioTree(view([q1, q2, q3]));
    expect(t.roots.map((r) => [r.id, r.number])).toEqual([
      ["q1", 1],
      ["q3", 3],
    ]);
    expect((t.roots[0]!.children[1]!.children[0] as QuestionNode).number).toBe(2);
    expect(t.nodes).toHaveLength(3 + 2 + 2 + 3);
  });

  it("a hypothesis nobody has estimated reads “no estimate”, and its paths have no figure", () => {
    const t = buildScenarioTree(view([question("q", "Open?", [hyp("x", "X", null), hyp("y", "Y", null)])], [outcome("o", "O", ["x"], null)]));
    const x = t.roots[0]!.children[0]!;
    expect(x).toMatchObject({ figure: "—", words: "no estimate", pathProbability: null, label: "X — no estimate" });
    expect((x.children[0] as OutcomeNode).label).toBe("Outcome: O — needs estimates on every path");
  });

  it("marks resolved and annulled questions: the answer, the branches ruled out", () => {
    const resolution = (hypothesisId: string | null, annulled: boolean) => ({ hypothesisId, annulled, note: "", at: AT, automatic: false, corrected: false });
    const resolved = question("r", "Resolved?", [hyp("r1", "Yes", 0.8), hyp("r2", "No", 0.2)], { resolution: resolution("r1", false) });
    const annulled = question("n", "Annulled?", [hyp("n1", "Yes", 0.5), hyp("n2", "No", 0.5)], { resolution: resolution(null, true) });
    const t = buildScenarioTree(view([resolved, annulled]));
    const [r, n] = t.roots;
    expect(r).toMatchObject({ status: "resolved", answerTitle: "Yes", label: "Question Q1: Resolved?, resolved: “Yes”" });
    expect(r!.children.map((h) => h.state)).toEqual(["answer", "ruled-out"]);
    expect(r!.children[0]!.label).toBe("Yes — 80 %, likely; the answer");
    expect(r!.children[1]!.label).toBe("No — 20 %, unlikely; ruled out");
    expect(n).toMatchObject({ status: "annulled", answerTitle: null, label: "Question Q2: Annulled?, annulled" });
    expect(n!.children.map((h) => h.state)).toEqual(["annulled", "annulled"]);
  });

  it("draws a question whose parent hypothesis is unknown as a root rather than losing it", () => {
    const orphan = question("o", "Orphan?", [hyp("o1", "A", 1)], { parentHypothesisId: "missing" });
    const t = buildScenarioTree(view([q1, orphan]));
    expect(t.roots.map((r) => r.id)).toEqual(["q1", "o"]);
    expect(t.roots[1]!.given).toBeNull();
  });
});

describe("wrapText", () => {
  it("breaks at spaces within the width", () => {
    expect(wrapText("What was the aim of the attack", 70, "question", measure)).toEqual(["What was", "the aim of", "the attack"]);
  });

  it("ends the last kept line with an ellipsis past the line limit", () => {
    const lines = wrapText("one two three four five six seven", 70, "question", measure, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith("…")).toBe(true);
    for (const l of lines) expect(measure(l, "question")).toBeLessThanOrEqual(70);
  });

  it("cuts a word wider than the line", () => {
    const lines = wrapText("Supercalifragilistic", 70, "question", measure);
    expect(lines.join("")).toBe("Supercalifragilistic");
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(10);
  });
});

/** Boxes of the same column (wide) or of any two nodes (narrow) never overlap. */
function overlaps(a: PlacedNode, b: PlacedNode): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function expectNoOverlap(layout: TreeLayout) {
  for (let i = 0; i < layout.nodes.length; i++)
    for (let j = i + 1; j < layout.nodes.length; j++) {
      const a = layout.nodes[i]!;
      const b = layout.nodes[j]!;
      expect(overlaps(a, b), `${a.key} and ${b.key} overlap`).toBe(false);
    }
}

describe("layoutScenarioTree", () => {
  const demo = view(
    [q1, q2, q3],
    [outcome("o1", "Closer cooperation between the two agencies", ["a", "c"], 0.82), outcome("o2", "Growing distrust", ["d"], 0.18)],
  );
  const t = buildScenarioTree(demo);

  it("wide: left to right, every child right of its parent, nothing overlapping, within the width", () => {
    const layout = layoutScenarioTree(t, { width: 900, measure });
    expect(layout.mode).toBe("wide");
    expect(layout.width).toBeLessThanOrEqual(900);
    expect(layout.nodes.map((p) => p.key)).toEqual(t.nodes.map((n) => n.key));
    const byKey = new Map(layout.nodes.map((p) => [p.key, p]));
    for (const p of layout.nodes) {
      expect(p.x + p.width).toBeLessThanOrEqual(layout.width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y + p.height).toBeLessThanOrEqual(layout.height);
      if (p.parentKey) expect(p.x).toBeGreaterThan(byKey.get(p.parentKey)!.x + byKey.get(p.parentKey)!.width);
      expect(p.anchorY).toBeGreaterThanOrEqual(p.y);
      expect(p.anchorY).toBeLessThanOrEqual(p.y + p.height);
    }
    expectNoOverlap(layout);
    // one link to every node but the roots: branches to hypotheses, stems to the rest
    expect(layout.links).toHaveLength(layout.nodes.length - t.roots.length);
    for (const l of layout.links) expect(l.kind).toBe(byKey.get(l.to)!.node.kind === "hypothesis" ? "branch" : "stem");
    // a question sits between its first and last branch
    const q1p = byKey.get("q:q1")!;
    expect(q1p.anchorY).toBeGreaterThanOrEqual(byKey.get("h:a")!.anchorY);
    expect(q1p.anchorY).toBeLessThanOrEqual(byKey.get("h:b")!.anchorY);
  });

  it("narrow: top to bottom, indented by depth, in reading order, within the width", () => {
    const layout = layoutScenarioTree(t, { width: 330, measure });
    expect(layout.mode).toBe("narrow");
    expect(layout.width).toBe(330);
    let bottom = 0;
    for (const p of layout.nodes) {
      expect(p.x + p.width).toBeLessThanOrEqual(330);
      expect(p.x).toBe(4 + p.depth * 18);
      expect(p.y).toBeGreaterThanOrEqual(bottom);
      bottom = p.y + p.height;
      for (const line of p.lines) expect(measure(line, "question")).toBeLessThanOrEqual(p.width);
    }
    expect(layout.height).toBeGreaterThanOrEqual(bottom);
    expectNoOverlap(layout);
  });

  it("falls back to the indented layout when the columns would not fit at a readable size", () => {
    expect(layoutScenarioTree(t, { width: 560, measure }).mode).toBe("narrow");
    expect(layoutScenarioTree(t, { width: 820, measure }).mode).toBe("wide");
  });

  it("keeps the trees of different root questions apart", () => {
    const layout = layoutScenarioTree(t, { width: 900, measure });
    const firstTree = layout.nodes.filter((p) => !p.key.includes("q3") && !["h:e", "h:f", "h:g"].includes(p.key));
    const secondTree = layout.nodes.filter((p) => p.key === "q:q3" || ["h:e", "h:f", "h:g"].includes(p.key));
    const firstBottom = Math.max(...firstTree.map((p) => p.y + p.height));
    const secondTop = Math.min(...secondTree.map((p) => p.y));
    expect(secondTop).toBeGreaterThan(firstBottom);
  });

  it("a branch's figures line fits its width: the words go first, then the path probability", () => {
    const wide = layoutScenarioTree(t, { width: 900, measure });
    const c = wide.nodes.find((p) => p.key.endsWith("h:c"))!;
    // 7 px a character: "✓ 40 % · unlikely · path 12 %" needs 203 px
    expect(c.width).toBeLessThan(203 + 8);
    for (const p of wide.nodes.filter((x) => x.node.kind === "hypothesis")) {
      expect(measure(`✓ ${(p.node as HypothesisNode).figure}${p.figureTail}`, "meta")).toBeLessThanOrEqual(p.width - 8);
    }
    expect(c.figureTail).toBe(" · path 12 %");
    const roomy = layoutScenarioTree(t, { width: 900, measure: (text) => text.length * 3 });
    expect(roomy.nodes.find((p) => p.key.endsWith("h:c"))!.figureTail).toBe(" · unlikely · path 12 %");
  });

  it("a hypothesis's wrapped title fits its branch", () => {
    const layout = layoutScenarioTree(t, { width: 900, measure });
    for (const p of layout.nodes.filter((p) => p.node.kind === "hypothesis")) {
      for (const line of p.lines) expect(measure(line, "hypothesis")).toBeLessThanOrEqual(p.width);
      expect((p.node as HypothesisNode).title.startsWith(p.lines[0]!.replace("…", ""))).toBe(true);
    }
  });
});
