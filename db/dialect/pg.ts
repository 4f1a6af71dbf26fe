// The PostgreSQL store: a node-postgres pool shared by every request, migrations from
// db/migrations/pg applied on open under an advisory lock (instances starting together
// take turns), and each transaction the engine's own on one pooled connection. Several
// instances may share the database: writers to one scenario take turns on its row lock
// (lockScenario), never on anything held in this process.
import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import { sql } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { redactUrl } from "../url";
import { schema } from "../schema/pg";
import type { Prepared, Store } from "../store";
import type { Db } from "../types";

export const pgMigrationsFolder = (): string => path.resolve(process.cwd(), "db/migrations/pg");

// Any fixed number: the advisory lock every instance takes while it migrates.
const MIGRATION_LOCK = 0x6272616e; // "bran"

// A transaction that lost a deadlock or a serialisation check did nothing: run it again.
const RETRYABLE = new Set(["40001", "40P01"]);
const MAX_ATTEMPTS = 5;

export interface PgOptions {
  /** Connections in this instance's pool. */
  poolSize?: number;
}

export interface PgStore extends Store {
  /** The pool, for db/, bench and tests — services never touch it. */
  readonly pool: pg.Pool;
}

const codeOf = (err: unknown): unknown => (err as { code?: unknown } | null)?.code ?? (err as { cause?: { code?: unknown } } | null)?.cause?.code;

export async function openPgStore(url: string, options: PgOptions = {}): Promise<PgStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000 });
  // an idle connection the server dropped must not crash the process
  pool.on("error", () => undefined);
  try {
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
      try {
        await migrate(drizzle(client, { schema }), { migrationsFolder: pgMigrationsFolder() });
      } finally {
        await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw new Error(`cannot open the PostgreSQL database at ${redactUrl(url)}: ${err instanceof Error ? err.message : String(err)}`);
  }

  const root = drizzle(pool, { schema });
  const current = new AsyncLocalStorage<NodePgDatabase<typeof schema>>();

  type TxConfig = Parameters<typeof root.transaction>[1];
  async function run<T>(fn: (tx: Db) => Promise<T>, config?: TxConfig): Promise<T> {
    const open = current.getStore();
    if (open) return fn(open as unknown as Db);
    for (let attempt = 1; ; attempt++) {
      try {
        return await root.transaction((t) => current.run(t as unknown as NodePgDatabase<typeof schema>, () => fn(t as unknown as Db)), config);
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has(codeOf(err) as string)) throw err;
      }
    }
  }
  const tx = <T>(fn: (tx: Db) => Promise<T>) => run(fn);

  return {
    dialect: "postgres",
    get db() {
      return (current.getStore() ?? root) as unknown as Db;
    },
    schema: schema,
    tx,
    snapshot: (fn) => run(fn, { isolationLevel: "repeatable read", accessMode: "read only" }),
    lockScenario: async (t, scenarioId) => {
      const rows = await (t as unknown as NodePgDatabase<typeof schema>).execute(
        sql`select 1 from ${schema.scenarios} where ${schema.scenarios.id} = ${scenarioId} for update`,
      );
      return rows.rows.length > 0;
    },
    isUniqueViolation: (err) => codeOf(err) === "23505",
    now: () => new Date(),
    close: () => pool.end(),
    authProvider: "pg",
    prepare: <Q>(query: Q, name: string) => {
      type Driver = Omit<Prepared<Q>, "plainRows"> & { all(params?: Record<string, unknown>): Promise<Record<string, unknown>[]> };
      const p = (query as unknown as { prepare(name: string): Driver }).prepare(name);
      // node-postgres rows (objects in select order) as arrays
      return Object.assign(p, { plainRows: async (params?: Record<string, unknown>) => (await p.all(params)).map((row) => Object.values(row)) });
    },
    wrapAuthAdapter: (factory) => factory,
    pool,
  };
}
