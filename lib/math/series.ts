// A question's probabilities over time. Step-shaped: a value holds until the next change.
import { poolIds, poolRow, poolRows, type PoolMethod } from "./aggregation";
import type { Probabilities } from "./probability";
import { inTimeOrder } from "./time-order";

export interface SeriesEstimate {
  at: number;
  analystId: string;
  probabilities: Probabilities;
}

/** The hypotheses open from `at` on (until the next entry). */
export interface OpenSet {
  at: number;
  openIds: readonly string[];
}

export interface PooledPoint {
  at: number;
  /**
   * The team's pool, by aggregate(), of the estimates standing at `at` over the hypotheses
   * open at `at` — what the overview showed then. A hypothesis nobody gave a value is
   * absent; {} while no open hypothesis has a value at all.
   */
  probabilities: Probabilities;
  openIds: string[];
  /** How many analysts had an estimate standing. */
  analysts: number;
  /** Each analyst's standing estimate, as given (not restricted to the open set); {} when not asked for. */
  standing: Record<string, Probabilities>;
}

export interface PooledSeriesInput {
  /** Any order; of several by one analyst at one instant the later-listed stands. */
  estimates: readonly SeriesEstimate[];
  /** Ascending. Before the first entry nothing is open. */
  openSets: readonly OpenSet[];
  method: PoolMethod;
  /** Exclusive: estimates and open-set changes at or after it are ignored (resolution). */
  until?: number;
  /** Whether each point lists every standing estimate (the chart does; scoring does not). */
  withStanding?: boolean;
}

/**
 * The team's pooled value as a step function: one point at every instant an estimate was
 * made or the open set changed, once at least one estimate stands, in time order. The
 * value at any time t is the last point at or before t, and equals
 * aggregate(method, estimates standing at t, ids open at t). Scoring the team and the
 * history chart both read it, so the team is scored on exactly what was shown.
 */
export function pooledSeries({ estimates, openSets, method, until = Number.POSITIVE_INFINITY, withStanding = true }: PooledSeriesInput): PooledPoint[] {
  const es = inTimeOrder(estimates, until);
  const sets = inTimeOrder(openSets, until);
  const standing = new Map<string, Probabilities>();
  // Each standing estimate restricted to the open set and made ready to pool (aggregate's
  // first steps), redone only when that analyst estimates or the open set changes: a question
  // with thousands of estimates would otherwise redo every standing estimate at every point.
  // `rows` in the order analysts first estimated, as `standing` iterates.
  let openIds: string[] = [];
  let ids: string[] = [];
  const rows: Float64Array[] = [];
  const rowOf = new Map<string, number>();
  const ready = (analystId: string, p: Probabilities) => {
    const row = poolRow(method, p, ids);
    const i = rowOf.get(analystId);
    if (i === undefined) rowOf.set(analystId, rows.push(row) - 1);
    else rows[i] = row;
  };
  let e = 0;
  let s = 0;
  const out: PooledPoint[] = [];
  // every instant an estimate was made or the open set changed, in order, each once
  while (e < es.length || s < sets.length) {
    const t = Math.min(es[e]?.at ?? Number.POSITIVE_INFINITY, sets[s]?.at ?? Number.POSITIVE_INFINITY);
    let setChanged = false;
    for (; s < sets.length && sets[s]!.at === t; s++) {
      openIds = [...sets[s]!.openIds];
      ids = poolIds(openIds);
      setChanged = true;
    }
    for (; e < es.length && es[e]!.at === t; e++) {
      const { analystId, probabilities } = es[e]!;
      standing.set(analystId, probabilities);
      ready(analystId, probabilities);
    }
    if (setChanged) for (const [a, p] of standing) ready(a, p);
    if (standing.size === 0) continue;
    out.push({
      at: t,
      // = aggregate(method, [...standing.values()], openIds)
      probabilities: poolRows(method, rows, ids) ?? {},
      openIds,
      analysts: standing.size,
      standing: withStanding ? Object.fromEntries(standing) : {},
    });
  }
  return out;
}
