// Team aggregate of several analysts' standing estimates for one question.
//
// Every pool (and disagreement) works available-case: each estimate is first restricted to
// the open hypotheses it actually gave a value for and renormalised over those
// (restrictToGiven: archived ids drop out), then each hypothesis is pooled over the
// estimates that gave it a value, and the result is normalised. An estimate made before a
// hypothesis was added says nothing about it, so it neither votes 0 (which under the
// geometric pool vetoed the new hypothesis: 0.0001 in the product) nor is counted at all
// for it — the same as imputing its value from the other analysts'. A hypothesis nobody
// gave a value is absent from the result (callers show "no estimate").

import { clampProbability, normalize, restrictToGiven, type Probabilities } from "./probability";

export type PoolMethod = "geometric" | "median" | "mean";

// column.get(id) = the values the (already restricted) estimates that gave `id` a value
// gave it, in open-id order.
function columns(given: readonly Probabilities[], openIds: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const id of new Set(openIds)) {
    const values: number[] = [];
    for (const r of given) {
      const v = r[id];
      if (typeof v === "number") values.push(v);
    }
    if (values.length > 0) out.set(id, values);
  }
  return out;
}

function geometricMean(values: readonly number[]): number {
  // clamped so one analyst's 0 cannot veto a hypothesis for the whole team
  let logSum = 0;
  for (const v of values) logSum += Math.log(clampProbability(v));
  return Math.exp(logSum / values.length);
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
  return aggregate("geometric", estimates, openIds);
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
  return aggregate("median", estimates, openIds);
}

/**
 * Arithmetic mean per hypothesis, then renormalised: with everyone giving every
 * hypothesis it already sums to 1; with a hypothesis some never saw it does not.
 */
export function meanPool(
  estimates: readonly Probabilities[],
  openIds: readonly string[],
): Probabilities | null {
  return aggregate("mean", estimates, openIds);
}

const COMBINE: Readonly<Record<PoolMethod, (values: readonly number[]) => number>> = {
  geometric: geometricMean,
  median,
  mean,
};

/**
 * The second half of aggregate(), for estimates already passed through
 * restrictToGiven(e, openIds): pooledSeries keeps them restricted between changes
 * instead of restricting every standing estimate again at every point.
 */
export function poolGiven(
  method: PoolMethod,
  given: readonly Probabilities[],
  openIds: readonly string[],
): Probabilities | null {
  const cols = columns(given, openIds);
  if (cols.size === 0) return null;
  const combine = COMBINE[method];
  const pooled: Probabilities = {};
  for (const [id, values] of cols) pooled[id] = combine(values);
  return normalize(pooled);
}

/** The pool by name. null when no open hypothesis has a value from any estimate. */
export function aggregate(
  method: PoolMethod,
  estimates: readonly Probabilities[],
  openIds: readonly string[],
): Probabilities | null {
  return poolGiven(
    method,
    estimates.map((e) => restrictToGiven(e, openIds)),
    openIds,
  );
}

/**
 * How far apart the analysts are: per open hypothesis, the population standard deviation
 * of the (renormalised) values of the estimates that gave it one, averaged over the
 * hypotheses somebody gave. Population (÷n, not ÷n−1) because the analysts are the whole
 * team, not a sample of one. An analyst silent on a hypothesis is no disagreement about
 * it. null when there is nothing to compare: no open hypothesis has a value.
 */
export function disagreement(
  estimates: readonly Probabilities[],
  openIds: readonly string[],
): number | null {
  const cols = columns(
    estimates.map((e) => restrictToGiven(e, openIds)),
    openIds,
  );
  if (cols.size === 0) return null;
  let total = 0;
  for (const values of cols.values()) {
    const m = mean(values);
    total += Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
  }
  return total / cols.size;
}
