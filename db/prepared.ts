// Prepared statements, built once per database handle and reused on every call: a statement
// built per call costs ~10× a prepared one on SQLite (docs/store.md). Each has a name, which
// PostgreSQL uses to parse it once per pooled connection. On PostgreSQL a transaction is its
// own handle, so a set is built for it too (JS only; the server-side parse stays cached).
import { sql, type Placeholder } from "drizzle-orm";
import type { Prepared, Rows, Store } from "./store";
import type { Db, Schema } from "./types";

export interface Statements {
  db: Db;
  schema: Schema;
  /** Prepare `query` under `name`: one name per distinct statement. */
  prepare<Q>(query: Q, name: string): Prepared<Q>;
}

const statementsOf = (store: Store): Statements => ({ db: store.db, schema: store.schema, prepare: (q, name) => store.prepare(q, name) });

/** A module's set of statements, per database handle. */
export function preparedPerStore<T>(build: (s: Statements) => T): (store: Store) => T {
  const cache = new WeakMap<Db, T>();
  return (store) => {
    let q = cache.get(store.db);
    if (!q) {
      q = build(statementsOf(store));
      cache.set(store.db, q);
    }
    return q;
  };
}

/** A family of statements that differ by a key (say, how many ids an IN list takes), per handle. */
export function preparedFamily<K, T>(build: (s: Statements, key: K) => T): (store: Store, key: K) => T {
  const cache = new WeakMap<Db, Map<K, T>>();
  return (store, key) => {
    let byKey = cache.get(store.db);
    if (!byKey) {
      byKey = new Map();
      cache.set(store.db, byKey);
    }
    let q = byKey.get(key);
    if (!q) {
      q = build(statementsOf(store), key);
      byKey.set(key, q);
    }
    return q;
  };
}

/** How many ids a prepared IN (…) list takes; a longer list runs in slices of this many. */
const IN_SLOTS = 16;

/**
 * A statement over a list of ids, prepared once per list length (1…IN_SLOTS): `build` puts
 * the placeholders it is given into its IN (…). Longer lists run a slice at a time, so the
 * rows come slice by slice, each slice in the statement's order.
 */
export function preparedIn<Q>(name: string, build: (s: Statements, ids: Placeholder[]) => Q) {
  const family = preparedFamily((s, slots: number) =>
    s.prepare(
      build(
        s,
        Array.from({ length: slots }, (_, i) => sql.placeholder(`in${i}`)),
      ),
      `${name}_${slots}`,
    ),
  );
  const slices = (ids: readonly string[], params: Record<string, unknown>) => {
    const out: { slots: number; params: Record<string, unknown> }[] = [];
    for (let at = 0; at < ids.length; at += IN_SLOTS) {
      const part = ids.slice(at, at + IN_SLOTS);
      out.push({ slots: part.length, params: { ...params, ...Object.fromEntries(part.map((id, i) => [`in${i}`, id])) } });
    }
    return out;
  };
  // every slice's rows, one at a time: spreading a large slice into push() would overflow the call stack
  const collect = async <R>(store: Store, ids: readonly string[], params: Record<string, unknown>, run: (p: Prepared<Q>, params: Record<string, unknown>) => Promise<R[]>) => {
    const out: R[] = [];
    for (const x of slices(ids, params)) for (const row of await run(family(store, x.slots), x.params)) out.push(row);
    return out;
  };
  return {
    rows: async (store: Store, ids: readonly string[], params: Record<string, unknown> = {}): Promise<Rows<Q>> =>
      (await collect(store, ids, params, (p, v) => p.execute(v) as Promise<unknown[]>)) as Rows<Q>,
    /** As rows(), each an array in the select's order (Prepared.plainRows says when that is safe). */
    plainRows: (store: Store, ids: readonly string[], params: Record<string, unknown> = {}): Promise<unknown[][]> => collect(store, ids, params, (p, v) => p.plainRows(v)),
  };
}
