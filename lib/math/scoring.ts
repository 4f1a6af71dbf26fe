// Scoring resolved questions: Brier, log score, time-averaged Brier, calibration.
// Annulled questions are not scored at all — callers skip them (see scoreQuestion).

import { PROBABILITY_FLOOR, type Probabilities } from "./probability";

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Multi-category Brier score Σ_h (p_h − o_h)², o = 1 for the true hypothesis else 0.
 * Range 0 (certain and right) … 2 (certain and wrong). A hypothesis the estimate
 * never mentions counts p = 0. trueId is always scored, even if the caller left it
 * out of hypothesisIds, so a missing truth cannot make a forecast look better.
 */
export function brierScore(
  probs: Probabilities,
  trueId: string,
  hypothesisIds: readonly string[],
): number {
  const ids = new Set([...hypothesisIds, trueId]);
  let sum = 0;
  for (const id of ids) {
    const p = probs[id] ?? 0;
    const o = id === trueId ? 1 : 0;
    sum += (p - o) ** 2;
  }
  return sum;
}

/**
 * ln p(true), ≤ 0, higher is better. p is floored at 0.0001 (score ≥ ln 0.0001 ≈ −9.21)
 * because one confident miss would otherwise be −∞ and swamp every average it joins.
 */
export function logScore(probs: Probabilities, trueId: string): number {
  const p = probs[trueId] ?? 0;
  return Math.log(Math.min(1, Math.max(PROBABILITY_FLOOR, p)));
}

export interface TimedEstimate {
  /** ms since epoch */
  at: number;
  probabilities: Probabilities;
}

// Estimates strictly before resolution, oldest first; equal times keep input order,
// so of two estimates at the same instant the later-listed one stands.
function beforeResolution(estimates: readonly TimedEstimate[], resolvedAt: number): TimedEstimate[] {
  return estimates
    .filter((e) => e.at < resolvedAt)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
    .map(({ e }) => e);
}

/**
 * The estimate standing at time t: the latest one made at or before t. null if none.
 */
export function standingEstimate(
  estimates: readonly TimedEstimate[],
  at: number,
): TimedEstimate | null {
  const sorted = beforeResolution(estimates, Number.POSITIVE_INFINITY);
  let standing: TimedEstimate | null = null;
  for (const e of sorted) {
    if (e.at <= at) standing = e;
    else break;
  }
  return standing;
}

/**
 * Brier averaged over the days a forecast stood, so an analyst who was right early
 * earns more than one who was right only the day before resolution.
 *
 * Definition: only estimates made strictly before resolvedAt count. Days are 24 h
 * slots starting at the first such estimate: slot k starts at first + k·24h, and every
 * slot whose start is before resolvedAt counts once (a final partial day counts as a
 * whole day). Each slot is scored with the estimate standing at its start (latest at
 * or before it); an update made mid-slot takes effect from the next slot. The result is
 * the mean over slots. If resolution comes less than a day after the first estimate,
 * it is the Brier of the estimate standing at resolution. null if no estimate counts.
 */
export function timeAveragedBrier(
  estimates: readonly TimedEstimate[],
  trueId: string,
  hypothesisIds: readonly string[],
  resolvedAt: number,
): number | null {
  const sorted = beforeResolution(estimates, resolvedAt);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return null;
  const span = resolvedAt - first.at;
  if (span < DAY_MS) return brierScore(last.probabilities, trueId, hypothesisIds);

  const slots = Math.ceil(span / DAY_MS);
  let next = 0; // index of the first estimate not yet standing
  let standing: TimedEstimate = first;
  let total = 0;
  for (let k = 0; k < slots; k++) {
    const start = first.at + k * DAY_MS;
    for (let e = sorted[next]; e !== undefined && e.at <= start; e = sorted[next]) {
      standing = e;
      next += 1;
    }
    total += brierScore(standing.probabilities, trueId, hypothesisIds);
  }
  return total / slots;
}

export interface QuestionScores {
  brier: number;
  logScore: number;
  timeAveragedBrier: number;
}

/**
 * All three scores for one analyst (or the team's aggregate series) on one question.
 * resolution null = annulled: the question never had a true answer, so nobody is scored.
 * Brier and log score use the estimate standing at resolution. null when annulled or
 * when no estimate was made before resolution.
 */
export function scoreQuestion(
  estimates: readonly TimedEstimate[],
  resolution: string | null,
  hypothesisIds: readonly string[],
  resolvedAt: number,
): QuestionScores | null {
  if (resolution === null) return null;
  const sorted = beforeResolution(estimates, resolvedAt);
  const final = sorted[sorted.length - 1];
  const tab = timeAveragedBrier(sorted, resolution, hypothesisIds, resolvedAt);
  if (final === undefined || tab === null) return null;
  return {
    brier: brierScore(final.probabilities, resolution, hypothesisIds),
    logScore: logScore(final.probabilities, resolution),
    timeAveragedBrier: tab,
  };
}

// ---------------------------------------------------------------- calibration

export interface Forecast {
  p: number;
  outcome: 0 | 1;
}

export interface CalibrationBucket {
  from: number;
  to: number;
  count: number;
  meanForecast: number | null;
  /** Share of the bucket's forecasts that came true; null for an empty bucket. */
  observed: number | null;
}

/**
 * Turn one estimate into calibration forecasts: one (p, came true?) pair per
 * hypothesis. Calibration takes these pairs and never does the expansion itself,
 * so the caller chooses which estimates count (all, or only the final ones).
 */
export function forecastsFromEstimate(
  probs: Probabilities,
  trueId: string,
  hypothesisIds: readonly string[],
): Forecast[] {
  return [...new Set([...hypothesisIds, trueId])].map((id) => ({
    p: probs[id] ?? 0,
    outcome: id === trueId ? 1 : 0,
  }));
}

/**
 * Ten buckets [0, .1), [.1, .2), …, [.9, 1.0] (the last one closed, so p = 1 fits).
 * p is clamped to [0, 1]; a 1e-9 nudge puts computed values that land a hair below a
 * boundary (0.7 − 0.4 = 0.29999…) into the bucket they name.
 */
export function calibration(forecasts: readonly Forecast[]): CalibrationBucket[] {
  const counts = new Array<number>(10).fill(0);
  const sumsP = new Array<number>(10).fill(0);
  const sumsO = new Array<number>(10).fill(0);
  for (const f of forecasts) {
    if (!Number.isFinite(f.p)) continue;
    const p = Math.min(1, Math.max(0, f.p));
    const b = Math.min(9, Math.floor(p * 10 + 1e-9));
    counts[b] = (counts[b] ?? 0) + 1;
    sumsP[b] = (sumsP[b] ?? 0) + p;
    sumsO[b] = (sumsO[b] ?? 0) + f.outcome;
  }
  return counts.map((count, i) => ({
    from: i / 10,
    to: (i + 1) / 10,
    count,
    meanForecast: count === 0 ? null : (sumsP[i] ?? 0) / count,
    observed: count === 0 ? null : (sumsO[i] ?? 0) / count,
  }));
}
