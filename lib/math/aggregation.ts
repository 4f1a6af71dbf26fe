// Team aggregate of several analysts' standing estimates for one question.
// Every pool first re-expresses each estimate over the currently open hypotheses
// (restrictToOpen), so archived hypotheses drop out and new ones count 0.

import { clampProbability, normalize, restrictToOpen, type Probabilities } from "./probability";

export type PoolMethod = "geometric" | "median" | "mean";

function restrictAll(
  estimates: readonly Probabilities[],
  openIds: readonly string[],
): Probabilities[] {
  return estimates.map((e) => restrictToOpen(e, openIds).probabilities);
}

function uniqueIds(openIds: readonly string[]): string[] {
  return [...new Set(openIds)];
}

// Per-hypothesis columns: column[i] = every analyst's p for openIds[i].
function poolBy(
  estimates: readonly Probabilities[],
  openIds: readonly string[],
  combine: (values: number[]) => number,
): Probabilities | null {
  if (estimates.length === 0) return null;
  const ids = uniqueIds(openIds);
  const rows = restrictAll(estimates, ids);
  const pooled: Probabilities = {};
  for (const id of ids) pooled[id] = combine(rows.map((r) => r[id] ?? 0));
  return normalize(pooled);
}

/**
 * Geometric mean of the analysts' probabilities per hypothesis, then renormalised.
 * The default pool: unlike the mean it keeps the team's shared confidence when
 * everyone leans the same way, and clamping to [0.0001, 0.9999] first stops a single
 * analyst's 0 from vetoing a hypothesis for the whole team.
 */
export function geometricMeanPool(
  estimates: readonly Probabilities[],
  openIds: readonly string[],
): Probabilities | null {
  return poolBy(estimates, openIds, (values) => {
    let logSum = 0;
    for (const v of values) logSum += Math.log(clampProbability(v));
    return Math.exp(logSum / values.length);
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] ?? 0;
  return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length === 0 ? 0 : sum / values.length;
}

/** Median per hypothesis (even count: mean of the middle two), then renormalised. */
export function medianPool(
  estimates: readonly Probabilities[],
  openIds: readonly string[],
): Probabilities | null {
  return poolBy(estimates, openIds, median);
}

/** Arithmetic mean per hypothesis (already sums to 1; normalised for safety). */
export function meanPool(
  estimates: readonly Probabilities[],
  openIds: readonly string[],
): Probabilities | null {
  return poolBy(estimates, openIds, mean);
}

export function aggregate(
  method: PoolMethod,
  estimates: readonly Probabilities[],
  openIds: readonly string[],
): Probabilities | null {
  switch (method) {
    case "geometric":
      return geometricMeanPool(estimates, openIds);
    case "median":
      return medianPool(estimates, openIds);
    case "mean":
      return meanPool(estimates, openIds);
  }
}

/**
 * How far apart the analysts are: the population standard deviation of their
 * probabilities for each open hypothesis, averaged over the hypotheses. Population
 * (÷n, not ÷n−1) because the analysts are the whole team, not a sample of one.
 * null without estimates; 0 with no open hypotheses (nothing to disagree about).
 */
export function disagreement(
  estimates: readonly Probabilities[],
  openIds: readonly string[],
): number | null {
  if (estimates.length === 0) return null;
  const ids = uniqueIds(openIds);
  if (ids.length === 0) return 0;
  const rows = restrictAll(estimates, ids);
  let total = 0;
  for (const id of ids) {
    const values = rows.map((r) => r[id] ?? 0);
    const m = mean(values);
    const variance = mean(values.map((v) => (v - m) ** 2));
    total += Math.sqrt(variance);
  }
  return total / ids.length;
}
