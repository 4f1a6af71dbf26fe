// What changed in a scenario between two times, and why. First one line per question: the
// team's figures at `from` against `to`, and each analyst who estimated in between once —
// their figures at `from` against their last, with its rationale and evidence. Then every
// detail, a page at a time: each estimate with its change against the same analyst's
// previous one; every other audited change — evidence added, edited or retracted, ratings
// changed (old → new), questions and hypotheses added, edited, archived, resolved — in the
// words the audit log uses (lib/audit/describe.ts). Summaries leave the actor out: views
// print the name once, beside them. The window is (from, to]: `from` is the state compared
// against, so a change made exactly at `from` is already part of it.
import "server-only";
import { userNames } from "@/lib/accounts/names";
import { and, asc, count, eq, gt, lte, ne } from "drizzle-orm";
import type { Store } from "@/db/store";
import { requireActor, requireRole, type Actor } from "@/lib/access/service";
import { estimateBefore, standingEstimatesOf } from "@/lib/asof/estimates";
import { hypothesesAt } from "@/lib/asof/questions";
import { aggregate, type PoolMethod } from "@/lib/math";
import { describeEvent, WITHHELD_TYPES } from "@/lib/audit/describe";
import { hiddenQuestions, hidingContext } from "@/lib/elicitation/hidden";
import { scenarioNames } from "@/lib/audit/names";
import { describeEstimate, moved, probabilityChanges, ratingChanges, type ProbabilityChange, type RatingChange } from "./diff-format";
import { afterCursor, DEFAULT_PAGE, pageOf, type Keyset } from "@/lib/paging";
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

/** One analyst's movement on a question in the window: from their standing estimate at `from` to their last in it. */
export interface DiffAnalyst {
  analystId: string;
  analystName: string | null;
  /** When they last estimated in the window. */
  at: string;
  /** Their figures at `from` (null: none then) → their last in the window. */
  changes: ProbabilityChange[];
  /** The rationale and evidence of that last estimate. */
  rationale: string;
  evidenceIds: string[];
  /** How many estimates they made in the window. */
  count: number;
}

/** One question's line: the team before → after, and who moved it with what reasons. */
export interface DiffQuestion {
  questionId: string;
  title: string;
  /** The team's pooled figures at `from` and at `to`, per hypothesis (null: none then). */
  changes: ProbabilityChange[];
  moved: boolean;
  estimates: DiffAnalyst[];
}

export interface Diff {
  scenarioId: string;
  from: string;
  to: string;
  method: PoolMethod;
  /**
   * Questions the window changed (team figures moved, or someone estimated), in tree order,
   * each analyst once. On the first page only (without `cursor`); [] on the pages after.
   */
  questions: DiffQuestion[];
  /** Every change in the window, oldest first, a page at a time. */
  items: DiffItem[];
  /** Pass as `cursor` for the next page of items; null on the last. */
  nextCursor: string | null;
}




export async function getDiff(store: Store, actor: Actor | null, scenarioId: string, query: DiffQuery): Promise<Diff> {
  const a = requireActor(actor);
  const role = await requireRole(store, a, scenarioId, "viewer");
  const { from, to } = query;
  const method: PoolMethod = query.method ?? "geometric";
  const limit = query.limit ?? DEFAULT_PAGE;
  const s = store.schema;

  // the page: estimates and other events in (from, to] after the cursor, merged by (at, id);
  // estimates_scenario_idx (scenario_id, created_at) and events_scenario_at_idx (scenario_id, at)
  const [estimates, events] = await Promise.all([
    store.db
      .select()
      .from(s.estimates)
      .where(
        and(
          eq(s.estimates.scenarioId, scenarioId),
          gt(s.estimates.createdAt, from),
          lte(s.estimates.createdAt, to),
          afterCursor(s.estimates.createdAt, s.estimates.id, query.cursor, false),
        ),
      )
      .orderBy(asc(s.estimates.createdAt), asc(s.estimates.id))
      .limit(limit + 1),
    store.db
      .select()
      .from(s.events)
      // estimates are listed from their own table, which holds what the diff needs
      .where(
        and(
          eq(s.events.scenarioId, scenarioId),
          gt(s.events.at, from),
          lte(s.events.at, to),
          ne(s.events.type, "estimate.created"),
          afterCursor(s.events.at, s.events.id, query.cursor, false),
        ),
      )
      .orderBy(asc(s.events.at), asc(s.events.id))
      .limit(limit + 1),
  ]);
  type Entry = { key: Keyset } & ({ estimate: (typeof estimates)[number] } | { event: (typeof events)[number] });
  const merged: Entry[] = [
    ...estimates.map((e) => ({ key: { at: e.createdAt, id: e.id }, estimate: e })),
    ...events.map((e) => ({ key: { at: e.at, id: e.id }, event: e })),
  ].sort((x, y) => x.key.at.getTime() - y.key.at.getTime() || (x.key.id < y.key.id ? -1 : x.key.id > y.key.id ? 1 : 0));
  const page = pageOf(merged, limit, (x) => x.key);

  // Names for ids: current titles (what the reader knows them by now).
  const pageEvents = page.items.flatMap((x) => ("event" in x ? [x.event] : []));
  const names = await scenarioNames(
    store,
    scenarioId,
    pageEvents.filter((e) => e.entity === "evidence").map((e) => e.entityId),
  );
  const hypTitle = (id: string) => names.hypothesis(id);
  const lines = query.cursor ? [] : await questionLines(store, scenarioId, from, to, method, hypTitle, names.question);
  const described = new Map(pageEvents.map((e) => [e.id, describeEvent(e, names)]));
  // independent judgments: questions the reader has not estimated by `to` show no figures —
  // no line, and no one else's estimates or ratings among the items
  const hidden = await hiddenQuestions(
    store,
    await hidingContext(store, scenarioId, a.id, role),
    [
      ...lines.map((q) => q.questionId),
      ...page.items.flatMap((x) => ("estimate" in x ? [x.estimate.questionId] : (described.get(x.event.id)?.questionId ?? []))),
    ],
    to,
  );
  const withheld = (type: string, actorId: string | null, questionId: string | null | undefined) =>
    WITHHELD_TYPES.has(type) && actorId !== a.id && !!questionId && hidden.has(questionId);
  const summaries = lines.filter((q) => !hidden.has(q.questionId));
  const people = await userNames(store, [
    ...page.items.flatMap((x) => ("estimate" in x ? [x.estimate.analystId] : x.event.actorId ? [x.event.actorId] : [])),
    ...summaries.flatMap((q) => q.estimates.map((e) => e.analystId)),
  ]);
  const nameOf = (id: string | null) => (id ? (people.get(id) ?? null) : null);
  for (const q of summaries) for (const e of q.estimates) e.analystName = nameOf(e.analystId);

  // Each estimate against the same analyst's previous one: earlier on this page if there is
  // one, else one index seek for the last before it.
  const items: DiffItem[] = [];
  const previous = new Map<string, { id: string; at: Date; probabilities: Record<string, number> }>();
  for (const x of page.items) {
    if ("event" in x) {
      const e = x.event;
      const ratings = e.type === "ratings.updated" ? ratingChanges(e.before, e.after, hypTitle) : undefined;
      const told = described.get(e.id)!;
      if (withheld(e.type, e.actorId, told.questionId)) continue;
      items.push({
        at: e.at.toISOString(),
        actorId: e.actorId,
        actorName: nameOf(e.actorId),
        type: e.type,
        entity: e.entity,
        entityId: e.entityId,
        ...(told.questionId ? { questionId: told.questionId } : {}),
        summary: told.text,
        ...(ratings ? { ratings } : {}),
        before: e.before ?? null,
        after: e.after ?? null,
      });
      continue;
    }
    const e = x.estimate;
    if (withheld("estimate.created", e.analystId, e.questionId)) continue;
    const key = `${e.questionId}\u0000${e.analystId}`;
    let prev = previous.get(key) ?? null;
    if (!prev) {
      const last = await estimateBefore(store, e.questionId, e.analystId, e.createdAt);
      prev = last && { id: last.id, at: last.createdAt, probabilities: last.probabilities };
    }
    const changes = probabilityChanges(prev?.probabilities ?? null, e.probabilities, hypTitle);
    items.push({
      at: e.createdAt.toISOString(),
      actorId: e.analystId,
      actorName: nameOf(e.analystId),
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

  return { scenarioId, from: from.toISOString(), to: to.toISOString(), method, questions: summaries, items, nextCursor: page.nextCursor };
}

/**
 * A line per question the window changed: the team's pooled figures at `from` against `to`
 * (each over the hypotheses open then), and each analyst who estimated in the window once —
 * from their standing estimate at `from` to their last in it. Seeks per analyst (the as-of
 * readers, one statement per end) and one count over the window, so the size of the
 * window's history costs little.
 */
async function questionLines(
  store: Store,
  scenarioId: string,
  from: Date,
  to: Date,
  method: PoolMethod,
  hypTitle: (id: string) => string | null,
  questionTitle: (id: string) => string | null,
): Promise<DiffQuestion[]> {
  const s = store.schema;
  const [questions, counts] = await Promise.all([
    store.db
      .select({ id: s.questions.id, title: s.questions.title, createdAt: s.questions.createdAt })
      .from(s.questions)
      .where(and(eq(s.questions.scenarioId, scenarioId), lte(s.questions.createdAt, to)))
      .orderBy(asc(s.questions.position)),
    // estimates_scenario_idx (scenario_id, created_at): how many each analyst made in the window
    store.db
      .select({ questionId: s.estimates.questionId, analystId: s.estimates.analystId, n: count() })
      .from(s.estimates)
      .where(and(eq(s.estimates.scenarioId, scenarioId), gt(s.estimates.createdAt, from), lte(s.estimates.createdAt, to)))
      .groupBy(s.estimates.questionId, s.estimates.analystId),
  ]);
  const scope = { questionIds: questions.map((q) => q.id) };
  const [openFrom, openTo, standingAtFrom, standingAtTo] = await Promise.all([
    hypothesesAt(store, scope, from),
    hypothesesAt(store, scope, to),
    standingEstimatesOf(store, scope.questionIds, from),
    standingEstimatesOf(store, scope.questionIds, to),
  ]);
  const openIds = (hs: typeof openFrom, q: string) => hs.filter((h) => h.questionId === q && h.status === "open").map((h) => h.id);
  const out: DiffQuestion[] = [];
  for (const q of questions) {
    const idsFrom = openIds(openFrom, q.id);
    const idsTo = openIds(openTo, q.id);
    const standingFrom = standingAtFrom.get(q.id)!;
    const standingTo = standingAtTo.get(q.id)!;
    const before = idsFrom.length > 0 ? aggregate(method, standingFrom.map((e) => e.probabilities), idsFrom) : null;
    const after = aggregate(
      method,
      standingTo.map((e) => e.probabilities),
      idsTo,
    );
    const changes = probabilityChanges(before, after, hypTitle, idsTo);
    const teamMoved = moved(changes);
    const estimated = standingTo.filter((e) => e.createdAt.getTime() > from.getTime());
    if (!teamMoved && estimated.length === 0) continue;
    const atFrom = new Map(standingFrom.map((e) => [e.analystId, e.probabilities]));
    out.push({
      questionId: q.id,
      title: questionTitle(q.id) ?? q.title,
      changes,
      moved: teamMoved,
      estimates: estimated
        .sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime() || (x.id < y.id ? -1 : 1))
        .map((e) => ({
          analystId: e.analystId,
          analystName: null,
          at: e.createdAt.toISOString(),
          changes: probabilityChanges(atFrom.get(e.analystId) ?? null, e.probabilities, hypTitle),
          rationale: e.rationale,
          evidenceIds: e.evidenceIds,
          count: Number(counts.find((c) => c.questionId === q.id && c.analystId === e.analystId)?.n ?? 1),
        })),
    });
  }
  return out;
}
