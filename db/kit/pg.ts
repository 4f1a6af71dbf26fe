// The PostgreSQL column kit: the same names as db/kit/sqlite.ts over pg-core, giving the
// same JS values for the same rows (dates as Date, booleans, JSON as written).
import { boolean, customType, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { Kit } from "./sqlite";

// Ids are compared and ordered byte by byte on both engines (UUIDv7 order is time order;
// ties are broken by id), whatever collation the database was created with.
const bytewiseText = customType<{ data: string; driverData: string }>({
  dataType: () => 'text COLLATE "C"',
});

// json, not jsonb: jsonb would reorder an estimate's probabilities by key. A bound null stays
// SQL NULL (drizzle's json column encodes it as the JSON text null: see db/kit/sqlite.ts).
const jsonValue = customType<{ data: unknown; driverData: string | null }>({
  dataType: () => "json",
  toDriver: (value) => (value === null ? null : JSON.stringify(value)),
  // node-postgres parses json itself (a JSON string arrives as that string)
  fromDriver: (value) => value,
});

export const pgKit = {
  table: pgTable,
  index,
  uniqueIndex,
  primaryKey,
  id: (name: string) => bytewiseText(name),
  text: (name: string) => text(name),
  enumText: <const T extends readonly [string, ...string[]]>(name: string, values: T) => text(name, { enum: values }),
  int: (name: string) => integer(name),
  real: (name: string) => doublePrecision(name),
  bool: (name: string) => boolean(name),
  timestamp: (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" }),
  json: <T>(name: string) => jsonValue(name).$type<T>(),
};

/**
 * The schema is written once against the SQLite kit's types; at run time this kit builds
 * pg-core tables with the same names and JS values. Only db/ sees through this cast.
 */
export const pgKitAsKit = pgKit as unknown as Kit;
