// The SQL side of the as-of rule (./rule.ts): bound a read at a time, and order rows the way
// the rule does. Every as-of read in this folder builds its statements from these.
import { asc, desc, lte, sql, type AnyColumn, type SQL } from "drizzle-orm";

/** created_at ≤ at, or no bound (now). */
export const writtenByAt = (createdAt: AnyColumn, at?: Date): SQL | undefined => (at ? lte(createdAt, at) : undefined);

/** Oldest first: (created_at, seq) ascending — the last row per key is in force. */
export const oldestFirst = (createdAt: AnyColumn, seq: AnyColumn): SQL[] => [asc(createdAt), asc(seq)];

/** Newest first: with LIMIT 1, a seek to the row in force. */
export const newestFirst = (createdAt: AnyColumn, seq: AnyColumn): SQL[] => [desc(createdAt), desc(seq)];

/**
 * A named placeholder bound through `column`'s encoder, so a prepared statement takes the
 * same JS value (a Date for a timestamp) on every engine.
 */
export const bound = (column: AnyColumn, name: string): SQL => sql`${sql.param(sql.placeholder(name), column)}`;

// Beyond any real timestamp, yet a date both engines parse: "now" as a bound a prepared
// statement can take.
export const END_OF_TIME = new Date("9999-12-31T23:59:59.999Z");
