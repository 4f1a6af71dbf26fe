// What changed in a scenario between two times, and why: every estimate made in the window
// with its change against the same analyst's previous estimate and its rationale; the
// team aggregate per question at `from` against `to`; and every other audited change —
// evidence added, edited or retracted, ratings changed (old → new), questions and
// hypotheses added, edited, archived, resolved. The window is (from, to]: `from` is the
// state compared against, so a change made exactly at `from` is already part of it.
import "server-only";
import { and, asc, eq, gt, inArray, lte, ne } from "drizzle-orm";
import type { Store } from "@/db/client";
import { requireActor, requireRole, type Actor } from "@/lib/access/service";
import { standingEstimates } from "@/lib/estimates/standing";
import { aggregate, type PoolMethod } from "@/lib/math";
import {
  describeChanges,
  describeEstimate,
  describeEvent,
  moved,
  probabilityChanges,
  ratingChanges,
  type ProbabilityChange,
  type RatingChange,
} from "./diff-format";
import { lastEstimateBefore } from "./history";
import { hypothesesAt } from "./reads";
import type { DiffQuery } from "./schema";

export interface DiffItem {
  at: string;
  actorId: string | null;
  actorName: string | null;
  type: string;
  entity: string;
  entityId: string;
  summary: string;
  questionId?: string;
  /** estimate.created, aggregate.changed: per hypothesis, from → to */
  changes?: ProbabilityChange[];
  /** ratings.updated: per cell, old → new */
  ratings?: RatingChange[];
  rationale?: string;
  evidenceIds?: string[];
  previousEstimateId?: string | null;
  previousAt?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface Diff {
  scenarioId: string;
  from: string;
  to: string;
  method: PoolMethod;
  /** More than LIMIT estimates or events fell in the window: the oldest LIMIT of each are listed. */
  truncated: boolean;
  items: DiffItem[];
}

export const DIFF_LIMIT = 5_000;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});

export async function getDiff(store: Store, actor: Actor | null, scenarioId: string, query: DiffQuery): Promise<Diff> {
  const a = requireActor(actor);
  await requireRole(store, a, scenarioId, "viewer");
  const { from, to } = query;
  const method: PoolMethod = query.method ?? "geometric";
  const s = store.schema;

  // estimates_scenario_idx (scenario_id, created_at) and events_scenario_at_idx (scenario_id, at)
  const [estimates, events, questions] = await Promise.all([
    store.db
      .select({
        id: s.estimates.id,
        questionId: s.estimates.questionId,
        analystId: s.estimates.analystId,
        probabilities: s.estimates.probabilities,
        rationale: s.estimates.rationale,
        evidenceIds: s.estimates.evidenceIds,
        createdAt: s.estimates.createdAt,
      })
      .from(s.estimates)
      .where(and(eq(s.estimates.scenarioId, scenarioId), gt(s.estimates.createdAt, from), lte(s.estimates.createdAt, to)))
      .orderBy(asc(s.estimates.createdAt), asc(s.estimates.id))
      .limit(DIFF_LIMIT + 1),
    store.db
      .select()
      .from(s.events)
      // estimates are listed from their own table, which holds what the diff needs
      .where(and(eq(s.events.scenarioId, scenarioId), gt(s.events.at, from), lte(s.events.at, to), ne(s.events.type, "estimate.created")))
      .orderBy(asc(s.events.at), asc(s.events.id))
      .limit(DIFF_LIMIT + 1),
    store.db
      .select({ id: s.questions.id, title: s.questions.title, createdAt: s.questions.createdAt })
      .from(s.questions)
      .where(eq(s.questions.scenarioId, scenarioId))
      .orderBy(asc(s.questions.position)),
  ]);
  const truncated = estimates.length > DIFF_LIMIT || events.length > DIFF_LIMIT;
  estimates.splice(DIFF_LIMIT);
  events.splice(DIFF_LIMIT);

  // Names for ids: current titles (what the reader knows them by now), one read each.
  const hypotheses = await store.db
    .select({ id: s.hypotheses.id, title: s.hypotheses.title, questionId: s.hypotheses.questionId })
    .from(s.hypotheses)
    .where(eq(s.hypotheses.scenarioId, scenarioId));
  const hypTitle = new Map(hypotheses.map((h) => [h.id, h.title]));
  const hypQuestion = new Map(hypotheses.map((h) => [h.id, h.questionId]));
  const qTitle = new Map(questions.map((q) => [q.id, q.title]));
  const evidenceIds = [...new Set(events.filter((e) => e.entity === "evidence").map((e) => e.entityId))];
  const evSummary = new Map<string, string>();
  const userIds = [...new Set([...estimates.map((e) => e.analystId), ...events.flatMap((e) => (e.actorId ? [e.actorId] : []))])];
  const names = new Map<string, string>();
  for (let i = 0; i < Math.max(evidenceIds.length, userIds.length); i += 500) {
    const ev = evidenceIds.slice(i, i + 500);
    const us = userIds.slice(i, i + 500);
    if (ev.length > 0) {
      const rows = await store.db.select({ id: s.evidence.id, summary: s.evidence.summary }).from(s.evidence).where(inArray(s.evidence.id, ev));
      for (const r of rows) evSummary.set(r.id, r.summary);
    }
    if (us.length > 0) {
      const rows = await store.db.select({ id: s.user.id, name: s.user.name }).from(s.user).where(inArray(s.user.id, us));
      for (const r of rows) names.set(r.id, r.name);
    }
  }
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);

  const items: DiffItem[] = [];

  // Each estimate against the same analyst's previous one: in the window if there is one,
  // else one index seek for the last before it.
  const previous = new Map<string, { id: string; at: Date; probabilities: Record<string, number> }>();
  for (const e of estimates) {
    const key = `${e.questionId}\u0000${e.analystId}`;
    let prev = previous.get(key) ?? null;
    if (!prev) prev = await lastEstimateBefore(store, e.questionId, e.analystId, e.createdAt);
    const changes = probabilityChanges(prev?.probabilities ?? null, e.probabilities, hypTitle);
    const actorName = nameOf(e.analystId);
    items.push({
      at: e.createdAt.toISOString(),
      actorId: e.analystId,
      actorName,
      type: "estimate.created",
      entity: "estimate",
      entityId: e.id,
      questionId: e.questionId,
      summary: describeEstimate(actorName ?? "Someone", qTitle.get(e.questionId) ?? null, changes, prev === null),
      changes,
      rationale: e.rationale,
      evidenceIds: e.evidenceIds,
      previousEstimateId: prev?.id ?? null,
      previousAt: prev ? prev.at.toISOString() : null,
    });
    previous.set(key, { id: e.id, at: e.createdAt, probabilities: e.probabilities });
  }

  for (const e of events) {
    const after = obj(e.after);
    const ratings = e.type === "ratings.updated" ? ratingChanges(e.before, e.after, hypTitle) : undefined;
    const questionId =
      e.entity === "question" ? e.entityId : e.entity === "hypothesis" ? (hypQuestion.get(e.entityId) ?? undefined) : undefined;
    const resolved = typeof after.hypothesisId === "string" ? after.hypothesisId : null;
    const actorName = nameOf(e.actorId);
    items.push({
      at: e.at.toISOString(),
      actorId: e.actorId,
      actorName,
      type: e.type,
      entity: e.entity,
      entityId: e.entityId,
      ...(questionId ? { questionId } : {}),
      summary: describeEvent(e, actorName ?? "Someone", {
        evidence: evSummary.get(e.entityId) ?? null,
        question: questionId ? (qTitle.get(questionId) ?? null) : null,
        hypothesis: resolved ? (hypTitle.get(resolved) ?? null) : null,
        ratings,
      }),
      ...(ratings ? { ratings } : {}),
      before: e.before ?? null,
      after: e.after ?? null,
    });
  }

  // The team aggregate per question at `from` against `to`, each over the hypotheses open then.
  const live = questions.filter((q) => q.createdAt.getTime() <= to.getTime());
  const [openFrom, openTo] = await Promise.all([
    hypothesesAt(
      store,
      live.map((q) => q.id),
      from,
    ),
    hypothesesAt(
      store,
      live.map((q) => q.id),
      to,
    ),
  ]);
  const openIds = (m: typeof openFrom, q: string) => (m.get(q) ?? []).filter((h) => h.status === "open").map((h) => h.id);
  for (const q of live) {
    const idsFrom = openIds(openFrom, q.id);
    const idsTo = openIds(openTo, q.id);
    const [standingFrom, standingTo] = await Promise.all([standingEstimates(store, q.id, from), standingEstimates(store, q.id, to)]);
    const before = idsFrom.length > 0 ? aggregate(method, standingFrom.map((e) => e.probabilities), idsFrom) : null;
    const after = aggregate(
      method,
      standingTo.map((e) => e.probabilities),
      idsTo,
    );
    const changes = probabilityChanges(before, after, hypTitle, idsTo);
    if (!moved(changes)) continue;
    items.push({
      at: to.toISOString(),
      actorId: null,
      actorName: null,
      type: "aggregate.changed",
      entity: "question",
      entityId: q.id,
      questionId: q.id,
      summary: `Team aggregate (${method}) on “${q.title}”: ${describeChanges(changes)}`,
      changes,
      before: { analysts: standingFrom.length },
      after: { analysts: standingTo.length },
    });
  }

  items.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  return { scenarioId, from: from.toISOString(), to: to.toISOString(), method, truncated, items };
}
