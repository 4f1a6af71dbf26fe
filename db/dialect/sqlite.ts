// The few things that differ between SQLite and (later) PostgreSQL.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";

export type SqliteConnection = Database.Database;

/** `file:./data/x.db`, `file:/abs/x.db`, a bare path, or `:memory:`. */
export function sqlitePathFromUrl(url: string): string {
  const p = url.startsWith("file:") ? url.slice("file:".length) : url;
  return p === "" ? ":memory:" : p;
}

export function openSqlite(url: string): SqliteConnection {
  const file = sqlitePathFromUrl(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const conn = new Database(file);
  conn.pragma("journal_mode = WAL");
  // A 2xx means the row is on disk.
  conn.pragma("synchronous = FULL");
  conn.pragma("foreign_keys = ON");
  conn.pragma("busy_timeout = 5000");
  return conn;
}

export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
