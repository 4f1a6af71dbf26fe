// The as-of rule, written once (docs/asof.md): history is append-only rows, and the row in
// force at a time t is the newest row at or before t. "Newest" is by created_at, ties broken
// by the row's sequence — its id for rows with UUIDv7 ids (time-ordered, compared byte by
// byte), its version for version rows. "Now" is the same rule with no upper bound.
//
// Pure: the readers in this folder fetch rows (in SQL order or not) and keep the ones in
// force with one of these two functions; the SQL side of the rule is in ./query.ts.

export interface Stamped {
  createdAt: Date;
}

export type Seq<R> = (row: R) => string | number;

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** Oldest first by the rule's order: created_at, then the sequence. */
export function historyOrder<R extends Stamped>(seq: Seq<R>): (a: R, b: R) => number {
  return (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || cmp(seq(a), seq(b));
}

/** Whether a row had been written by `at` (every row when `at` is absent: now). */
export const writtenBy = (row: Stamped, at?: Date): boolean => !at || row.createdAt.getTime() <= at.getTime();

/**
 * The row in force per key at `at` (now when absent), from rows in any order: the newest by
 * (created_at, seq) among those written by then. Keys with no row by then are absent.
 */
export function inForce<R extends Stamped, K>(rows: Iterable<R>, key: (row: R) => K, seq: Seq<R>, at?: Date): Map<K, R> {
  const order = historyOrder(seq);
  const out = new Map<K, R>();
  for (const row of rows) {
    if (!writtenBy(row, at)) continue;
    const k = key(row);
    const held = out.get(k);
    if (!held || order(held, row) < 0) out.set(k, row);
  }
  return out;
}

/**
 * The same rule over rows the query already returned grouped by key and oldest first within
 * each group (the order of an index such as (hypothesis_id, evidence_id, analyst_id,
 * created_at, id)) and bounded by `at` in SQL: the last row of each run is in force. One
 * pass, no map — the matrix's hot path.
 */
export function lastOfRuns<R>(sortedRows: Iterable<R>, sameKey: (a: R, b: R) => boolean, emit: (row: R) => void): void {
  let last: R | undefined;
  for (const row of sortedRows) {
    if (last !== undefined && !sameKey(last, row)) emit(last);
    last = row;
  }
  if (last !== undefined) emit(last);
}
