// The SQLite column kit: the names the schema is written in (docs/store.md). db/kit/pg.ts
// gives the same names over pg-core, so db/schema/define.ts is written once for both.
import {
  customType,
  sqliteTable,
  index,
  uniqueIndex,
  primaryKey,
  text as sqliteText,
  integer,
  real as sqliteReal,
} from "drizzle-orm/sqlite-core";

// JSON as text. SQL NULL stays NULL even when bound to a prepared statement's placeholder:
// drizzle's own json mode encodes a bound null as the text "null" (it leaves only literal
// nulls alone), so a prepared insert of an event without a `before` stored "null".
const jsonText = customType<{ data: unknown; driverData: string | null }>({
  dataType: () => "text",
  toDriver: (value) => (value === null ? null : JSON.stringify(value)),
  fromDriver: (value) => JSON.parse(value as string),
});

export const sqliteKit = {
  table: sqliteTable,
  index,
  uniqueIndex,
  primaryKey,
  /** Opaque text id, generated in code (UUIDv7); compared byte by byte. */
  id: (name: string) => sqliteText(name),
  text: (name: string) => sqliteText(name),
  /** A text column restricted to a literal union (stored as text on both dialects). */
  enumText: <const T extends readonly [string, ...string[]]>(name: string, values: T) => sqliteText(name, { enum: values }),
  int: (name: string) => integer(name, { mode: "number" }),
  real: (name: string) => sqliteReal(name),
  bool: (name: string) => integer(name, { mode: "boolean" }),
  /** Millisecond UTC timestamps; identical JS Date values to pg timestamptz(3). */
  timestamp: (name: string) => integer(name, { mode: "timestamp_ms" }),
  /** JSON kept as written (key order too). */
  json: <T>(name: string) => jsonText(name).$type<T>(),
};

/** The names the schema is written in; the PostgreSQL kit provides the same ones. */
export type Kit = typeof sqliteKit;
