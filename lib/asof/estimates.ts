// Estimates as they stand now or stood at a time (./rule.ts): an analyst's standing estimate
// on a question is their newest at or before the time. One index seek per analyst on
// estimates_latest_idx (question_id, analyst_id, created_at) — an analyst may have thousands
// of estimates on a question, and the seek reads one; forecasters lists who to seek for.
// The standing estimates of several questions are one statement: a correlated seek per
// forecaster row, so a scenario's figures cost one round trip, not one per analyst.
import "server-only";
import { aliasedTable, and, asc, eq, getTableColumns, inArray, lte, sql, type AnyColumn, type SQLWrapper } from "drizzle-orm";
import { preparedIn, preparedPerStore } from "@/db/prepared";
import type { Store } from "@/db/store";
import type { Row, Schema } from "@/db/types";
import type { SeriesEstimate } from "@/lib/math";
import { END_OF_TIME, bound, newestFirst, oldestFirst } from "./query";

export type EstimateState = Row<"estimates">;

type Estimates = Schema["estimates"];

/** An analyst's rows on a question written by the placeholder `at`. */
const ofAnalyst = (e: Estimates, questionId: SQLWrapper | AnyColumn, analystId: SQLWrapper | AnyColumn) =>
  and(eq(e.questionId, questionId), eq(e.analystId, analystId), lte(e.createdAt, bound(e.createdAt, "at")));

const queries = preparedPerStore(({ db, schema, prepare }) => {
  const e = schema.estimates;
  const mine = ofAnalyst(e, sql.placeholder("questionId"), sql.placeholder("analystId"));
  return {
    // one seek: the newest row at or before `at`
    inForce: prepare(db.select().from(e).where(mine).orderBy(...newestFirst(e.createdAt, e.id)).limit(1), "asof_estimate_in_force"),
    // the analyst's whole history up to `at`, oldest first
    history: prepare(
      db.select({ createdAt: e.createdAt, probabilities: e.probabilities }).from(e).where(mine).orderBy(...oldestFirst(e.createdAt, e.id)),
      "asof_estimate_history",
    ),
  };
});

/** An analyst's estimate in force on a question at `at` (now when absent), or null. */
export async function estimateAt(store: Store, questionId: string, analystId: string, at?: Date): Promise<EstimateState | null> {
  return (await queries(store).inForce.execute({ questionId, analystId, at: at ?? END_OF_TIME }))[0] ?? null;
}

/** The last estimate strictly before `before` (timestamps are whole milliseconds). */
export const estimateBefore = (store: Store, questionId: string, analystId: string, before: Date) =>
  estimateAt(store, questionId, analystId, new Date(before.getTime() - 1));

// per forecaster of the listed questions who had estimated by `at`, the row `inForce` seeks
const standingOf = preparedIn("asof_standing", ({ db, schema }, ids) => {
  const e = schema.estimates;
  const f = schema.forecasters;
  const theirs = aliasedTable(e, "theirs");
  const inForce = db
    .select({ id: theirs.id })
    .from(theirs)
    .where(ofAnalyst(theirs, f.questionId, f.analystId))
    .orderBy(...newestFirst(theirs.createdAt, theirs.id))
    .limit(1);
  return db
    .select(getTableColumns(e))
    .from(f)
    .innerJoin(e, eq(e.id, inForce))
    .where(and(inArray(f.questionId, ids), lte(f.firstAt, bound(f.firstAt, "at"))))
    .orderBy(asc(f.questionId), asc(f.analystId));
});

/** Every analyst's estimate in force at `at` (now when absent) on each of these questions. */
export async function standingEstimatesOf(store: Store, questionIds: readonly string[], at?: Date): Promise<Map<string, EstimateState[]>> {
  const ids = [...new Set(questionIds)];
  const out = new Map<string, EstimateState[]>(ids.map((id) => [id, []]));
  for (const row of await standingOf.rows(store, ids, { at: at ?? END_OF_TIME })) out.get(row.questionId)!.push(row);
  return out;
}

/** Every analyst's estimate in force on a question at `at` (now when absent), by analyst id. */
export async function standingEstimates(store: Store, questionId: string, at?: Date): Promise<EstimateState[]> {
  return (await standingEstimatesOf(store, [questionId], at)).get(questionId)!;
}

/**
 * Every estimate an analyst made on a question strictly before `before`, oldest first; two
 * at the same millisecond in id order, so the later id stands, as the rule says.
 */
export async function estimatesBefore(store: Store, questionId: string, analystId: string, before: Date): Promise<SeriesEstimate[]> {
  const rows = await queries(store).history.execute({ questionId, analystId, at: new Date(before.getTime() - 1) });
  return rows.map((r) => ({ analystId, at: r.createdAt.getTime(), probabilities: r.probabilities }));
}
