// The scenario tree as a drawing: ScenarioView → a hierarchy of question, hypothesis
// (branch) and outcome nodes with their labels and path probabilities (buildScenarioTree),
// then positions for every node and the SVG paths between them (layoutScenarioTree, with
// d3-hierarchy's tidy tree on a wide screen and an indented tree on a narrow one). Pure:
// text is measured through the function the caller passes (a canvas in the browser).
import { hierarchy, tree as tidyTree, type HierarchyNode } from "d3-hierarchy";
import type { ScenarioView } from "@/lib/client/types";
import { pct, words } from "@/lib/client/format";
import { pathProbability, type TreeQuestion } from "@/lib/math/outcomes";

type OutcomeView = ScenarioView["outcomes"][number];

export interface QuestionNode {
  kind: "question";
  /** Unique among the tree's nodes ("q:" + the question's id). */
  key: string;
  id: string;
  /** "Q2": its place in the scenario, as the list numbers it. */
  number: number;
  title: string;
  description: string;
  /** The hypothesis (of another question) it is conditional on, if any. */
  given: { id: string; title: string } | null;
  status: "open" | "resolved" | "annulled";
  /** The answer in force when resolved. */
  answerTitle: string | null;
  analysts: number;
  /** The accessible name: "Question Q2: …". */
  label: string;
  children: HypothesisNode[];
}

export interface HypothesisNode {
  kind: "hypothesis";
  key: string;
  id: string;
  questionId: string;
  title: string;
  description: string;
  /** Its place among the question's hypotheses: picks its colour, as on the history chart. */
  index: number;
  archived: boolean;
  /** The team probability (conditional on the question's parent branch). */
  probability: number | null;
  /** The product down the tree from the root: how likely this branch is reached at all. */
  pathProbability: number | null;
  conditional: boolean;
  /** By the question's resolution: the answer, ruled out by another answer, or annulled. */
  state: "open" | "answer" | "ruled-out" | "annulled";
  /** "70 %", or "—" / "archived". */
  figure: string;
  /** ICD 203 words, "no estimate", or "" when archived. */
  words: string;
  /** "Yes — 70 %, likely". */
  label: string;
  children: (QuestionNode | OutcomeNode)[];
}

export interface OutcomeNode {
  kind: "outcome";
  key: string;
  id: string;
  title: string;
  description: string;
  /** The hypothesis this leaf hangs under (one leaf for each path that reaches the outcome). */
  viaHypothesisId: string;
  /** This path's probability. */
  pathProbability: number | null;
  /** The outcome's probability: the sum over all its paths. */
  probability: number | null;
  /** How many leaves (paths) the outcome has in the drawing. */
  paths: number;
  label: string;
  children: never[];
}

export type TreeNode = QuestionNode | HypothesisNode | OutcomeNode;

export interface ScenarioTree {
  roots: QuestionNode[];
  /** Outcomes none of whose hypotheses is in the tree (as of an earlier time, say). */
  unplaced: OutcomeView[];
  /** Every node, in reading order (depth first, as the list reads). */
  nodes: TreeNode[];
}

const quote = (s: string) => `“${s}”`;

function questionLabel(q: Omit<QuestionNode, "label" | "children">): string {
  let s = `Question Q${q.number}: ${q.title}`;
  if (q.given) s += `, given ${quote(q.given.title)}`;
  if (q.status === "resolved") s += `, resolved: ${quote(q.answerTitle ?? "?")}`;
  if (q.status === "annulled") s += ", annulled";
  return s;
}

function hypothesisLabel(h: Omit<HypothesisNode, "label" | "children">): string {
  let s = h.archived ? `${h.title} — archived` : h.probability === null ? `${h.title} — no estimate` : `${h.title} — ${pct(h.probability)}, ${h.words}`;
  if (h.conditional && !h.archived && h.pathProbability !== null) s += `; ${pct(h.pathProbability)} along this path`;
  if (h.state === "answer") s += "; the answer";
  if (h.state === "ruled-out") s += "; ruled out";
  return s;
}

function outcomeLabel(o: Omit<OutcomeNode, "label" | "children">): string {
  if (o.probability === null) return `Outcome: ${o.title} — needs estimates on every path`;
  const path = o.paths > 1 ? `${pct(o.pathProbability)} on this path, ${pct(o.probability)} in all` : pct(o.probability);
  return `Outcome: ${o.title} — ${path}, ${words(o.probability)}`;
}

/**
 * The scenario as a tree: root questions in the scenario's order; under each question its
 * hypotheses; under a hypothesis the questions conditional on it, then a leaf for every
 * outcome reached through it. An outcome listed under a hypothesis and one of its
 * ancestors hangs under the ancestor only (as its probability counts it once). A question
 * whose parent hypothesis is unknown is drawn as a root rather than lost.
 */
export function buildScenarioTree(view: Pick<ScenarioView, "questions" | "outcomes">): ScenarioTree {
  const { questions, outcomes } = view;
  const hypothesisById = new Map(questions.flatMap((q) => q.hypotheses.map((h) => [h.id, h] as const)));
  const questionOf = new Map(questions.flatMap((q) => q.hypotheses.map((h) => [h.id, q] as const)));
  // as the server computes outcomes: archived hypotheses carry no mass
  const math: TreeQuestion[] = questions.map((q) => ({
    id: q.id,
    parentHypothesisId: q.parentHypothesisId,
    hypotheses: q.hypotheses.map((h) => ({ id: h.id, probability: h.status === "archived" ? 0 : h.probability })),
  }));

  // outcome leaves by the hypothesis they hang under
  const leavesUnder = new Map<string, OutcomeView[]>();
  const pathsOf = new Map<string, number>();
  const unplaced: OutcomeView[] = [];
  for (const o of outcomes) {
    const wanted = new Set(o.hypothesisIds.filter((id) => hypothesisById.has(id)));
    const placed = [...wanted].filter((id) => {
      // skipped when an ancestor hypothesis is listed too
      const seen = new Set<string>([id]);
      let q = questionOf.get(id);
      while (q?.parentHypothesisId && !seen.has(q.parentHypothesisId)) {
        if (wanted.has(q.parentHypothesisId)) return false;
        seen.add(q.parentHypothesisId);
        q = questionOf.get(q.parentHypothesisId);
      }
      return true;
    });
    if (placed.length === 0) unplaced.push(o);
    pathsOf.set(o.id, placed.length);
    for (const id of placed) leavesUnder.set(id, [...(leavesUnder.get(id) ?? []), o]);
  }

  const visited = new Set<string>();
  const nodes: TreeNode[] = [];

  function questionNode(q: ScenarioView["questions"][number]): QuestionNode {
    visited.add(q.id);
    const parent = q.parentHypothesisId ? hypothesisById.get(q.parentHypothesisId) : undefined;
    const r = q.resolution;
    const status = r === null ? "open" : r.annulled ? "annulled" : "resolved";
    const answer = r && !r.annulled ? q.hypotheses.find((h) => h.id === r.hypothesisId) : undefined;
    const base = {
      kind: "question" as const,
      key: `q:${q.id}`,
      id: q.id,
      number: questions.indexOf(q) + 1,
      title: q.title,
      description: q.description,
      given: parent ? { id: parent.id, title: parent.title } : null,
      status: status as QuestionNode["status"],
      answerTitle: answer?.title ?? null,
      analysts: q.analysts,
    };
    const node: QuestionNode = { ...base, label: questionLabel(base), children: [] };
    nodes.push(node);
    node.children = q.hypotheses.map((h, index) => {
      const archived = h.status === "archived";
      const p = archived ? null : h.probability;
      const state: HypothesisNode["state"] =
        status === "annulled" ? "annulled" : status === "resolved" ? (r?.hypothesisId === h.id ? "answer" : "ruled-out") : "open";
      const hb = {
        kind: "hypothesis" as const,
        key: `h:${h.id}`,
        id: h.id,
        questionId: q.id,
        title: h.title,
        description: h.description,
        index,
        archived,
        probability: p,
        pathProbability: archived ? 0 : pathProbability(h.id, math),
        conditional: parent !== undefined,
        state,
        figure: archived ? "archived" : pct(p),
        words: archived ? "" : words(p),
      };
      const hn: HypothesisNode = { ...hb, label: hypothesisLabel(hb), children: [] };
      nodes.push(hn);
      for (const child of questions) if (child.parentHypothesisId === h.id && !visited.has(child.id)) hn.children.push(questionNode(child));
      for (const o of leavesUnder.get(h.id) ?? []) {
        const ob = {
          kind: "outcome" as const,
          key: `o:${o.id}:${h.id}`,
          id: o.id,
          title: o.title,
          description: o.description,
          viaHypothesisId: h.id,
          pathProbability: hb.pathProbability,
          probability: o.probability,
          paths: pathsOf.get(o.id) ?? 1,
        };
        const on: OutcomeNode = { ...ob, label: outcomeLabel(ob), children: [] };
        nodes.push(on);
        hn.children.push(on);
      }
      return hn;
    });
    return node;
  }

  const roots: QuestionNode[] = [];
  for (const q of questions) {
    if (visited.has(q.id)) continue;
    const orphan = q.parentHypothesisId !== null && !hypothesisById.has(q.parentHypothesisId);
    if (q.parentHypothesisId === null || orphan) roots.push(questionNode(q));
  }
  // a question in a parent cycle (a data bug) is still drawn, as a root
  for (const q of questions) if (!visited.has(q.id)) roots.push(questionNode(q));
  return { roots, unplaced, nodes };
}

// ---------------------------------------------------------------------------------------
// Layout

export type TextStyle = "question" | "hypothesis" | "outcome" | "meta";
/** The width in px of `text` set in `style` (TEXT_STYLES below). */
export type Measure = (text: string, style: TextStyle) => number;

/** Font size, weight and line height of each kind of text; the renderer sets the same. */
export const TEXT_STYLES: Record<TextStyle, { size: number; weight: number; lineHeight: number }> = {
  question: { size: 13, weight: 600, lineHeight: 17 },
  hypothesis: { size: 12.5, weight: 500, lineHeight: 16 },
  outcome: { size: 12.5, weight: 600, lineHeight: 16 },
  meta: { size: 12, weight: 400, lineHeight: 15 },
};

/** At most this many lines of a title are drawn (the full title is the node's name). */
const MAX_LINES: Record<"question" | "hypothesis" | "outcome", number> = { question: 4, hypothesis: 3, outcome: 3 };

/**
 * Break `text` into lines no wider than `width`; past `maxLines` the last line ends in "…".
 * A word wider than the line is cut.
 */
export function wrapText(text: string, width: number, style: TextStyle, measure: Measure, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = "";
  const fits = (s: string) => measure(s, style) <= width;
  for (const raw of text.trim().split(/\s+/).filter(Boolean)) {
    let word = raw;
    const next = line ? `${line} ${word}` : word;
    if (fits(next)) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    // a word longer than the line: cut it where it stops fitting
    while (!fits(word) && word.length > 1) {
      let n = word.length - 1;
      while (n > 1 && !fits(word.slice(0, n))) n--;
      lines.push(word.slice(0, n));
      word = word.slice(n);
    }
    line = word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.length > 1 && !fits(`${last}…`)) last = last.slice(0, -1).trimEnd();
  kept[maxLines - 1] = `${last.replace(/[\s,.;:—-]+$/, "")}…`;
  return kept;
}

export interface PlacedNode {
  node: TreeNode;
  key: string;
  /** 0 for a root question. */
  depth: number;
  parentKey: string | null;
  /** The box: its left, top, width and height. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where links meet the node (its centre line; for a branch, the branch's line). */
  anchorY: number;
  /** The title, wrapped. */
  lines: string[];
  /** A branch's figures after its percentage (" · likely · path 14 %"), shortened to fit its width. */
  figureTail: string;
}

export interface PlacedLink {
  from: string;
  to: string;
  /** "branch": question → hypothesis (coloured, drawn as the hypothesis's line); "stem": hypothesis → what hangs under it. */
  kind: "branch" | "stem";
  /** An SVG path. */
  d: string;
}

export interface TreeLayout {
  /** "wide": left to right; "narrow": top to bottom, indented (a phone). */
  mode: "wide" | "narrow";
  width: number;
  height: number;
  /** In reading order (the order of keyboard focus). */
  nodes: PlacedNode[];
  links: PlacedLink[];
}

export interface LayoutOptions {
  /** The width available (px). */
  width: number;
  measure: Measure;
  /** Left to right when it fits at least this wide; otherwise indented. Default: chosen by fit. */
  mode?: "wide" | "narrow";
}

// Geometry shared by the renderer.
export const GEOMETRY = {
  pad: 4,
  /** Inner padding of a question or outcome box. */
  boxPadX: 10,
  boxPadY: 8,
  /** The "Q2 · resolved" line above a question's title. */
  metaHeight: 16,
  /** Wide: the space between a question's box and its branches, and between a branch's end and what hangs under it. */
  fanGap: 28,
  stemGap: 18,
  /** A branch's label: space above its line and the figures' line below it. */
  branchAbove: 5,
  branchBelow: 21,
  /** Narrow: how far each level is indented; where a node's trunk runs. */
  indent: 18,
  trunk: 8,
  /** Narrow: the text of a branch starts this far right of its left edge (after the marker). */
  branchTextX: 14,
};

const G = GEOMETRY;

interface Sized {
  node: TreeNode;
  width: number;
  height: number;
  /** The anchor's offset from the box's top. */
  anchor: number;
  lines: string[];
  figureTail: string;
}

/**
 * What follows a branch's percentage on its figures line: its words and its path probability,
 * dropping the words and then the path when the line would not fit `width` (the item's
 * accessible name keeps them all).
 */
function figureTail(h: HypothesisNode, width: number, measure: Measure): string {
  const path = h.conditional && !h.archived && h.pathProbability !== null ? ` · path ${pct(h.pathProbability)}` : "";
  const words = h.words ? ` · ${h.words}` : "";
  const tails = [words + path, path, words, ""];
  return tails.find((t) => measure(`✓ ${h.figure}${t}`, "meta") <= width) ?? "";
}

function sizeNode(node: TreeNode, width: number, measure: Measure, mode: "wide" | "narrow"): Sized {
  const lh = (s: TextStyle) => TEXT_STYLES[s].lineHeight;
  if (node.kind === "question") {
    const lines = wrapText(node.title, width - 2 * G.boxPadX, "question", measure, MAX_LINES.question);
    const height = G.boxPadY * 2 + G.metaHeight + lines.length * lh("question");
    return { node, width, height, anchor: height / 2, lines, figureTail: "" };
  }
  if (node.kind === "outcome") {
    const lines = wrapText(node.title, width - 2 * G.boxPadX - 4, "outcome", measure, MAX_LINES.outcome);
    const height = G.boxPadY * 2 + lines.length * lh("outcome") + lh("meta") + 2;
    return { node, width, height, anchor: height / 2, lines, figureTail: "" };
  }
  if (mode === "wide") {
    // the title above the branch's line, the figures below it
    const lines = wrapText(node.title, width - 8, "hypothesis", measure, MAX_LINES.hypothesis);
    const above = lines.length * lh("hypothesis") + G.branchAbove;
    return { node, width, height: above + G.branchBelow, anchor: above, lines, figureTail: figureTail(node, width - 8, measure) };
  }
  // narrow: a marker on the left, the title, then the figures
  const lines = wrapText(node.title, width - G.branchTextX - 4, "hypothesis", measure, MAX_LINES.hypothesis);
  const height = 4 + lines.length * lh("hypothesis") + lh("meta") + 4;
  return { node, width, height, anchor: 4 + lh("hypothesis") / 2, lines, figureTail: figureTail(node, width - G.branchTextX - 4, measure) };
}

type Hierarchy = HierarchyNode<TreeNode>;

/** One d3 hierarchy for each root question (depth 0 = the root question). */
const toHierarchies = (tree: ScenarioTree): Hierarchy[] => tree.roots.map((r) => hierarchy<TreeNode>(r, (d) => d.children));

/** Depth → column: questions and outcomes at even depths, branches at odd. */
function columnWidths(maxDepth: number, available: number): { q: number; h: number } | null {
  const nq = Math.floor(maxDepth / 2) + 1;
  const nh = Math.ceil(maxDepth / 2);
  const gaps = nh * G.fanGap + Math.max(0, nq - 1) * G.stemGap + 2 * G.pad;
  const MIN = { q: 150, h: 130 };
  const MAX = { q: 240, h: 210 };
  // share the space: a question's box a little wider than a branch
  const unit = (available - gaps) / (nq * 1.15 + nh);
  const h = Math.min(MAX.h, unit);
  const q = Math.min(MAX.q, unit * 1.15);
  if (h < MIN.h || q < MIN.q) return null;
  return { q: Math.floor(q), h: Math.floor(h) };
}

/**
 * Positions for every node and the links between them. Wide (left to right, d3-hierarchy's
 * tidy tree, each root question's tree in a band of its own) when the columns fit the width
 * at a readable size; otherwise narrow (top to bottom, indented), which fits any width.
 */
export function layoutScenarioTree(tree: ScenarioTree, options: LayoutOptions): TreeLayout {
  const roots = toHierarchies(tree);
  const maxDepth = Math.max(0, ...roots.map((r) => r.height));
  const cols = columnWidths(maxDepth, options.width);
  const mode = options.mode ?? (cols ? "wide" : "narrow");
  if (roots.length === 0) return { mode, width: options.width, height: 0, nodes: [], links: [] };
  return mode === "wide"
    ? layoutWide(roots, maxDepth, cols ?? { q: 150, h: 130 }, options.measure)
    : layoutNarrow(roots, Math.max(options.width, 200), options.measure);
}

function place(n: Hierarchy, x: number, top: number, s: Sized): PlacedNode {
  return {
    node: n.data,
    key: n.data.key,
    depth: n.depth,
    parentKey: n.parent ? n.parent.data.key : null,
    x,
    y: round(top),
    width: s.width,
    height: s.height,
    anchorY: round(top + s.anchor),
    lines: s.lines,
    figureTail: s.figureTail,
  };
}

/** The gap between two neighbouring trees of root questions (wide). */
const BAND_GAP = 28;

function layoutWide(roots: Hierarchy[], maxDepth: number, cols: { q: number; h: number }, measure: Measure): TreeLayout {
  // columns: the left edge of each depth
  const colX: number[] = [];
  let right = G.pad;
  for (let d = 0; d <= maxDepth; d++) {
    colX[d] = right;
    right += d % 2 === 1 ? cols.h + G.stemGap : cols.q + G.fanGap;
  }

  const nodes: PlacedNode[] = [];
  let bandTop = G.pad;
  let maxRight = 0;
  for (const root of roots) {
    const sized = new Map<string, Sized>();
    root.each((n) => sized.set(n.data.key, sizeNode(n.data, n.data.kind === "hypothesis" ? cols.h : cols.q, measure, "wide")));
    const half = (n: Hierarchy) => sized.get(n.data.key)!.height / 2;
    // breadth in px: nodeSize 1, separation = the distance between the two boxes' centres
    const laid = tidyTree<TreeNode>()
      .nodeSize([1, 1])
      .separation((a, b) => half(a) + half(b) + (a.parent === b.parent ? 10 : 18))(root);
    let minTop = Infinity;
    let maxBottom = -Infinity;
    laid.each((n) => {
      minTop = Math.min(minTop, n.x - half(n));
      maxBottom = Math.max(maxBottom, n.x + half(n));
    });
    const shift = bandTop - minTop;
    laid.eachBefore((n) => {
      const s = sized.get(n.data.key)!;
      nodes.push(place(n, colX[n.depth]!, n.x - s.height / 2 + shift, s));
      maxRight = Math.max(maxRight, colX[n.depth]! + s.width);
    });
    bandTop += maxBottom - minTop + BAND_GAP;
  }

  const byKey = new Map(nodes.map((p) => [p.key, p]));
  const links: PlacedLink[] = [];
  for (const p of nodes) {
    const parent = p.parentKey ? byKey.get(p.parentKey) : undefined;
    if (!parent) continue;
    const x0 = parent.x + parent.width;
    const y0 = parent.anchorY;
    const x1 = p.x;
    const y1 = p.anchorY;
    const mid = round((x0 + x1) / 2);
    const curve = `M${x0},${y0} C${mid},${y0} ${mid},${y1} ${x1},${y1}`;
    if (p.node.kind === "hypothesis") links.push({ from: parent.key, to: p.key, kind: "branch", d: `${curve} H${p.x + p.width}` });
    else links.push({ from: parent.key, to: p.key, kind: "stem", d: curve });
  }
  return { mode: "wide", width: Math.ceil(maxRight + G.pad), height: Math.ceil(bandTop - BAND_GAP + G.pad), nodes, links };
}

function layoutNarrow(roots: Hierarchy[], width: number, measure: Measure): TreeLayout {
  const nodes: PlacedNode[] = [];
  let y = G.pad;
  for (const root of roots) {
    root.eachBefore((n) => {
      const x = G.pad + n.depth * G.indent;
      const s = sizeNode(n.data, width - G.pad - x, measure, "narrow");
      // a little air before each question, more before the next root question
      if (nodes.length > 0) y += n.data.kind === "question" ? (n.depth === 0 ? 20 : 8) : n.data.kind === "outcome" ? 6 : 4;
      nodes.push(place(n, x, y, s));
      y += s.height;
    });
  }

  const byKey = new Map(nodes.map((p) => [p.key, p]));
  const links: PlacedLink[] = [];
  for (const p of nodes) {
    const parent = p.parentKey ? byKey.get(p.parentKey) : undefined;
    if (!parent) continue;
    // down the parent's trunk, then right to the node (rounded corner)
    const tx = parent.x + G.trunk;
    const top = parent.node.kind === "hypothesis" ? parent.anchorY + 4 : parent.y + parent.height;
    const r = Math.min(6, Math.max(0, p.anchorY - top));
    // a branch ends at its marker (drawn at x + trunk), a box at its left edge
    const end = p.node.kind === "hypothesis" ? p.x + G.trunk - 4 : p.x;
    const d = `M${tx},${top} V${p.anchorY - r} Q${tx},${p.anchorY} ${tx + r},${p.anchorY} H${end}`;
    links.push({ from: parent.key, to: p.key, kind: p.node.kind === "hypothesis" ? "branch" : "stem", d });
  }
  return { mode: "narrow", width, height: Math.ceil(y + G.pad), nodes, links };
}

const round = (n: number) => Math.round(n * 10) / 10;
