// What changed in a scenario between two times, and why. First one line per question: the
// team's figures at `from` against `to`, and who estimated in between with their rationale
// and the evidence they linked. Then every detail: each estimate with its change against
// the same analyst's previous one; every other audited change — evidence added, edited or
// retracted, ratings changed (old → new), questions and hypotheses added, edited, archived,
// resolved — in the words the audit log uses (lib/audit/describe.ts). Summaries leave the
// actor out: views print the name once, beside them. The window is (from, to]: `from` is
// the state compared against, so a change made exactly at `from` is already part of it.
import "server-only";
import { and, asc, eq, gt, inArray, lte, ne } from "drizzle-orm";
import type { Store } from "@/db/store";
import { requireActor, requireRole, type Actor } from "@/lib/access/service";
import { estimateBefore, standingEstimates } from "@/lib/asof/estimates";
import { hypothesesAt } from "@/lib/asof/questions";
import { aggregate, type PoolMethod } from "@/lib/math";
import { describeEvent } from "@/lib/audit/describe";
import { scenarioNames } from "@/lib/audit/names";
import { describeChanges, describeEstimate, moved, probabilityChanges, ratingChanges, type ProbabilityChange, type RatingChange } from "./diff-format";
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

/** One question's line: the team before → after, and who moved it with what reasons. */
export interface DiffQuestion {
  questionId: string;
  title: string;
  /** The team's pooled figures at `from` and at `to`, per hypothesis (null: none then). */
  changes: ProbabilityChange[];
  moved: boolean;
  estimates: { analystId: string; analystName: string | null; at: string; changes: ProbabilityChange[]; rationale: string; evidenceIds: string[] }[];
}

export interface Diff {
  scenarioId: string;
  from: string;
  to: string;
  method: PoolMethod;
  /** More than LIMIT estimates or events fell in the window: the oldest LIMIT of each are listed. */
  truncated: boolean;
  /** Questions the window changed (team figures moved, or someone estimated), in tree order. */
  questions: DiffQuestion[];
  items: DiffItem[];
}

export const DIFF_LIMIT = 5_000;


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

  // Names for ids: current titles (what the reader knows them by now).
  const names = await scenarioNames(
    store,
    scenarioId,
    events.filter((e) => e.entity === "evidence").map((e) => e.entityId),
  );
  const hypTitle = (id: string) => names.hypothesis(id);
  const userIds = [...new Set([...estimates.map((e) => e.analystId), ...events.flatMap((e) => (e.actorId ? [e.actorId] : []))])];
  const names_ = new Map<string, string>();
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await store.db.select({ id: s.user.id, name: s.user.name }).from(s.user).where(inArray(s.user.id, userIds.slice(i, i + 500)));
    for (const r of rows) names_.set(r.id, r.name);
  }
  const nameOf = (id: string | null) => (id ? (names_.get(id) ?? null) : null);

  const items: DiffItem[] = [];

  // Each estimate against the same analyst's previous one: in the window if there is one,
  // else one index seek for the last before it.
  const previous = new Map<string, { id: string; at: Date; probabilities: Record<string, number> }>();
  for (const e of estimates) {
    const key = `${e.questionId}\u0000${e.analystId}`;
    let prev = previous.get(key) ?? null;
    if (!prev) {
      const last = await estimateBefore(store, e.questionId, e.analystId, e.createdAt);
      prev = last && { id: last.id, at: last.createdAt, probabilities: last.probabilities };
    }
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
      summary: describeEstimate(names.question(e.questionId), changes, prev === null),
      changes,
      rationale: e.rationale,
      evidenceIds: e.evidenceIds,
      previousEstimateId: prev?.id ?? null,
      previousAt: prev ? prev.at.toISOString() : null,
    });
    previous.set(key, { id: e.id, at: e.createdAt, probabilities: e.probabilities });
  }

  for (const e of events) {
    const ratings = e.type === "ratings.updated" ? ratingChanges(e.before, e.after, hypTitle) : undefined;
    const described = describeEvent(e, names);
    items.push({
      at: e.at.toISOString(),
      actorId: e.actorId,
      actorName: nameOf(e.actorId),
      type: e.type,
      entity: e.entity,
      entityId: e.entityId,
      ...(described.questionId ? { questionId: described.questionId } : {}),
      summary: described.text,
      ...(ratings ? { ratings } : {}),
      before: e.before ?? null,
      after: e.after ?? null,
    });
  }

  // The team aggregate per question at `from` against `to`, each over the hypotheses open then.
  const live = questions.filter((q) => q.createdAt.getTime() <= to.getTime());
  const scope = { questionIds: live.map((q) => q.id) };
  const [openFrom, openTo] = await Promise.all([hypothesesAt(store, scope, from), hypothesesAt(store, scope, to)]);
  const summaries: DiffQuestion[] = [];
  const openIds = (hs: typeof openFrom, q: string) => hs.filter((h) => h.questionId === q && h.status === "open").map((h) => h.id);
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
    const teamMoved = moved(changes);
    const byQuestion = items.filter((i) => i.type === "estimate.created" && i.questionId === q.id);
    if (teamMoved || byQuestion.length > 0) {
      summaries.push({
        questionId: q.id,
        title: names.question(q.id) ?? q.title,
        changes,
        moved: teamMoved,
        estimates: byQuestion.map((i) => ({
          analystId: i.actorId!,
          analystName: i.actorName,
          at: i.at,
          changes: i.changes ?? [],
          rationale: i.rationale ?? "",
          evidenceIds: i.evidenceIds ?? [],
        })),
      });
    }
    if (!teamMoved) continue;
    items.push({
      at: to.toISOString(),
      actorId: null,
      actorName: null,
      type: "aggregate.changed",
      entity: "question",
      entityId: q.id,
      questionId: q.id,
      summary: `Team (${method}) on “${names.question(q.id) ?? q.title}”: ${describeChanges(changes)}`,
      changes,
      before: { analysts: standingFrom.length },
      after: { analysts: standingTo.length },
    });
  }

  items.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  return { scenarioId, from: from.toISOString(), to: to.toISOString(), method, truncated, questions: summaries, items };
}
