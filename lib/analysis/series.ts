// The team's aggregate over time, for scoring the team like an analyst. The aggregate at
// time t pools every analyst's estimate standing at t; it changes whenever anyone
// estimates. Scoring needs it only where lib/math's timeAveragedBrier looks: at each 24-hour
// slot start from the first estimate by anyone, and at the last estimate before resolution
// (for the final Brier and log score). So the series has exactly those points.
import { aggregate, DAY_MS, type PoolMethod, type TimedEstimate } from "@/lib/math";

/**
 * @param byAnalyst each analyst's estimates made before resolution, oldest first
 * @param openIds   the hypotheses the pool is taken over
 * @returns points oldest first; empty when nobody estimated before resolution
 */
export function teamSeries(
  byAnalyst: readonly (readonly TimedEstimate[])[],
  openIds: readonly string[],
  method: PoolMethod,
  resolvedAt: number,
): TimedEstimate[] {
  const series = byAnalyst.map((list) => list.filter((e) => e.at < resolvedAt)).filter((list) => list.length > 0);
  if (series.length === 0) return [];
  const first = Math.min(...series.map((list) => list[0]!.at));
  const last = Math.max(...series.map((list) => list[list.length - 1]!.at));

  const times: number[] = [];
  for (let t = first; t < resolvedAt; t += DAY_MS) times.push(t);
  times.push(last);
  times.sort((x, y) => x - y);

  const next = series.map(() => 0); // per analyst: index of the first estimate not yet standing
  const out: TimedEstimate[] = [];
  for (const t of times) {
    const standing: TimedEstimate["probabilities"][] = [];
    series.forEach((list, a) => {
      let i = next[a]!;
      while (i < list.length && list[i]!.at <= t) i += 1;
      next[a] = i;
      if (i > 0) standing.push(list[i - 1]!.probabilities);
    });
    const pooled = aggregate(method, standing, openIds);
    if (pooled) out.push({ at: t, probabilities: pooled });
  }
  return out;
}

/** Day-slot starts from `first` (every 24 h while before `resolvedAt`), as timeAveragedBrier slots them. */
export function slotStarts(first: number, resolvedAt: number): number[] {
  const out: number[] = [];
  for (let t = first; t < resolvedAt; t += DAY_MS) out.push(t);
  return out;
}

/**
 * Which of an analyst's estimates scoring needs: the one standing (latest at or before) at
 * each of `starts`, and the last one. `times` and `starts` ascending; returns distinct
 * times, ascending. Scoring the estimates at these times gives exactly the scores of the
 * full list — every other estimate was replaced before any slot began — so a question
 * forecast many times a day costs reads per day, not per estimate.
 */
export function neededTimes(times: readonly number[], ...startLists: (readonly number[])[]): number[] {
  const out = new Set<number>();
  const last = times[times.length - 1];
  if (last === undefined) return [];
  for (const starts of startLists) {
    let i = -1; // index of the estimate standing at the current start
    for (const s of starts) {
      while (i + 1 < times.length && times[i + 1]! <= s) i += 1;
      if (i >= 0) out.add(times[i]!);
    }
  }
  out.add(last);
  return [...out].sort((a, b) => a - b);
}
