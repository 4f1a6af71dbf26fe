// What a store is, whatever its engine: the database handle (the open transaction inside
// `tx`), the schema, the clock, and the few things the engines do differently.
import type { Db, Dialect, Schema } from "./types";

export interface Store {
  readonly dialect: Dialect;
  /** The database; inside `tx`, that transaction (so a nested read sees its own writes). */
  readonly db: Db;
  readonly schema: Schema;
  /**
   * One transaction of the engine's own: BEGIN IMMEDIATE on SQLite (one writer at a time,
   * short transactions committed in groups), a pooled connection's transaction on
   * PostgreSQL. Nested calls join the open one; a body must never wait for another caller's
   * transaction. `alone`: a long transaction (an import) that shares no commit with others,
   * so the writes queued before it do not wait for it.
   */
  tx<T>(fn: (tx: Db) => Promise<T>, options?: TxOptions): Promise<T>;
  /**
   * A read-only transaction whose reads all see one moment (an export, a copy): SQLite's
   * transaction (alone), PostgreSQL's REPEATABLE READ. Joins an open transaction.
   */
  snapshot<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Hold a scenario's row until the transaction ends, so writes to one scenario from
   * several instances take turns (PostgreSQL: SELECT … FOR UPDATE; SQLite's transactions
   * already take turns). Returns false when there is no such scenario.
   */
  lockScenario(tx: Db, scenarioId: string): Promise<boolean>;
  /** Whether an error is a unique-constraint violation. */
  isUniqueViolation(err: unknown): boolean;
  /** The clock services stamp rows with; the demo seed and tests substitute their own. */
  now(): Date;
  close(): Promise<void>;
  /** better-auth's name for the engine. */
  readonly authProvider: "sqlite" | "pg";
  /** A statement prepared under `name` (named server-side on PostgreSQL). */
  prepare<Q>(query: Q, name: string): Prepared<Q>;
  /**
   * better-auth's database adapter as this engine needs it: on SQLite its writes take the
   * store's transaction turn (they share the one connection), on PostgreSQL it is as is.
   */
  wrapAuthAdapter<F extends AuthAdapterFactory>(factory: F): F;
}

export interface TxOptions {
  alone?: boolean;
}

/** The shape of better-auth's adapter factory, as far as the store needs to know it. */
export type AuthAdapterFactory = (options: never) => Record<string, unknown>;

export type Rows<Q> = Q extends PromiseLike<infer R> ? R : never;

export interface Prepared<Q> {
  execute(params?: Record<string, unknown>): Promise<Rows<Q>>;
  /**
   * The rows as the driver gives them, each an array in the select's order, with none of
   * drizzle's per-field decoding (a tenth of a large read's time). Only for selects of
   * columns both engines return alike — text, integers, floats — never timestamps, JSON or
   * booleans, and never two columns of one name.
   */
  plainRows(params?: Record<string, unknown>): Promise<unknown[][]>;
}

/** A view of the store whose clock stands still at `at` (seeding history, imports). */
export function withClock(store: Store, at: Date): Store {
  // a new object over the store's own (its `db` is a getter that must keep working)
  return Object.create(store, { now: { value: () => new Date(at.getTime()) } }) as Store;
}
