// Prepared statements, built once per database handle and reused on every call: a statement
// built per call costs ~10× a prepared one on SQLite (docs/store.md). Each has a name, which
// PostgreSQL uses to parse it once per pooled connection. On PostgreSQL a transaction is its
// own handle, so a set is built for it too (JS only; the server-side parse stays cached).
import type { Prepared, Store } from "./store";
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
