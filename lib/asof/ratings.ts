// ACH ratings as they stand now or stood at a time (./rule.ts): a cell (evidence, hypothesis,
// analyst) holds its newest rating row at or before the time; a row with consistency null
// clears it (unrated). Two scopes, each read on the index that fits it:
//   - a question's matrix (cellRatingsAt: evidence × hypotheses): every rating of the hypotheses, index-only
//     from ratings_hypothesis_idx, which yields each cell's rows together and oldest first;
//     prepared once per hypothesis count (db/prepared.ts preparedIn), so a request neither
//     builds nor compiles SQL;
//   - one evidence item (ratingsAt): a range on ratings_cell_idx (evidence_id, hypothesis_id, …).
import "server-only";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { preparedIn } from "@/db/prepared";
import type { Store } from "@/db/store";
import type { Row } from "@/db/types";
import type { Consistency } from "@/lib/math";
import { END_OF_TIME, bound, oldestFirst, writtenByAt } from "./query";
import { inForce, lastOfRuns } from "./rule";

export interface RatingState {
  evidenceId: string;
  hypothesisId: string;
  analystId: string;
  consistency: Consistency;
  likelihood: number | null;
  createdAt: Date;
}

/** A rated cell as the matrix reads it: who rated which cell how (which row stands, not when). */
export type CellRating = Omit<RatingState, "createdAt">;

export interface RatingOptions {
  /** Only this analyst's cells. */
  analystId?: string;
}

const byHypotheses = preparedIn("ratings_by_hypotheses", ({ db, schema }, ids) => {
  const r = schema.ratings;
  return (
    db
      // only what the grid needs (not when: the order says which row stands): every value
      // crossing into JS costs — a Date per row was a sixth of this read at 20k ratings
      .select({ evidenceId: r.evidenceId, hypothesisId: r.hypothesisId, analystId: r.analystId, consistency: r.consistency, likelihood: r.likelihood })
      .from(r)
      .where(and(inArray(r.hypothesisId, ids), lte(r.createdAt, bound(r.createdAt, "at"))))
      // the order of ratings_hypothesis_idx: each cell's rows together, oldest first
      .orderBy(asc(r.hypothesisId), asc(r.evidenceId), asc(r.analystId), ...oldestFirst(r.createdAt, r.id))
  );
});

const sameCell = (a: Cell, b: Cell) => a.analystId === b.analystId && a.hypothesisId === b.hypothesisId && a.evidenceId === b.evidenceId;
type Cell = Pick<Row<"ratings">, "evidenceId" | "hypothesisId" | "analystId">;
type Rated = Omit<RatingState, "consistency"> & { consistency: Consistency | null };
type RatedCell = Omit<CellRating, "consistency"> & { consistency: Consistency | null };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The rated cells of a question's matrix at `at` (now when absent): the listed items × the
 * listed hypotheses, cleared cells left out, by hypothesis (its index's order).
 */
export async function cellRatingsAt(store: Store, evidenceIds: readonly string[], hypothesisIds: readonly string[], at?: Date): Promise<CellRating[]> {
  const out: CellRating[] = [];
  const items = new Set(evidenceIds);
  if (items.size === 0) return out;
  // ~20k rows at 2,000 items: read as plain rows (ids, a label, a float), decoded here; a
  // cell's rows come together (one hypothesis is never split between slices of the list)
  const rows: RatedCell[] = [];
  for (const [evidenceId, hypothesisId, analystId, consistency, likelihood] of await byHypotheses.plainRows(store, [...new Set(hypothesisIds)], { at: at ?? END_OF_TIME })) {
    if (items.has(evidenceId as string)) {
      rows.push({ evidenceId, hypothesisId, analystId, consistency, likelihood } as RatedCell);
    }
  }
  lastOfRuns(rows, sameCell, (x) => {
    if (x.consistency !== null) out.push(x as CellRating);
  });
  return out;
}

/**
 * The rated cells of one evidence item at `at` (now when absent), cleared cells left out,
 * sorted by hypothesis, analyst.
 */
export async function ratingsAt(store: Store, evidenceId: string, at?: Date, options: RatingOptions = {}): Promise<RatingState[]> {
  const out: RatingState[] = [];
  // options.analystId is in the query itself
  const keep = (x: Rated) => {
    if (x.consistency !== null) out.push(x as RatingState);
  };

  const r = store.schema.ratings;
  const rows = await store.db
    .select()
    .from(r)
    .where(and(eq(r.evidenceId, evidenceId), writtenByAt(r.createdAt, at), options.analystId ? eq(r.analystId, options.analystId) : undefined));
  for (const x of inForce(rows, (x) => `${x.evidenceId}\u0000${x.hypothesisId}\u0000${x.analystId}`, (x) => x.id, at).values()) keep(x);
  return out.sort(byCell);
}

const byCell = (a: RatingState, b: RatingState) => cmp(a.evidenceId, b.evidenceId) || cmp(a.hypothesisId, b.hypothesisId) || cmp(a.analystId, b.analystId);
