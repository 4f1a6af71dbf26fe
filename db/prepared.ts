// Prepared statements belong to one connection: build a module's set once per store and
// reuse it on every call (STACK-NOTES: a statement built per call costs ~10× a prepared one).
import type { Db, Schema, Store } from "./client";

export function preparedPerStore<T>(build: (db: Db, schema: Schema) => T): (store: Store) => T {
  const cache = new WeakMap<Db, T>();
  return (store) => {
    let q = cache.get(store.db);
    if (!q) {
      q = build(store.db, store.schema);
      cache.set(store.db, q);
    }
    return q;
  };
}
