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

import { clampProbability, eachGiven, scaleToOne, type Probabilities } from "./probability";

export type PoolMethod = "geometric" | "median" | "mean";

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

// The geometric mean is exp(mean of logs): each estimate's values are taken to logs once
// (poolRow), so a series that pools the same standing estimates at thousands of
// moments does not take the same logarithms again at each. Clamped first so one analyst's
// 0 cannot veto a hypothesis for the whole team.
const logOf = (v: number) => Math.log(clampProbability(v));

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

/**
 * The mean of column j over the rows that gave it a value (mean() without building the
 * list: a series pools at every one of thousands of moments); null when none did.
 */
function columnMean(rows: readonly Float64Array[], j: number): number | null {
  let sum = 0;
  let n = 0;
  for (const r of rows) {
    const v = r[j]!;
    if (Number.isNaN(v)) continue;
    sum += v;
    n += 1;
  }
  return n === 0 ? null : sum / n;
}

// column j's values over the rows that gave one, in the rows' order (into `list`)
function columnValues(rows: readonly Float64Array[], j: number, list: number[]): number[] {
  list.length = 0;
  for (const r of rows) if (!Number.isNaN(r[j]!)) list.push(r[j]!);
  return list;
}

const scratch: number[] = [];

/**
 * Per method: what each estimate's value becomes before pooling, and how column j of such
 * rows combines (null when no row gave it a value).
 */
const POOL: Readonly<Record<PoolMethod, { prepare: ((v: number) => number) | null; combine: (rows: readonly Float64Array[], j: number) => number | null }>> = {
  geometric: {
    prepare: logOf,
    combine: (rows, j) => {
      const m = columnMean(rows, j);
      return m === null ? null : Math.exp(m);
    },
  },
  median: {
    prepare: null,
    combine: (rows, j) => {
      const values = columnValues(rows, j, scratch);
      return values.length === 0 ? null : median(values);
    },
  },
  mean: { prepare: null, combine: columnMean },
};

/** The open ids once each, in order: the columns pooling works over. */
export const poolIds = (openIds: readonly string[]): string[] => [...new Set(openIds)];

/**
 * An estimate as a row of numbers over `ids` (from poolIds): what restrictToGiven(e, ids)
 * gives — renormalised over the ids it gave a value for — NaN where it gave none, and for
 * the geometric pool the logs. A series pools the same standing estimates at thousands of
 * moments: it makes each row once, and each pool is then a pass over numbers rather than
 * lookups by id. Computed without building the restricted estimate (eachGiven).
 */
export function poolRow(method: PoolMethod, estimate: Probabilities, ids: readonly string[]): Float64Array {
  const prepare = POOL[method].prepare;
  const row = new Float64Array(ids.length).fill(NaN);
  eachGiven(estimate, ids, (j, p) => (row[j] = prepare ? prepare(p) : p));
  return row;
}

/**
 * Pool rows made by poolRow over the same `ids`: per hypothesis, combine the values of the
 * rows that gave one, then normalise. null when no open hypothesis has a value.
 */
export function poolRows(method: PoolMethod, rows: readonly Float64Array[], ids: readonly string[]): Probabilities | null {
  const { combine } = POOL[method];
  const pooledIds: string[] = [];
  const pooled: number[] = [];
  for (let j = 0; j < ids.length; j++) {
    const v = combine(rows, j);
    if (v === null) continue;
    pooledIds.push(ids[j]!);
    pooled.push(v);
  }
  if (pooledIds.length === 0) return null;
  const out: Probabilities = {};
  scaleToOne(
    pooledIds.length,
    (i) => pooled[i],
    (i, p) => (out[pooledIds[i]!] = p),
  );
  return out;
}

/** The pool by name. null when no open hypothesis has a value from any estimate. */
export function aggregate(
  method: PoolMethod,
  estimates: readonly Probabilities[],
  openIds: readonly string[],
): Probabilities | null {
  const ids = poolIds(openIds);
  return poolRows(
    method,
    estimates.map((e) => poolRow(method, e, ids)),
    ids,
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
  const ids = poolIds(openIds);
  const rows = estimates.map((e) => poolRow("mean", e, ids));
  let total = 0;
  let given = 0;
  for (let j = 0; j < ids.length; j++) {
    const values = columnValues(rows, j, []);
    if (values.length === 0) continue;
    const m = mean(values);
    total += Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
    given += 1;
  }
  return given === 0 ? null : total / given;
}
