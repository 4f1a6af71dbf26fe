// Scoring resolved questions: Brier, log score, time-averaged Brier, calibration.
// Annulled questions are not scored at all — callers skip them (see scoreQuestion).
//
// Every estimate is scored AS THE ANALYST GAVE IT: over its own hypotheses and the true
// one, with no renormalisation. A hypothesis archived later keeps the p it was given
// (outcome 0); one added after the estimate counts p = 0 (costly if it turns out true).
// So archiving a hypothesis can never change a score, earlier or later: re-expressing old
// estimates over the hypotheses open at resolution let an archive rewrite past days.

import { PROBABILITY_FLOOR, type Probabilities } from "./probability";
import { inTimeOrder } from "./time-order";

// The hypotheses an estimate is scored over: its own, and the true one always, so a truth
// the analyst never saw cannot make the forecast look better.
function scoredIds(probs: Probabilities, trueId: string): string[] {
  const ids = Object.keys(probs);
  if (!Object.hasOwn(probs, trueId)) ids.push(trueId);
  return ids;
}

/**
 * Multi-category Brier score Σ_h (p_h − o_h)² over the estimate's hypotheses and the true
 * one; o = 1 for the true hypothesis else 0, p = 0 where the estimate gave nothing.
 * Range 0 (certain and right) … 2 (certain and wrong).
 */
export function brierScore(probs: Probabilities, trueId: string): number {
  let sum = 0;
  for (const id of scoredIds(probs, trueId)) {
    const p = probs[id] ?? 0;
    const o = id === trueId ? 1 : 0;
    sum += (p - o) ** 2;
  }
  return sum;
}

/**
 * ln p(true) as given, ≤ 0, higher is better. p is floored at 0.0001 (score ≥ ln 0.0001
 * ≈ −9.21) because one confident miss would otherwise be −∞ and swamp every average it joins.
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

/**
 * The estimate standing at time t: the latest one made at or before t. null if none.
 */
export function standingEstimate(
  estimates: readonly TimedEstimate[],
  at: number,
): TimedEstimate | null {
  const sorted = inTimeOrder(estimates);
  let standing: TimedEstimate | null = null;
  for (const e of sorted) {
    if (e.at <= at) standing = e;
    else break;
  }
  return standing;
}

/**
 * Brier averaged over the time each forecast stood, so an analyst who was right early
 * earns more than one who was right only the day before resolution.
 *
 * Only estimates made strictly before resolvedAt count. Each is weighted by how long it
 * stood — from when it was made to the next estimate, the last one to resolution — over
 * the whole span from the first estimate to resolution:
 *   TAB = Σ_i Brier(e_i) · (t_{i+1} − t_i) / (t_resolution − t_first),  t_{n+1} = t_resolution.
 * Of two estimates at the same instant the later-listed one stands (the earlier weighs 0).
 * Exact times rather than 24-hour slots: a mid-day update counts from when it was made and
 * a final partial day for the part that elapsed. null if no estimate counts.
 */
export function timeAveragedBrier(
  estimates: readonly TimedEstimate[],
  trueId: string,
  resolvedAt: number,
): number | null {
  const sorted = inTimeOrder(estimates, resolvedAt);
  const first = sorted[0];
  if (first === undefined) return null;
  let total = 0;
  sorted.forEach((e, i) => {
    const until = sorted[i + 1]?.at ?? resolvedAt;
    if (until > e.at) total += brierScore(e.probabilities, trueId) * (until - e.at);
  });
  return total / (resolvedAt - first.at);
}

export interface QuestionScores {
  brier: number;
  logScore: number;
  timeAveragedBrier: number;
}

/**
 * All three scores for one analyst (or the team's pooled series) on one question.
 * resolution null = annulled: the question never had a true answer, so nobody is scored.
 * Brier and log score use the estimate standing at resolution. null when annulled or
 * when no estimate was made before resolution.
 */
export function scoreQuestion(
  estimates: readonly TimedEstimate[],
  resolution: string | null,
  resolvedAt: number,
): QuestionScores | null {
  if (resolution === null) return null;
  const sorted = inTimeOrder(estimates, resolvedAt);
  const final = sorted[sorted.length - 1];
  const tab = timeAveragedBrier(sorted, resolution, resolvedAt);
  if (final === undefined || tab === null) return null;
  return {
    brier: brierScore(final.probabilities, resolution),
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
 * Turn one estimate into calibration forecasts: one (p, came true?) pair per hypothesis
 * it gave, as given, plus the true one (p = 0 if the estimate never gave it) — the same
 * hypotheses the Brier score is taken over. Calibration takes these pairs and never does
 * the expansion itself, so the caller chooses which estimates count.
 */
export function forecastsFromEstimate(probs: Probabilities, trueId: string): Forecast[] {
  return scoredIds(probs, trueId).map((id) => ({
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
