// The dialect-neutral face of the store: the schema's shape, the database handle and the
// row types, for every module outside db/. Nothing here names an engine; the queries are
// written once against these types and run on SQLite and PostgreSQL alike (docs/store.md).
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type { defineSchema } from "./schema/define";

export type Schema = ReturnType<typeof defineSchema>;

/**
 * A database handle: the root, or the open transaction. Typed as the SQLite flavour of
 * drizzle's query builder, whose await-able builders (select, insert … returning, update,
 * delete, onConflictDo…) the PostgreSQL store shares; the engine-only finishers (.get,
 * .all, .run, .values) are refused by the lint rule outside db/.
 */
export type Db = BaseSQLiteDatabase<"sync", unknown, Schema>;

/** The row a table's select returns, by table name: Row<"scenarios">. */
export type Row<K extends keyof Schema> = Schema[K] extends { $inferSelect: infer R } ? R : never;
/** The values a table's insert takes. */
export type NewRow<K extends keyof Schema> = Schema[K] extends { $inferInsert: infer R } ? R : never;

export type Dialect = "sqlite" | "postgres";
