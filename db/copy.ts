// Copy a whole instance — accounts, sessions, scenarios, all history — from one store to
// another, SQLite to PostgreSQL or back. The target must be empty (freshly migrated); the
// copy is one transaction on it, so a failure leaves it as it was. Rows keep their ids and
// timestamps; both engines hold the same JS values (docs/store.md), so nothing is converted.
import { asc, count, getTableColumns } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { insertAll } from "./bulk-insert";
import type { Store } from "./store";
import type { Schema } from "./types";

/** Every table, parents before children (foreign keys hold at each insert). */
export const COPY_ORDER = [
  "user",
  "session",
  "account",
  "verification",
  "scenarios",
  "members",
  "invites",
  "apiTokens",
  "questions",
  "questionVersions",
  "hypotheses",
  "hypothesisVersions",
  "outcomes",
  "indicators",
  "indicatorVersions",
  "assumptions",
  "assumptionVersions",
  "sources",
  "evidence",
  "evidenceVersions",
  "ratings",
  "estimates",
  "forecasters",
  "resolutions",
  "questionScores",
  "events",
  "rateLimits",
  "signInFailures",
] as const satisfies readonly (keyof Schema)[];

export type TableName = (typeof COPY_ORDER)[number];

const PAGE = 5_000;

/** Rows per table. */
export async function rowCountsOf(store: Store): Promise<Record<TableName, number>> {
  const out = {} as Record<TableName, number>;
  for (const name of COPY_ORDER) {
    const rows = await store.db.select({ n: count() }).from(store.schema[name] as SQLiteTable);
    out[name] = Number(rows[0]!.n);
  }
  return out;
}

// The primary key each table is paged by (`id` where there is one).
const KEYS: Partial<Record<TableName, string[]>> = {
  members: ["scenarioId", "userId"],
  questionVersions: ["questionId", "version"],
  hypothesisVersions: ["hypothesisId", "version"],
  evidenceVersions: ["evidenceId", "version"],
  indicatorVersions: ["indicatorId", "version"],
  assumptionVersions: ["assumptionId", "version"],
  forecasters: ["questionId", "analystId"],
  questionScores: ["resolutionId", "method", "scoring"],
  rateLimits: ["key"],
  signInFailures: ["email"],
};

function keyColumns(name: TableName, table: SQLiteTable) {
  const columns = getTableColumns(table);
  return (KEYS[name] ?? ["id"]).map((k) => columns[k]!);
}

export async function copyDatabase(from: Store, to: Store, log: (msg: string) => void = () => undefined): Promise<Record<TableName, number>> {
  const counts = {} as Record<TableName, number>;
  // the source read at one moment; the target written in one transaction
  await from.snapshot(() =>
    to.tx(async () => {
      const present = await rowCountsOf(to);
      const busy = COPY_ORDER.filter((t) => present[t] > 0);
      if (busy.length > 0) {
        throw new Error(`the target is not empty (${busy.join(", ")}): copy into a new, empty database (start it once with BRANCHPOINT_SEED=off, or just create it)`);
      }
      for (const name of COPY_ORDER) {
        const source = from.schema[name] as SQLiteTable;
        const target = to.schema[name] as SQLiteTable;
        const order = keyColumns(name, source).map((c) => asc(c));
        let copied = 0;
        for (let offset = 0; ; offset += PAGE) {
          const rows = await from.db.select().from(source).orderBy(...order).limit(PAGE).offset(offset);
          if (rows.length === 0) break;
          await insertAll(to, target, rows as never[]);
          copied += rows.length;
          if (rows.length < PAGE) break;
        }
        counts[name] = copied;
        log(`${name}: ${copied}`);
      }
    }),
  );
  return counts;
}
