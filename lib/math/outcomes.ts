// Scenario-tree arithmetic. A question may hang under one hypothesis of another
// question ("given H…"), so its hypotheses' probabilities are conditional; a path's
// probability multiplies down the tree, and an outcome sums the paths that reach it.

export interface TreeHypothesis {
  id: string;
  /**
   * The question's aggregate conditional probability; null when nobody has estimated.
   * Archived hypotheses should be passed with 0 (aggregates are renormalised over the
   * open ones), not null, or every outcome that mentions them becomes unknown.
   */
  probability: number | null;
}

export interface TreeQuestion {
  id: string;
  parentHypothesisId: string | null;
  hypotheses: readonly TreeHypothesis[];
}

interface TreeIndex {
  questionById: Map<string, TreeQuestion>;
  questionOfHypothesis: Map<string, TreeQuestion>;
  hypothesisById: Map<string, TreeHypothesis>;
}

function indexTree(questions: readonly TreeQuestion[]): TreeIndex {
  const questionById = new Map<string, TreeQuestion>();
  const questionOfHypothesis = new Map<string, TreeQuestion>();
  const hypothesisById = new Map<string, TreeHypothesis>();
  for (const q of questions) {
    questionById.set(q.id, q);
    for (const h of q.hypotheses) {
      questionOfHypothesis.set(h.id, q);
      hypothesisById.set(h.id, h);
    }
  }
  return { questionById, questionOfHypothesis, hypothesisById };
}

/**
 * The chain from h up to the root: [h, parent hypothesis, grandparent …]. null when
 * a link is broken (unknown id) or the parent links form a cycle — both are data bugs
 * we refuse to turn into a number.
 */
function lineage(hypothesisId: string, index: TreeIndex): TreeHypothesis[] | null {
  const chain: TreeHypothesis[] = [];
  const seen = new Set<string>();
  let currentId: string | null = hypothesisId;
  while (currentId !== null) {
    if (seen.has(currentId)) return null;
    seen.add(currentId);
    const h = index.hypothesisById.get(currentId);
    const q = index.questionOfHypothesis.get(currentId);
    if (h === undefined || q === undefined) return null;
    chain.push(h);
    currentId = q.parentHypothesisId;
  }
  return chain;
}

function pathProbabilityIn(hypothesisId: string, index: TreeIndex): number | null {
  const chain = lineage(hypothesisId, index);
  if (chain === null) return null;
  let p = 1;
  for (const h of chain) {
    if (h.probability === null) return null;
    p *= h.probability;
  }
  return p;
}

/**
 * Unconditional probability of h: p(h | parent) × p(parent | grandparent) × … up to a
 * root question. null if any factor is unknown or h is not in the tree.
 */
export function pathProbability(
  hypothesisId: string,
  questions: readonly TreeQuestion[],
): number | null {
  return pathProbabilityIn(hypothesisId, indexTree(questions));
}

/**
 * Probability of an outcome reached through the given hypotheses: the sum of their
 * path probabilities. A hypothesis whose ancestor is also listed is skipped — its path
 * lies inside the ancestor's branch, and adding it again would double count.
 * Duplicates count once; an empty set is 0; null if a needed factor is unknown.
 * Assumes the set lies in one tree (check with sameTree) — paths in different trees
 * are not mutually exclusive, so their sum would not be a probability.
 */
export function outcomeProbability(
  hypothesisIds: readonly string[],
  questions: readonly TreeQuestion[],
): number | null {
  const index = indexTree(questions);
  const wanted = new Set(hypothesisIds);
  let total = 0;
  for (const id of wanted) {
    const chain = lineage(id, index);
    if (chain === null) return null;
    const coveredByAncestor = chain.slice(1).some((ancestor) => wanted.has(ancestor.id));
    if (coveredByAncestor) continue;
    const p = pathProbabilityIn(id, index);
    if (p === null) return null;
    total += p;
  }
  return total;
}

function rootQuestionIn(questionId: string, index: TreeIndex): string | null {
  const seen = new Set<string>();
  let q = index.questionById.get(questionId);
  while (q !== undefined) {
    if (seen.has(q.id)) return null;
    seen.add(q.id);
    if (q.parentHypothesisId === null) return q.id;
    q = index.questionOfHypothesis.get(q.parentHypothesisId);
  }
  return null;
}

/** The id of the root question above questionId; null if unknown, broken or cyclic. */
export function rootQuestionOf(
  questionId: string,
  questions: readonly TreeQuestion[],
): string | null {
  return rootQuestionIn(questionId, indexTree(questions));
}

/**
 * True iff every hypothesis is known and all share one root question, i.e. one tree.
 * An empty set is vacuously true (callers that need ≥1 hypothesis check that apart).
 */
export function sameTree(
  hypothesisIds: readonly string[],
  questions: readonly TreeQuestion[],
): boolean {
  const index = indexTree(questions);
  let root: string | null = null;
  for (const id of hypothesisIds) {
    const q = index.questionOfHypothesis.get(id);
    if (q === undefined) return false;
    const r = rootQuestionIn(q.id, index);
    if (r === null) return false;
    if (root === null) root = r;
    else if (r !== root) return false;
  }
  return true;
}
