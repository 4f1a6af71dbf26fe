// Bare SQL on a store's own driver, bypassing drizzle: for the bench, which times each
// analysis read against the bare queries it needs. Statements are written once with `?`
// placeholders (numbered for PostgreSQL here) and prepared per connection on both engines;
// a Date parameter is bound the way each engine stores timestamps.
import type { SqliteStore } from "./dialect/sqlite";
import type { PgStore } from "./dialect/pg";
import type { Store } from "./store";

type Statement = { all(...params: unknown[]): unknown[] };

export interface RawSql {
  all(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** The engine's plan for a statement, on one line. */
  plan(sql: string, params?: readonly unknown[]): Promise<string>;
}

const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export function rawSql(store: Store): RawSql {
  if (store.dialect === "sqlite") {
    const conn = (store as SqliteStore).connection;
    const cache = new Map<string, Statement>();
    const bind = (params: readonly unknown[]) => params.map((p) => (p instanceof Date ? p.getTime() : typeof p === "boolean" ? Number(p) : p));
    const prepared = (sql: string) => {
      let st = cache.get(sql);
      if (!st) cache.set(sql, (st = conn.prepare(sql) as Statement));
      return st;
    };
    return {
      all: async (sql, params = []) => prepared(sql).all(...(bind(params) as unknown[])) as Record<string, unknown>[],
      plan: async (sql, params = []) =>
        (conn.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(bind(params) as unknown[])) as { detail: string }[]).map((r) => r.detail).join("; "),
    };
  }
  const pool = (store as PgStore).pool;
  const names = new Map<string, string>();
  return {
    all: async (sql, params = []) => {
      let name = names.get(sql);
      if (!name) names.set(sql, (name = `raw_${names.size}`));
      return (await pool.query({ name, text: numbered(sql), values: [...params] })).rows;
    },
    plan: async (sql, params = []) => {
      const rows = (await pool.query({ text: `EXPLAIN ${numbered(sql)}`, values: [...params] })).rows as { "QUERY PLAN": string }[];
      return rows
        .map((r) => r["QUERY PLAN"].trim())
        .filter((l) => !l.startsWith("Sort Key") && !l.startsWith("Filter"))
        .join("; ")
        .replace(/\s+\(cost=[^)]*\)/g, "");
    },
  };
}
