// Export: the whole scenario as one lossless, versioned JSON document (./format.ts) —
// every row the store holds for it, every timestamp, in a deterministic order.
import "server-only";
import { and, eq, inArray, ne, notInArray } from "drizzle-orm";
import type { Store } from "@/db/store";
import type { Db } from "@/db/types";
import { forbidden, notFound } from "@/lib/errors";
import { requireActor, requireRole, type Actor, type Role } from "@/lib/access/service";
import { hiddenQuestions, hidingContext } from "@/lib/elicitation/hidden";
import { DOCUMENT_FORMAT, FORMAT_VERSION, UNEXPORTED_EVENT_TYPES, type ScenarioDocument } from "./format";
import { buildBody, iso, orderForecasters, type DocumentBody, type ScenarioRows } from "./build";
import { definedIds, forEachString } from "./ids";

async function readScenario(store: Store, tx: Db, scenarioId: string): Promise<ScenarioRows> {
  const s = store.schema;
  const scenario = (await tx.select().from(s.scenarios).where(eq(s.scenarios.id, scenarioId)).limit(1))[0];
  if (!scenario) throw notFound("Scenario");
  return {
    scenario,
    questions: await tx.select().from(s.questions).where(eq(s.questions.scenarioId, scenarioId)),
    questionVersions: (
      await tx
        .select({ v: s.questionVersions })
        .from(s.questionVersions)
        .innerJoin(s.questions, eq(s.questions.id, s.questionVersions.questionId))
        .where(eq(s.questions.scenarioId, scenarioId))
    ).map((r) => r.v),
    hypotheses: await tx.select().from(s.hypotheses).where(eq(s.hypotheses.scenarioId, scenarioId)),
    hypothesisVersions: (
      await tx
        .select({ v: s.hypothesisVersions })
        .from(s.hypothesisVersions)
        .innerJoin(s.hypotheses, eq(s.hypotheses.id, s.hypothesisVersions.hypothesisId))
        .where(eq(s.hypotheses.scenarioId, scenarioId))
    ).map((r) => r.v),
    outcomes: await tx.select().from(s.outcomes).where(eq(s.outcomes.scenarioId, scenarioId)),
    sources: await tx.select().from(s.sources).where(eq(s.sources.scenarioId, scenarioId)),
    evidence: await tx.select().from(s.evidence).where(eq(s.evidence.scenarioId, scenarioId)),
    evidenceVersions: (
      await tx
        .select({ v: s.evidenceVersions })
        .from(s.evidenceVersions)
        .innerJoin(s.evidence, eq(s.evidence.id, s.evidenceVersions.evidenceId))
        .where(eq(s.evidence.scenarioId, scenarioId))
    ).map((r) => r.v),
    ratings: await tx.select().from(s.ratings).where(eq(s.ratings.scenarioId, scenarioId)),
    estimates: await tx.select().from(s.estimates).where(eq(s.estimates.scenarioId, scenarioId)),
    forecasters: (
      await tx
        .select({ f: s.forecasters })
        .from(s.forecasters)
        .innerJoin(s.questions, eq(s.questions.id, s.forecasters.questionId))
        .where(eq(s.questions.scenarioId, scenarioId))
    ).map((r) => r.f),
    resolutions: await tx.select().from(s.resolutions).where(eq(s.resolutions.scenarioId, scenarioId)),
    indicators: await tx.select().from(s.indicators).where(eq(s.indicators.scenarioId, scenarioId)),
    indicatorVersions: (
      await tx
        .select({ v: s.indicatorVersions })
        .from(s.indicatorVersions)
        .innerJoin(s.indicators, eq(s.indicators.id, s.indicatorVersions.indicatorId))
        .where(eq(s.indicators.scenarioId, scenarioId))
    ).map((r) => r.v),
    assumptions: await tx.select().from(s.assumptions).where(eq(s.assumptions.scenarioId, scenarioId)),
    assumptionVersions: (
      await tx
        .select({ v: s.assumptionVersions })
        .from(s.assumptionVersions)
        .innerJoin(s.assumptions, eq(s.assumptions.id, s.assumptionVersions.assumptionId))
        .where(eq(s.assumptions.scenarioId, scenarioId))
    ).map((r) => r.v),
    // Leaving out how this copy came to be (and invitations) makes export → import →
    // export give the same document.
    events: await tx
      .select()
      .from(s.events)
      .where(and(eq(s.events.scenarioId, scenarioId), notInArray(s.events.type, UNEXPORTED_EVENT_TYPES))),
  };
}

// Ids of users are opaque strings like every other id; anything id-shaped is a candidate.
const ID_SHAPED = /^[\w-]{1,100}$/;

/**
 * Every user the rows mention — in columns, as event subjects (members) or inside event
 * payloads — in order of first appearance, so the order does not depend on ids.
 */
async function readPeople(store: Store, tx: Db, body: DocumentBody): Promise<ScenarioDocument["people"]> {
  const s = store.schema;
  const rowIds = new Set(definedIds({ ...body, people: [] }).map((d) => d.id));
  const candidates: string[] = [];
  const seen = new Set<string>();
  const { forecasters, ...rest } = body;
  forEachString([rest, forecasters], (str) => {
    if (!seen.has(str) && !rowIds.has(str) && ID_SHAPED.test(str)) {
      seen.add(str);
      candidates.push(str);
    }
  });
  // Candidates that are not user ids (a tag, an enum value) simply find no row.
  const users = new Map<string, ScenarioDocument["people"][number]>();
  for (let i = 0; i < candidates.length; i += 500) {
    const rows = await tx
      .select({ id: s.user.id, name: s.user.name, email: s.user.email, sourceEmail: s.user.sourceEmail })
      .from(s.user)
      .where(inArray(s.user.id, candidates.slice(i, i + 500)));
    // a stand-in exports the email its document gave, not its placeholder
    for (const u of rows) users.set(u.id, { id: u.id, name: u.name, email: u.sourceEmail ?? u.email });
  }
  return candidates.flatMap((c) => users.get(c) ?? []);
}

/**
 * The whole scenario, for any member — except one from whom independent judgments hide a
 * question that others have already estimated or rated: the document would show them.
 */
export async function exportScenario(store: Store, actor: Actor | null, scenarioId: string): Promise<ScenarioDocument> {
  const a = requireActor(actor);
  const role = await requireRole(store, a, scenarioId, "viewer");
  const withheld = await withheldFrom(store, scenarioId, a.id, role);
  if (withheld > 0) {
    throw forbidden(
      `Independent judgments hide ${withheld === 1 ? "a question" : `${withheld} questions`} that others have judged from you until you estimate ${withheld === 1 ? "it" : "them"}, and an export holds everyone's figures: estimate first, or ask an owner to switch independent judgments off`,
    );
  }
  return scenarioDocument(store, scenarioId);
}

/** How many questions hidden from the actor hold someone else's estimate or rating. */
async function withheldFrom(store: Store, scenarioId: string, actorId: string, role: Role): Promise<number> {
  const s = store.schema;
  const questions = await store.db.select({ id: s.questions.id }).from(s.questions).where(eq(s.questions.scenarioId, scenarioId));
  const hidden = [...(await hiddenQuestions(store, await hidingContext(store, scenarioId, actorId, role), questions.map((q) => q.id)))];
  if (hidden.length === 0) return 0;
  const [estimated, rated] = await Promise.all([
    store.db
      .selectDistinct({ questionId: s.estimates.questionId })
      .from(s.estimates)
      .where(and(inArray(s.estimates.questionId, hidden), ne(s.estimates.analystId, actorId))),
    store.db
      .selectDistinct({ questionId: s.hypotheses.questionId })
      .from(s.ratings)
      .innerJoin(s.hypotheses, eq(s.hypotheses.id, s.ratings.hypothesisId))
      .where(and(inArray(s.hypotheses.questionId, hidden), ne(s.ratings.analystId, actorId))),
  ]);
  return new Set([...estimated, ...rated].map((r) => r.questionId)).size;
}

/** The document of any scenario, without an access check: callers decide who may have it. */
export async function scenarioDocument(store: Store, scenarioId: string): Promise<ScenarioDocument> {
  // One snapshot: a rating written between two reads would otherwise point at evidence the
  // document lacks, and the import would reject it.
  return store.snapshot(async (tx) => {
    const body = buildBody(await readScenario(store, tx, scenarioId));
    const people = await readPeople(store, tx, body);
    orderForecasters(body, people);
    return {
      format: DOCUMENT_FORMAT,
      formatVersion: FORMAT_VERSION,
      exportedAt: iso(store.now()),
      scenario: body.scenario,
      people,
      questions: body.questions,
      hypotheses: body.hypotheses,
      outcomes: body.outcomes,
      sources: body.sources,
      evidence: body.evidence,
      ratings: body.ratings,
      estimates: body.estimates,
      forecasters: body.forecasters,
      resolutions: body.resolutions,
      indicators: body.indicators,
      assumptions: body.assumptions,
      events: body.events,
    };
  });
}

