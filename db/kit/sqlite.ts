// The SQLite column kit: the names the schema is written in (STORE.md). A PostgreSQL
// kit with the same names over pg-core can follow without touching db/schema/define.ts.
import {
  sqliteTable,
  index,
  uniqueIndex,
  primaryKey,
  text as sqliteText,
  integer,
  real as sqliteReal,
} from "drizzle-orm/sqlite-core";

export const sqliteKit = {
  table: sqliteTable,
  index,
  uniqueIndex,
  primaryKey,
  /** Opaque text id, generated in code (UUIDv7). */
  id: (name: string) => sqliteText(name),
  text: (name: string) => sqliteText(name),
  /** A text column restricted to a literal union (stored as text on both dialects). */
  enumText: <const T extends readonly [string, ...string[]]>(name: string, values: T) =>
    sqliteText(name, { enum: values }),
  int: (name: string) => integer(name, { mode: "number" }),
  real: (name: string) => sqliteReal(name),
  bool: (name: string) => integer(name, { mode: "boolean" }),
  /** Millisecond UTC timestamps; identical JS Date values to pg timestamptz(3). */
  timestamp: (name: string) => integer(name, { mode: "timestamp_ms" }),
  json: <T>(name: string) => sqliteText(name, { mode: "json" }).$type<T>(),
};

export type SqliteKit = typeof sqliteKit;
