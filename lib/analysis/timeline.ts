// A question's history up to a moment (its resolution), as scoring needs it: which
// hypotheses were open when, and every estimate each analyst made. Range reads on
// indexes; no access checks here — the services in this folder check the role first.
import "server-only";
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db, Store } from "@/db/client";
import { preparedPerStore } from "@/db/prepared";
import type { OpenSet, TimedEstimate } from "@/lib/math";
import { chunks } from "./reads";

export interface OpenTimeline {
  /** The question's hypotheses that existed before `until`, in position order. */
  hypothesisIds: string[];
  /** The open set from each `at` on, ascending; an entry only where the set changed. */
  openSets: OpenSet[];
}

/**
 * Which hypotheses of a question were open when, strictly before `until`. A hypothesis
 * exists from its created_at; its status at t is that of its newest version row at or
 * before t (ties by created_at, then version) — the as-of rule hypothesesAt uses, so the
 * timeline matches what the overview showed. Without a version row by then (imported
 * data without history) the hypothesis row's own status stands.
 */
export async function openTimeline(store: Store, questionId: string, until: Date): Promise<OpenTimeline> {
  const h = store.schema.hypotheses;
  const hv = store.schema.hypothesisVersions;
  // hypotheses_question_idx (question_id, position)
  const hyps = await store.db
    .select({ id: h.id, status: h.status, at: sql<number>`${h.createdAt}`.mapWith(Number) })
    .from(h)
    .where(and(eq(h.questionId, questionId), lt(h.createdAt, until)))
    .orderBy(asc(h.position), asc(h.createdAt));
  const versions: { id: string; status: string; at: number }[] = [];
  for (const part of chunks(hyps.map((x) => x.id))) {
    // hypothesis_versions_at_idx (hypothesis_id, created_at); oldest first, ties by version
    versions.push(
      ...(await store.db
        .select({ id: hv.hypothesisId, status: hv.status, at: sql<number>`${hv.createdAt}`.mapWith(Number) })
        .from(hv)
        .where(and(inArray(hv.hypothesisId, part), lt(hv.createdAt, until)))
        .orderBy(asc(hv.createdAt), asc(hv.version))),
    );
  }
  versions.sort((a, b) => a.at - b.at); // stable: chunks keep their (created_at, version) order

  const times = [...new Set([...hyps.map((x) => x.at), ...versions.map((v) => v.at)])].sort((a, b) => a - b);
  const status = new Map<string, string>();
  const openSets: OpenSet[] = [];
  let v = 0;
  let previous = "";
  for (const t of times) {
    for (; v < versions.length && versions[v]!.at <= t; v++) status.set(versions[v]!.id, versions[v]!.status);
    const openIds = hyps.filter((x) => x.at <= t && (status.get(x.id) ?? x.status) === "open").map((x) => x.id);
    const key = openIds.join("\u0000");
    if (openSets.length > 0 && key === previous) continue;
    openSets.push({ at: t, openIds });
    previous = key;
  }
  return { hypothesisIds: hyps.map((x) => x.id), openSets };
}

const queries = preparedPerStore((db: Db, s: Store["schema"]) => {
  const e = s.estimates;
  return {
    // a range on estimates_latest_idx (question_id, analyst_id, created_at)
    before: db
      .select({ at: sql<number>`${e.createdAt}`.mapWith(Number), probabilities: e.probabilities })
      .from(e)
      .where(and(eq(e.questionId, sql.placeholder("questionId")), eq(e.analystId, sql.placeholder("analystId")), lt(e.createdAt, sql.placeholder("before"))))
      .orderBy(asc(e.createdAt), asc(e.id))
      .prepare(),
  };
});

/**
 * Every estimate an analyst made on a question strictly before `before`, oldest first;
 * two at the same millisecond in id order, so the later id stands, as everywhere else.
 */
export async function estimatesBefore(store: Store, questionId: string, analystId: string, before: Date): Promise<TimedEstimate[]> {
  return queries(store).before.execute({ questionId, analystId, before: before.getTime() });
}
