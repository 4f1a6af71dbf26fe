// Bulk INSERTs for imports and copies: many rows per statement, one prepared statement per
// table, the same on both engines.
import { getTableColumns, getTableName, sql } from "drizzle-orm";
import type { SQLiteInsertValue, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Store } from "./store";

/**
 * Rows per INSERT: with the widest table (16 columns) 8,000 parameters, under SQLite's
 * 32,766 and PostgreSQL's 65,535.
 */
export const CHUNK = 500;

/**
 * Multi-row INSERTs of CHUNK rows. The full-chunk statement is built and prepared once per
 * table and reused with new parameters (building the SQL for 500 rows costs as much as
 * running it); the last, shorter chunk goes through the query builder.
 * Runs on `store.db`: inside the caller's transaction when there is one.
 */
export async function insertAll<T extends SQLiteTable>(store: Store, table: T, rows: SQLiteInsertValue<T>[], pause?: () => Promise<void>): Promise<void> {
  const tx = store.db;
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
    prepared ??= store.prepare(
      tx.insert(table).values(names.map((row) => Object.fromEntries(columns.map(([k], j) => [k, sql`${sql.placeholder(row[j]!)}`]))) as SQLiteInsertValue<T>[]),
      `bulk_insert_${getTableName(table)}_${CHUNK}`,
    );
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
