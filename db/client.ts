// openStore(DATABASE_URL): the one way the app reaches its data (STORE.md).
import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { openSqlite, type SqliteConnection } from "./dialect/sqlite";
import { schema } from "./schema/sqlite";

export type Schema = typeof schema;
export type Db = BetterSQLite3Database<Schema>;

export interface Store {
  readonly dialect: "sqlite";
  readonly db: Db;
  readonly schema: Schema;
  /** Every write goes through here: one transaction, serialised with every other write. */
  tx<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** The clock services stamp rows with; the demo seed and tests substitute their own. */
  now(): Date;
  close(): void;
  /** The raw connection, for db/ and bench/ only — services never touch it. */
  readonly connection: SqliteConnection;
}

export function migrationsFolder(): string {
  return path.resolve(process.cwd(), "db/migrations/sqlite");
}

export function openStore(url: string): Store {
  const connection = openSqlite(url);
  const db = drizzle(connection, { schema });
  migrate(db, { migrationsFolder: migrationsFolder() });

  // better-sqlite3 cannot run an async body inside db.transaction(), so a transaction is an
  // in-process lock around BEGIN IMMEDIATE/COMMIT on the single connection. Nested calls
  // (a service calling another inside its tx) join the open transaction.
  let tail: Promise<unknown> = Promise.resolve();
  const inTx = new AsyncLocalStorage<true>();

  async function tx<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    if (inTx.getStore()) return fn(db);
    const run = async () => {
      connection.exec("BEGIN IMMEDIATE");
      try {
        const result = await inTx.run(true, () => fn(db));
        connection.exec("COMMIT");
        return result;
      } catch (err) {
        if (connection.inTransaction) connection.exec("ROLLBACK");
        throw err;
      }
    };
    const result = tail.then(run, run);
    tail = result.catch(() => undefined);
    return result;
  }

  return {
    dialect: "sqlite",
    db,
    schema,
    tx,
    now: () => new Date(),
    close: () => connection.close(),
    connection,
  };
}

/** A view of the store whose clock stands still at `at` (seeding history, imports). */
export function withClock(store: Store, at: Date): Store {
  return { ...store, now: () => new Date(at.getTime()) };
}
