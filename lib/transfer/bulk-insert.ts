// Bulk INSERTs for the import: many rows per statement, one prepared statement per table.
import { getTableColumns, sql } from "drizzle-orm";
import type { SQLiteInsertValue, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";

/** Rows per INSERT: well under SQLite's 32,766 bound parameters for the widest table. */
export const CHUNK = 500;

/**
 * Multi-row INSERTs of CHUNK rows. The full-chunk statement is built and prepared once per
 * table and reused with new parameters (building the SQL for 500 rows costs as much as
 * running it); the last, shorter chunk goes through the query builder.
 * (The row type is the SQLite one, like `Db` itself; the PostgreSQL store swaps both.)
 */
export async function insertAll<T extends SQLiteTable>(tx: Db, table: T, rows: SQLiteInsertValue<T>[], pause?: () => Promise<void>): Promise<void> {
  const columns = Object.entries(getTableColumns(table));
  const full = Math.floor(rows.length / CHUNK);
  const names = full > 0 ? Array.from({ length: CHUNK }, (_, i) => columns.map(([k]) => `${k}_${i}`)) : [];
  let prepared: { execute(values: Record<string, unknown>): unknown } | null = null;
  for (let c = 0; c < full; c++) {
    const chunk = rows.slice(c * CHUNK, (c + 1) * CHUNK) as Record<string, unknown>[];
    // every column given (null for none): a missing key would skip the column's default
    if (!chunk.every((row) => columns.every(([k]) => k in row))) {
      await tx.insert(table).values(chunk as SQLiteInsertValue<T>[]);
      continue;
    }
    // Placeholders wrapped in sql`` bind raw values; encoding (dates, JSON, booleans) is
    // done below, because drizzle would also run the encoder on a null.
    prepared ??= tx
      .insert(table)
      .values(
        names.map((row) => Object.fromEntries(columns.map(([k], j) => [k, sql`${sql.placeholder(row[j]!)}`]))) as SQLiteInsertValue<T>[],
      )
      .prepare();
    const params: Record<string, unknown> = {};
    chunk.forEach((row, i) => {
      const rowNames = names[i]!;
      columns.forEach(([k, column], j) => {
        const v = row[k];
        params[rowNames[j]!] = v === null || v === undefined ? null : column.mapToDriverValue(v);
      });
    });
    await prepared.execute(params);
    if (pause) await pause();
  }
  const rest = rows.slice(full * CHUNK);
  if (rest.length > 0) await tx.insert(table).values(rest);
}
