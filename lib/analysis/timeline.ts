// Which hypotheses of a question were open when, up to a moment (its resolution), as scoring
// and the history chart need it. Range reads on indexes; no access checks here — the
// services in this folder check the role first.
import "server-only";
import { and, asc, eq, inArray, lt } from "drizzle-orm";
import type { Store } from "@/db/store";
import { oldestFirst } from "@/lib/asof/query";
import { historyOrder } from "@/lib/asof/rule";
import { chunks } from "@/lib/chunks";
import type { OpenSet } from "@/lib/math";

export interface OpenTimeline {
  /** The question's hypotheses that existed before `until`, in position order. */
  hypothesisIds: string[];
  /** The open set from each `at` on, ascending; an entry only where the set changed. */
  openSets: OpenSet[];
}

/**
 * Which hypotheses of a question were open when, strictly before `until`. A hypothesis
 * exists from its created_at; its status at t is that of its version in force at t (the
 * as-of rule, lib/asof/rule.ts) — so the timeline matches what the overview showed. Without
 * a version row by then (imported data without history) the hypothesis row's own status
 * stands.
 */
export async function openTimeline(store: Store, questionId: string, until: Date): Promise<OpenTimeline> {
  const h = store.schema.hypotheses;
  const hv = store.schema.hypothesisVersions;
  // hypotheses_question_idx (question_id, position)
  const hyps = (
    await store.db
      .select({ id: h.id, status: h.status, createdAt: h.createdAt })
      .from(h)
      .where(and(eq(h.questionId, questionId), lt(h.createdAt, until)))
      .orderBy(asc(h.position), asc(h.createdAt))
  ).map((x) => ({ ...x, at: x.createdAt.getTime() }));
  const versions: { id: string; status: string; version: number; createdAt: Date }[] = [];
  for (const part of chunks(hyps.map((x) => x.id))) {
    // hypothesis_versions_at_idx (hypothesis_id, created_at)
    versions.push(
      ...(await store.db
        .select({ id: hv.hypothesisId, status: hv.status, version: hv.version, createdAt: hv.createdAt })
        .from(hv)
        .where(and(inArray(hv.hypothesisId, part), lt(hv.createdAt, until)))
        .orderBy(...oldestFirst(hv.createdAt, hv.version))),
    );
  }
  // the rule's order across chunks: applying them in turn leaves each id's row in force
  versions.sort(historyOrder((v) => v.version));

  const times = [...new Set([...hyps.map((x) => x.at), ...versions.map((v) => v.createdAt.getTime())])].sort((a, b) => a - b);
  const status = new Map<string, string>();
  const openSets: OpenSet[] = [];
  let v = 0;
  let previous = "";
  for (const t of times) {
    for (; v < versions.length && versions[v]!.createdAt.getTime() <= t; v++) status.set(versions[v]!.id, versions[v]!.status);
    const openIds = hyps.filter((x) => x.at <= t && (status.get(x.id) ?? x.status) === "open").map((x) => x.id);
    const key = openIds.join("\u0000");
    if (openSets.length > 0 && key === previous) continue;
    openSets.push({ at: t, openIds });
    previous = key;
  }
  return { hypothesisIds: hyps.map((x) => x.id), openSets };
}
