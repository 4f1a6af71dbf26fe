// The SQLite store: one better-sqlite3 connection (WAL, synchronous FULL), migrations from
// db/migrations/sqlite applied on open, transactions queued in process and committed in
// groups (better-sqlite3 cannot run an async body inside db.transaction()).
// One process owns a SQLite file: several instances need PostgreSQL.
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { schema } from "../schema/sqlite";
import { eq } from "drizzle-orm";
import type { AuthAdapterFactory, Prepared, Store, TxOptions } from "../store";
import type { Db } from "../types";

export type SqliteConnection = Database.Database;

/** `file:./data/x.db`, `file:/abs/x.db`, a bare path, or `:memory:`. */
export function sqlitePathFromUrl(url: string): string {
  const p = url.startsWith("file:") ? url.slice("file:".length) : url;
  return p === "" ? ":memory:" : p;
}

/**
 * Create a directory and its missing parents one level at a time. (Node's recursive mkdir
 * spins forever where a parent refuses children without saying EACCES, as /proc does.)
 */
function ensureDir(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !fs.existsSync(d); d = path.dirname(d)) missing.unshift(d);
  for (const d of missing) fs.mkdirSync(d);
}

export function openSqlite(url: string): SqliteConnection {
  const file = sqlitePathFromUrl(url);
  if (file !== ":memory:") ensureDir(path.dirname(path.resolve(file)));
  const conn = new Database(file);
  conn.pragma("journal_mode = WAL");
  // A 2xx means the row is on disk.
  conn.pragma("synchronous = FULL");
  conn.pragma("foreign_keys = ON");
  conn.pragma("busy_timeout = 5000");
  return conn;
}

export const migrationsFolder = (): string => path.resolve(process.cwd(), "db/migrations/sqlite");

export interface SqliteStore extends Store {
  /** The raw connection, for db/, bench and tests — services never touch it. */
  readonly connection: SqliteConnection;
}

/**
 * The connection as drizzle sees it, with compiled statements kept by their SQL (most recent
 * STATEMENT_CACHE texts): drizzle prepares every query it runs, and compiling the same SQL
 * again was 3 % of the server's time on the hot paths. A cached statement is handed out as a
 * fresh facade, because better-sqlite3's raw mode is a setting of the statement: each call
 * sets the mode its caller asked for.
 */
const STATEMENT_CACHE = 500;

/**
 * drizzle binds a query's LIMIT as a parameter (`limit ?`). SQLite re-prepares a statement
 * whose LIMIT is a bare parameter each time it is run with a new binding (its ORDER BY …
 * LIMIT planning reads the value), which made a one-row index seek three times slower
 * (14 µs against 4.5 µs). The same bound value through a cast is planned once.
 */
const boundLimits = (sql: string) => sql.replace(/ limit \?/g, " limit cast(? as integer)");

function withStatementCache(connection: SqliteConnection): SqliteConnection {
  const cache = new Map<string, Database.Statement>();
  const compiled = (sql: string): Database.Statement => {
    let stmt = cache.get(sql);
    if (stmt) {
      cache.delete(sql); // most recently used last
    } else {
      stmt = connection.prepare(boundLimits(sql));
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, stmt);
    return stmt;
  };
  const facade = (stmt: Database.Statement, raw: boolean) => {
    const mode = () => (stmt.reader ? stmt.raw(raw) : stmt);
    return {
      reader: stmt.reader,
      raw: (on = true) => facade(stmt, on),
      run: (...params: unknown[]) => stmt.run(...params),
      get: (...params: unknown[]) => mode().get(...params),
      all: (...params: unknown[]) => mode().all(...params),
      iterate: (...params: unknown[]) => mode().iterate(...params),
    };
  };
  return new Proxy(connection, {
    get(target, key, receiver) {
      if (key === "prepare") return (sql: string) => facade(compiled(sql), false);
      const value = Reflect.get(target, key, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export function openSqliteStore(url: string): SqliteStore {
  const connection = openSqlite(url);
  // migrations run once, on the plain connection: their DDL has no place in the cache
  migrate(drizzle(connection), { migrationsFolder: migrationsFolder() });
  const db = drizzle(withStatementCache(connection), { schema }) as unknown as Db;

  const tx = groupCommit(connection, db);
  return {
    dialect: "sqlite",
    db,
    schema,
    tx,
    // an export reads for as long as it takes: the writes queued before it do not wait for it
    snapshot: (fn) => tx(fn, { alone: true }),
    // transactions already take turns: one writer at a time
    lockScenario: async (t, scenarioId) => {
      const rows = await t.select({ id: schema.scenarios.id }).from(schema.scenarios).where(eq(schema.scenarios.id, scenarioId)).limit(1);
      return rows.length > 0;
    },
    isUniqueViolation: (err) => {
      const code = (err as { code?: unknown } | null)?.code ?? (err as { cause?: { code?: unknown } } | null)?.cause?.code;
      return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
    },
    now: () => new Date(),
    close: async () => {
      connection.close();
    },
    authProvider: "sqlite",
    prepare: <Q>(query: Q) => {
      const p = (query as unknown as { prepare(): Omit<Prepared<Q>, "plainRows"> & { values(params?: Record<string, unknown>): unknown[][] } }).prepare();
      // better-sqlite3 in raw mode: arrays, values as stored
      return Object.assign(p, { plainRows: async (params?: Record<string, unknown>) => p.values(params) });
    },
    wrapAuthAdapter: (factory) => serializeWrites(tx, factory),
    connection,
  };
}

/** Most transactions one commit holds: bounds how long the last of a group waits. */
const GROUP_LIMIT = 64;

interface Queued {
  fn: (tx: Db) => Promise<unknown>;
  /** A long transaction: committed by itself, never in a group (TxOptions.alone). */
  alone: boolean;
  /** The caller's async context, which the body runs in (request-scoped state, nested calls). */
  context: <R>(body: () => R) => R;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/**
 * Transactions taken in turn, committed in groups. With synchronous = FULL each COMMIT waits
 * for the disk, and while it waits (better-sqlite3 is synchronous) nothing else runs, so the
 * callers that arrive meanwhile queue up. The next turn runs the queued callers (and those
 * that arrive while it runs, up to GROUP_LIMIT), each inside a SAVEPOINT of one
 * BEGIN IMMEDIATE … COMMIT: one wait for the disk for the group.
 * - A caller whose body throws is rolled back to its savepoint; the rest of the group goes
 *   on. Some errors (a full disk, an I/O error) end the whole transaction: then the callers
 *   before it, who have heard nothing, run again in the next group.
 * - Every caller hears its outcome after the group ends: those whose bodies succeeded only
 *   once the COMMIT is on disk (a reply still means the row is stored), or its error if the
 *   COMMIT fails. A group in which every body failed rolls back (no wait for the disk).
 * - A reply can wait for the bodies that run after its own in the group (at most
 *   GROUP_LIMIT - 1). A long transaction (`alone`: an import, an export) is never grouped:
 *   the group before it commits first, and it commits by itself. (A caller that arrives
 *   while it runs waits for it, as every caller waited for the one ahead.)
 * - So a body must never wait for another caller's transaction: that one settles only when
 *   the group, possibly its own, commits. Nested calls (a service calling another inside its
 *   body) join the open transaction instead; work a body leaves running after it returns
 *   takes a turn of its own.
 */
function groupCommit(connection: SqliteConnection, db: Db): Store["tx"] {
  // which caller's body an async context belongs to, and whose body is running now: a call
  // joins the open transaction only from the running body (work a body left behind queues)
  const inTx = new AsyncLocalStorage<Queued>();
  let running: Queued | null = null;
  const queue: Queued[] = [];
  let turnPending = false;

  /** One group: BEGIN IMMEDIATE, each queued body in its savepoint, COMMIT; then the replies. */
  async function group(): Promise<void> {
    try {
      connection.exec("BEGIN IMMEDIATE");
    } catch (err) {
      queue.shift()!.reject(err); // the database is busy or unwritable: the first caller hears it
      return;
    }
    const done: { caller: Queued; value: unknown }[] = [];
    const failed: { caller: Queued; err: unknown }[] = [];
    try {
      while (queue.length > 0 && done.length + failed.length < GROUP_LIMIT) {
        if (queue[0]!.alone && done.length + failed.length > 0) break;
        const caller = queue.shift()!;
        try {
          connection.exec("SAVEPOINT caller");
          running = caller;
          // awaited inside the caller's context, so a body that returns a query builder runs it there
          const value = await caller.context(() => inTx.run(caller, async () => await caller.fn(db))).finally(() => (running = null));
          connection.exec("RELEASE caller");
          done.push({ caller, value });
        } catch (err) {
          failed.push({ caller, err });
          if (!connection.inTransaction) {
            queue.unshift(...done.splice(0).map((d) => d.caller));
            return;
          }
          connection.exec("ROLLBACK TO caller");
          connection.exec("RELEASE caller");
        }
        if (caller.alone) break;
      }
      connection.exec(done.length > 0 ? "COMMIT" : "ROLLBACK");
    } catch (err) {
      // the COMMIT (or a savepoint's end) failed: nothing of the group is kept
      for (const d of done.splice(0)) failed.push({ caller: d.caller, err });
      try {
        if (connection.inTransaction) connection.exec("ROLLBACK");
      } catch (rollbackErr) {
        console.error("SQLite: could not roll back a failed group", rollbackErr);
      }
    } finally {
      for (const { caller, value } of done) caller.resolve(value);
      for (const { caller, err } of failed) caller.reject(err);
    }
  }

  async function turn(): Promise<void> {
    try {
      while (queue.length > 0) await group();
    } finally {
      turnPending = false;
      if (queue.length > 0) schedule();
    }
  }

  function schedule(): void {
    turnPending = true;
    // after the I/O callbacks of this loop turn, so callers that arrived together share it
    setImmediate(() => void turn().catch((err: unknown) => console.error("SQLite transaction queue", err)));
  }

  return async <T>(fn: (tx: Db) => Promise<T>, options: TxOptions = {}): Promise<T> => {
    if (running !== null && inTx.getStore() === running) return fn(db);
    return new Promise<T>((resolve, reject) => {
      queue.push({ fn, alone: options.alone === true, context: AsyncLocalStorage.snapshot(), resolve: resolve as (v: unknown) => void, reject });
      if (!turnPending) schedule();
    });
  };
}

// better-auth writes on the same connection as the services. An open service transaction
// would otherwise absorb (and could roll back) a concurrent sign-in's session row, so every
// auth write takes its turn like any other transaction. Its own "transactions" (sign-up's
// user, account and session) are as-is without a database transaction of their own: the
// callback gets this adapter, so each of those writes takes its turn too.
const AUTH_WRITES = ["create", "update", "updateMany", "delete", "deleteMany", "consumeOne", "incrementOne"] as const;

function serializeWrites<F extends AuthAdapterFactory>(tx: Store["tx"], factory: F): F {
  const wrapped = (options: never) => {
    const adapter = factory(options);
    const out: Record<string, unknown> = { ...adapter };
    for (const name of AUTH_WRITES) {
      const fn = adapter[name];
      if (typeof fn === "function") out[name] = (...args: unknown[]) => tx(async () => (fn as (...a: unknown[]) => Promise<unknown>).apply(adapter, args));
    }
    out.transaction = (callback: (trx: Record<string, unknown>) => Promise<unknown>) => callback(out);
    return out;
  };
  return wrapped as unknown as F;
}
