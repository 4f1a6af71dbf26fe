// The history reads scores, calibration and the diff share: the resolution in force per
// question, and estimates — when an analyst estimated, what they said at given instants,
// their last word before a time. Range reads and seeks on estimates_latest_idx
// (question_id, analyst_id, created_at) and resolutions_question_idx; no access checks here.
import "server-only";
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db, Store } from "@/db/client";
import { preparedPerStore } from "@/db/prepared";
import { resolutionState } from "@/lib/resolutions/state";
import { chunks } from "./reads";

// ------------------------------------------------------------------ resolutions

export interface ResolutionAt {
  /** The resolution in force: the newest (a correction is a new row). */
  id: string;
  questionId: string;
  /** null when annulled */
  hypothesisId: string | null;
  note: string;
  /**
   * When the question closed (lib/resolutions/state.ts). Scoring stops here even if the
   * answer was corrected later: once a question is declared resolved, later estimates are
   * made knowing an answer, and a correction must not reopen the forecasting window.
   */
  at: Date;
}

/** Per closed question (resolved or annulled now): the answer in force, dated by when it closed. */
export async function resolutionsOf(store: Store, questionIds: readonly string[]): Promise<Map<string, ResolutionAt>> {
  const r = store.schema.resolutions;
  const rows = new Map<string, (typeof r.$inferSelect)[]>();
  for (const part of chunks([...new Set(questionIds)])) {
    // resolutions_question_idx (question_id, created_at)
    for (const x of await store.db.select().from(r).where(inArray(r.questionId, part))) {
      const list = rows.get(x.questionId);
      if (list) list.push(x);
      else rows.set(x.questionId, [x]);
    }
  }
  const out = new Map<string, ResolutionAt>();
  for (const [questionId, list] of rows) {
    const state = resolutionState(list);
    if (state.status === "open") continue;
    out.set(questionId, { id: state.current!.id, questionId, hypothesisId: state.hypothesisId, note: state.current!.note, at: state.closedAt! });
  }
  return out;
}

// ------------------------------------------------------------------ estimates

/** When an analyst estimated a question strictly before `before`, oldest first (ms). */
export async function estimateTimes(store: Store, questionId: string, analystId: string, before: Date): Promise<number[]> {
  const rows = await analysisQueries(store).timesBefore.execute({ questionId, analystId, before: before.getTime() });
  return rows.map((r) => r.at);
}

// Fixed IN-list sizes, padded with an instant no estimate has, so each shape is prepared once.
const INSTANT_SIZES = [25, 100, 400] as const;
const NEVER = -1;

function prepareAt(db: Db, s: Store["schema"], size: number) {
  const e = s.estimates;
  return db
    .select({ at: sql<number>`${e.createdAt}`.mapWith(Number), id: e.id, probabilities: e.probabilities })
    .from(e)
    .where(
      and(
        eq(e.questionId, sql.placeholder("questionId")),
        eq(e.analystId, sql.placeholder("analystId")),
        inArray(
          e.createdAt,
          Array.from({ length: size }, (_, i) => sql.placeholder(`t${i}`)),
        ),
      ),
    )
    .prepare();
}
const preparedAt = new WeakMap<Db, Map<number, ReturnType<typeof prepareAt>>>();

/**
 * An analyst's estimates on a question made at the given instants (ms) — one index seek per
 * instant. Two estimates at the same millisecond: the later id stands, as everywhere else.
 */
export async function estimatesAt(
  store: Store,
  questionId: string,
  analystId: string,
  times: readonly number[],
): Promise<Map<number, Record<string, number>>> {
  let bySize = preparedAt.get(store.db);
  if (!bySize) {
    bySize = new Map();
    preparedAt.set(store.db, bySize);
  }
  const largest = INSTANT_SIZES[INSTANT_SIZES.length - 1]!;
  const out = new Map<number, { id: string; p: Record<string, number> }>();
  for (const part of chunks([...new Set(times)], largest)) {
    const size = INSTANT_SIZES.find((n) => n >= part.length) ?? largest;
    let q = bySize.get(size);
    if (!q) {
      q = prepareAt(store.db, store.schema, size);
      bySize.set(size, q);
    }
    const params: Record<string, string | number> = { questionId, analystId };
    for (let i = 0; i < size; i++) params[`t${i}`] = part[i] ?? NEVER;
    for (const r of await q.execute(params)) {
      const seen = out.get(r.at);
      if (!seen || r.id > seen.id) out.set(r.at, { id: r.id, p: r.probabilities });
    }
  }
  return new Map([...out].map(([t, v]) => [t, v.p]));
}

function prepare(db: Db, s: Store["schema"]) {
  const e = s.estimates;
  return {
    // a range on estimates_latest_idx (question_id, analyst_id, created_at), index only
    timesBefore: db
      .select({ at: sql<number>`${e.createdAt}`.mapWith(Number) })
      .from(e)
      .where(and(eq(e.questionId, sql.placeholder("questionId")), eq(e.analystId, sql.placeholder("analystId")), lt(e.createdAt, sql.placeholder("before"))))
      .orderBy(asc(e.createdAt))
      .prepare(),
    // one seek on estimates_latest_idx
    lastBefore: db
      .select({ id: e.id, at: e.createdAt, probabilities: e.probabilities })
      .from(e)
      .where(and(eq(e.questionId, sql.placeholder("questionId")), eq(e.analystId, sql.placeholder("analystId")), lt(e.createdAt, sql.placeholder("before"))))
      .orderBy(desc(e.createdAt), desc(e.id))
      .limit(1)
      .prepare(),
  };
}
export const analysisQueries = preparedPerStore(prepare);

/** An analyst's last estimate on a question strictly before `before`, or null. */
export async function lastEstimateBefore(store: Store, questionId: string, analystId: string, before: Date) {
  const row = (await analysisQueries(store).lastBefore.execute({ questionId, analystId, before: before.getTime() }))[0];
  return row ?? null;
}
