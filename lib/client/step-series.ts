// The probability chart's figures: each hypothesis's line is a step function — a figure holds
// from the moment it was given until the next one — drawn up to the series' end (now, the
// as-of date or the resolution). Pure, so the chart and its tests read the same rule.

export interface StepPoint {
  at: number;
  probabilities: Record<string, number>;
}

/** A probability (0–1) as the chart's percent, to one decimal. */
export const toPercent = (p: number) => Math.round(p * 1000) / 10;

/**
 * The columns uPlot draws: the moments (ascending; two points at one moment keep the later),
 * then per hypothesis its percent at each moment. A line drawn in steps ends at its last
 * value, so where a hypothesis loses its figure (archived, or left out of an estimate) that
 * moment repeats the figure it held until then, and the moments after are null (a gap). A
 * last column at `end` repeats the standing figures, so the steps run to the end.
 */
export function stepColumns(points: readonly StepPoint[], ids: readonly string[], end: number): [number[], ...(number | null)[][]] {
  const moments: number[] = [];
  const rows: Record<string, number>[] = [];
  for (const p of points) {
    if (moments.length > 0 && moments[moments.length - 1] === p.at) rows[rows.length - 1] = p.probabilities;
    else {
      moments.push(p.at);
      rows.push(p.probabilities);
    }
  }
  if (rows.length > 0 && end > moments[moments.length - 1]!) {
    moments.push(end);
    rows.push(rows[rows.length - 1]!);
  }
  return [
    moments,
    ...ids.map((id) =>
      rows.map((r, i) => {
        if (r[id] !== undefined) return toPercent(r[id]!);
        const held = i > 0 ? rows[i - 1]![id] : undefined;
        return held === undefined ? null : toPercent(held);
      }),
    ),
  ];
}

/** The figures standing at `at`: the last point at or before it, or null before the first (or after `end`). */
export function standingAt(points: readonly StepPoint[], at: number, end: number): Record<string, number> | null {
  if (at > end) return null;
  let lo = 0;
  let hi = points.length; // first index whose moment is after `at`
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.at <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : points[lo - 1]!.probabilities;
}

/** Evenly spread moments from the range's start; none at its very end, where a label would be cut off. */
export function timeTicks([lo, hi]: readonly [number, number], count: number): number[] {
  const step = (hi - lo) / count;
  return Array.from({ length: count }, (_, i) => Math.round(lo + step * i));
}

/** How many date labels fit across `width` px, each given `labelWidth` px: 2 to 6. */
export const tickCount = (width: number, labelWidth: number) => Math.max(2, Math.min(6, Math.floor(width / labelWidth)));
