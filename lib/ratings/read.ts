// Ratings are append-only: a cell's current value is its newest row, its value "as of t"
// the newest row at or before t; a row with consistency null clears the cell (unrated).
// Reads fetch the rows in range and keep the last per (evidence, hypothesis, analyst) in
// code — portable, and cheap at matrix sizes.
import "server-only";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import type { Db, Store } from "@/db/client";

export type Consistency = "CC" | "C" | "N" | "I" | "II" | "NA";

export interface Rating {
  evidenceId: string;
  hypothesisId: string;
  analystId: string;
  consistency: Consistency;
  likelihood: number | null;
  createdAt: string;
}

/** Which ratings to read: every evidence item of a scenario, or the listed items. */
export type RatingScope = { scenarioId: string } | { evidenceIds: readonly string[] };

export interface RatingReadOptions {
  /** Only this analyst's cells. */
  analystId?: string;
  /** Read inside an open transaction. */
  db?: Db;
}

// Keeps each IN (…) list well under SQLite's bound-parameter limit.
const CHUNK = 500;

type RatingRow = typeof import("@/db/schema/sqlite").ratings.$inferSelect;

const toRating = (r: RatingRow & { consistency: Consistency }): Rating => ({
  evidenceId: r.evidenceId,
  hypothesisId: r.hypothesisId,
  analystId: r.analystId,
  consistency: r.consistency,
  likelihood: r.likelihood,
  createdAt: r.createdAt.toISOString(),
});

/**
 * The latest rating per (evidence, hypothesis, analyst), now or as of `asOf`, sorted by
 * evidence, hypothesis, analyst. For the matrix and the analysis engine.
 */
export async function currentRatings(
  store: Store,
  scope: RatingScope,
  asOf?: Date,
  options: RatingReadOptions = {},
): Promise<Rating[]> {
  const r = store.schema.ratings;
  const db = options.db ?? store.db;
  const common = and(asOf ? lte(r.createdAt, asOf) : undefined, options.analystId ? eq(r.analystId, options.analystId) : undefined);
  // oldest first, ties by id (UUIDv7, time-ordered), so the last row seen per cell wins
  const order = [asc(r.createdAt), asc(r.id)] as const;

  let rows: RatingRow[];
  if ("scenarioId" in scope) {
    // range read on ratings_scenario_idx (scenario_id, created_at)
    rows = await db.select().from(r).where(and(eq(r.scenarioId, scope.scenarioId), common)).orderBy(...order);
  } else {
    const ids = [...new Set(scope.evidenceIds)];
    rows = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      // range reads on ratings_cell_idx (evidence_id, hypothesis_id, analyst_id, created_at)
      const where = chunk.length === 1 ? eq(r.evidenceId, chunk[0]!) : inArray(r.evidenceId, chunk);
      rows.push(...(await db.select().from(r).where(and(where, common)).orderBy(...order)));
    }
    // a cell's rows all fall in one chunk (same evidence id), so chunk order does not matter
  }

  const latest = new Map<string, RatingRow>();
  for (const row of rows) latest.set(`${row.evidenceId}\u0000${row.hypothesisId}\u0000${row.analystId}`, row);
  // a cell whose newest row is a clear is unrated
  return [...latest.values()]
    .flatMap((r) => (r.consistency === null ? [] : [toRating({ ...r, consistency: r.consistency })]))
    .sort((a, b) => cmp(a.evidenceId, b.evidenceId) || cmp(a.hypothesisId, b.hypothesisId) || cmp(a.analystId, b.analystId));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
