// Where questions stand now or stood at a time: each question's resolution rows read in one
// range per chunk of ids on resolutions_question_idx (question_id, created_at), and folded by
// lib/resolutions/state.ts (which applies the as-of rule of ./rule.ts to them).
import "server-only";
import { and, inArray, lte } from "drizzle-orm";
import { preparedIn } from "@/db/prepared";
import type { Store } from "@/db/store";
import type { Row } from "@/db/types";
import { resolutionState, type ResolutionState } from "@/lib/resolutions/state";
import { END_OF_TIME, bound, oldestFirst } from "./query";

export type ResolutionRow = Row<"resolutions">;

// Read on every view of a scenario: prepared once per number of questions, so a request
// neither builds nor compiles the SQL.
const byQuestions = preparedIn("asof_resolutions", ({ db, schema }, ids) => {
  const r = schema.resolutions;
  return db
    .select()
    .from(r)
    .where(and(inArray(r.questionId, ids), lte(r.createdAt, bound(r.createdAt, "at"))))
    .orderBy(...oldestFirst(r.createdAt, r.id));
});

/** Each listed question's resolution rows written by `at` (all when absent), oldest first. */
export async function resolutionRows(store: Store, questionIds: readonly string[], at?: Date): Promise<Map<string, ResolutionRow[]>> {
  const ids = [...new Set(questionIds)];
  const rows = new Map<string, ResolutionRow[]>(ids.map((id) => [id, []]));
  for (const x of await byQuestions.rows(store, ids, { at: at ?? END_OF_TIME })) rows.get(x.questionId)!.push(x);
  return rows;
}

/** Every listed question's state at `at` (now when absent); open when it has no rows then. */
export async function resolutionsAt(store: Store, questionIds: readonly string[], at?: Date): Promise<Map<string, ResolutionState<ResolutionRow>>> {
  const rows = await resolutionRows(store, questionIds, at);
  return new Map([...rows].map(([id, list]) => [id, resolutionState(list, at)]));
}

/** One question's state at `at`. */
export async function resolutionAt(store: Store, questionId: string, at?: Date): Promise<ResolutionState<ResolutionRow>> {
  return (await resolutionsAt(store, [questionId], at)).get(questionId)!;
}
