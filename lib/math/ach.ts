// Heuer's Analysis of Competing Hypotheses: the evidence × hypothesis matrix.
// Heuer's rule is that the hypothesis with the LEAST inconsistent evidence survives —
// consistent evidence proves little, because it is usually consistent with several.
// The likelihood mapping below turns the same ratings into implied probabilities.

import type { Probabilities } from "./probability";

export type Consistency = "CC" | "C" | "N" | "I" | "II" | "NA";

export const CONSISTENCY_VALUES: readonly Consistency[] = ["CC", "C", "N", "I", "II", "NA"];

// Scores closer than this are the same score: 0.6 + 0.2 and 0.8 must tie.
const SCORE_EPSILON = 1e-9;

// A likelihood of exactly 0 would make ln(L) = −∞ and wipe a hypothesis out for good
// (and NaN if every hypothesis got 0), so likelihoods are floored here.
export const LIKELIHOOD_FLOOR = 0.0001;

// ---------------------------------------------------------------- inconsistency

export interface AchRow {
  /** evidenceWeight(...); 0 = retracted. */
  weight: number;
  ratings: Readonly<Record<string, Consistency | undefined>>;
}

export interface InconsistencyScore {
  /** Σ weight × (I → 1, II → 2): Heuer's score, weighted by evidence grading. */
  inconsistency: number;
  /** Σ (I → 1, II → 2), unweighted. */
  inconsistencyCount: number;
  /** 1 = least inconsistent; ties share a rank ("1, 1, 3"). Ranked by `inconsistency`. */
  rank: number;
}

function inconsistencyPoints(c: Consistency | undefined): number {
  if (c === "I") return 1;
  if (c === "II") return 2;
  return 0;
}

/**
 * Heuer scores per hypothesis. Rows with weight 0 (retracted evidence) are left out
 * of the unweighted count too: a withdrawn item must not keep counting against a
 * hypothesis. Unrated cells, NA and ids absent from a row score 0.
 */
export function inconsistencyScores(
  rows: readonly AchRow[],
  hypothesisIds: readonly string[],
): Record<string, InconsistencyScore> {
  const ids = [...new Set(hypothesisIds)];
  const weighted = new Map<string, number>();
  const counted = new Map<string, number>();
  for (const id of ids) {
    let w = 0;
    let n = 0;
    for (const row of rows) {
      if (!(row.weight > 0)) continue;
      const points = inconsistencyPoints(row.ratings[id]);
      w += row.weight * points;
      n += points;
    }
    weighted.set(id, w);
    counted.set(id, n);
  }
  const out: Record<string, InconsistencyScore> = {};
  for (const id of ids) {
    const mine = weighted.get(id) ?? 0;
    let better = 0;
    for (const other of ids) {
      if ((weighted.get(other) ?? 0) < mine - SCORE_EPSILON) better += 1;
    }
    out[id] = { inconsistency: mine, inconsistencyCount: counted.get(id) ?? 0, rank: better + 1 };
  }
  return out;
}

// ---------------------------------------------------------------- likelihoods

/** P(E | H) up to a constant for each rating; only ratios within a row matter. */
export const LIKELIHOOD: Readonly<Record<Exclude<Consistency, "NA">, number>> = {
  CC: 4,
  C: 2,
  N: 1,
  I: 0.5,
  II: 0.25,
};

/**
 * The likelihood a rating stands for. An explicit P(E|H) given by the analyst wins;
 * NA and unrated give null, which later steps treat as factor 1 (no information).
 */
export function likelihoodOf(
  consistency: Consistency | undefined,
  explicitLikelihood?: number | null,
): number | null {
  if (explicitLikelihood !== undefined && explicitLikelihood !== null) {
    if (Number.isFinite(explicitLikelihood) && explicitLikelihood >= 0) return explicitLikelihood;
  }
  if (consistency === undefined || consistency === "NA") return null;
  return LIKELIHOOD[consistency];
}

/**
 * How well one item separates the hypotheses, in bits: weight × log2(max L / min L).
 * NA and unrated cells (null) count as likelihood 1 — the same "no information" factor
 * the implied probabilities and sensitivity give them — so an item rated C against one
 * hypothesis and NA against another scores 1 bit, just as it moves the posterior from
 * 1/2 to 2/3. A row nobody rated (all null) scores 0, as does an item rated the same
 * against every hypothesis: it cannot tell them apart.
 */
export function diagnosticity(likelihoods: readonly (number | null)[], weight: number): number {
  if (!(weight > 0)) return 0;
  // one pass (the matrix asks this of thousands of rows): the largest and smallest floored
  // likelihood, an unrated cell counting 1
  let rated = false;
  let max = -Infinity;
  let min = Infinity;
  for (const l of likelihoods) {
    const rating = l !== null && Number.isFinite(l);
    if (rating) rated = true;
    const floored = rating ? Math.max(LIKELIHOOD_FLOOR, l) : 1;
    if (floored > max) max = floored;
    if (floored < min) min = floored;
  }
  if (!rated) return 0;
  return weight * Math.log2(max / min);
}

export interface LikelihoodRow {
  weight: number;
  likelihoods: Readonly<Record<string, number | null | undefined>>;
}

/**
 * Posterior over the open hypotheses: uniform prior × Π L^weight, normalised. The
 * weight acts as an exponent so weak evidence moves beliefs less (weight 0 = ignored).
 * Summed in log space and normalised with log-sum-exp, since dozens of factors of
 * 0.25 or 4 overflow or underflow a plain product.
 */
export function impliedProbabilities(
  rows: readonly LikelihoodRow[],
  openIds: readonly string[],
): Probabilities {
  const ids = [...new Set(openIds)];
  const logs = ids.map((id) => {
    let sum = 0;
    for (const row of rows) {
      const l = row.likelihoods[id];
      if (l === null || l === undefined || !Number.isFinite(l) || !(row.weight > 0)) continue;
      sum += row.weight * Math.log(Math.max(LIKELIHOOD_FLOOR, l));
    }
    return sum;
  });
  const top = Math.max(...logs);
  const scaled = logs.map((v) => Math.exp(v - top));
  const total = scaled.reduce((a, b) => a + b, 0);
  const out: Probabilities = {};
  ids.forEach((id, i) => {
    out[id] = (scaled[i] ?? 0) / total;
  });
  return out;
}

/**
 * The team's likelihood for one cell: geometric mean of the analysts' likelihoods,
 * the natural average for ratios (CC = 4 and II = 0.25 average to N = 1). null if empty.
 */
export function teamLikelihood(likelihoods: readonly number[]): number | null {
  if (likelihoods.length === 0) return null;
  let logSum = 0;
  for (const l of likelihoods) logSum += Math.log(Math.max(LIKELIHOOD_FLOOR, l));
  return Math.exp(logSum / likelihoods.length);
}

// ---------------------------------------------------------------- rating spread

export type SpreadLabel = "consensus" | "mild" | "large" | "extreme";

export interface RatingSpread {
  /** max − min on the ordinal scale CC=2 … II=−2; null with < 2 non-NA ratings. */
  spread: number | null;
  label: SpreadLabel | null;
}

const ORDINAL: Readonly<Record<Exclude<Consistency, "NA">, number>> = {
  CC: 2,
  C: 1,
  N: 0,
  I: -1,
  II: -2,
};

/**
 * How far analysts disagree on one cell. With fewer than two (non-NA) ratings there
 * is no one to disagree with, and calling that "consensus" would overstate agreement,
 * so both fields are null.
 */
export function ratingSpread(values: readonly Consistency[]): RatingSpread {
  let n = 0;
  let max = -Infinity;
  let min = Infinity;
  for (const v of values) {
    if (v === "NA") continue;
    n += 1;
    if (ORDINAL[v] > max) max = ORDINAL[v];
    if (ORDINAL[v] < min) min = ORDINAL[v];
  }
  if (n < 2) return { spread: null, label: null };
  const spread = max - min;
  const label: SpreadLabel =
    spread === 0 ? "consensus" : spread === 1 ? "mild" : spread === 2 ? "large" : "extreme";
  return { spread, label };
}

// ---------------------------------------------------------------- sensitivity

export interface SensitivityRow extends LikelihoodRow {
  id: string;
}

export interface SensitivityItem {
  evidenceId: string;
  /** Total variation distance ½ Σ |p_without − p_with|, in [0, 1]. */
  effect: number;
  impliedWithout: Probabilities;
}

/**
 * Which items the implied probabilities hinge on: drop each item in turn and measure
 * the shift. Total variation (rather than the largest single change) counts a shift
 * spread over many hypotheses as fully as one concentrated on a single hypothesis;
 * it equals the probability mass that moved. Largest effect first; ties keep input order.
 */
export function sensitivity(
  rows: readonly SensitivityRow[],
  openIds: readonly string[],
): SensitivityItem[] {
  const ids = [...new Set(openIds)];
  const base = impliedProbabilities(rows, ids);
  const items = rows.map((row, i) => {
    const impliedWithout = impliedProbabilities(
      rows.filter((_, j) => j !== i),
      ids,
    );
    let moved = 0;
    for (const id of ids) moved += Math.abs((impliedWithout[id] ?? 0) - (base[id] ?? 0));
    return { evidenceId: row.id, effect: moved / 2, impliedWithout };
  });
  return items.sort((a, b) => b.effect - a.effect);
}

/**
 * True when the analyst's stated probabilities and the ones their own ratings imply
 * differ by MORE than threshold for some hypothesis (a gap of exactly 20 points does
 * not flag). Missing keys count 0.
 */
export function impliedGapFlag(
  stated: Probabilities,
  implied: Probabilities,
  threshold: number = 0.2,
): boolean {
  const ids = new Set([...Object.keys(stated), ...Object.keys(implied)]);
  for (const id of ids) {
    const gap = Math.abs((stated[id] ?? 0) - (implied[id] ?? 0));
    if (gap > threshold + SCORE_EPSILON) return true;
  }
  return false;
}
