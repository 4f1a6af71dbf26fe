// Import: a transfer document becomes a new scenario owned by the importer alone — every
// row with a new id and its original timestamps, in one transaction.
import "server-only";
import { eq } from "drizzle-orm";
import type { InferInsertModel } from "drizzle-orm";
import type { Store } from "@/db/store";
import type { Db } from "@/db/types";
import { newId } from "@/lib/ids";
import { requireActor, type Actor } from "@/lib/access/service";
import { notFound } from "@/lib/errors";
import { env } from "@/lib/env";
import { recordEvent } from "@/lib/audit/service";
import { IMPORT_EVENT_TYPE, parseScenarioDocument, type ScenarioDocument } from "./format";
import { definedIds, rewriteIds } from "./ids";
import { insertAll } from "@/db/bulk-insert";

export interface ImportResult {
  id: string;
  title: string;
}

const date = (s: string) => new Date(s);
const dateOrNull = (s: string | null) => (s === null ? null : new Date(s));

/**
 * People become users. Only the importer can be matched to an account, by their own email
 * (compared without case): the document could name anyone, and binding its records to an
 * existing account by email would put words in that person's mouth. Everyone else becomes
 * a stand-in user with no account row (it can never sign in) and a placeholder email, so it
 * neither blocks nor claims a sign-up; the email the document gave is kept beside it for
 * exports. Nothing here depends on which other emails have accounts, so the import's reply
 * and event reveal nothing about them. Nobody but the importer gains access: membership is
 * not part of the document.
 */
async function mapPeople(store: Store, tx: Db, doc: ScenarioDocument, importer: { id: string; email: string }, now: Date, ids: Map<string, string>) {
  const s = store.schema;
  const own = importer.email.trim().toLowerCase();
  const standIns: InferInsertModel<typeof s.user>[] = [];
  for (const p of doc.people) {
    if (p.email.trim().toLowerCase() === own) {
      ids.set(p.id, importer.id);
      continue;
    }
    const id = newId();
    standIns.push({
      id,
      name: p.name,
      email: `imported.${id}@placeholder.invalid`,
      sourceEmail: p.email,
      emailVerified: false,
      image: null,
      kind: "imported",
      createdAt: now,
      updatedAt: now,
    });
    ids.set(p.id, id);
  }
  await insert(store, s.user, standIns);
  return { people: doc.people.length, standIns: standIns.length };
}

/** Who first estimated each question: derived from the estimates, whatever the document's index says. */
function forecastersOf(doc: ScenarioDocument): { questionId: string; analystId: string; firstAt: string }[] {
  const first = new Map<string, { questionId: string; analystId: string; firstAt: string }>();
  for (const e of doc.estimates) {
    const key = `${e.questionId}\u0000${e.analystId}`;
    const seen = first.get(key);
    if (!seen || Date.parse(e.createdAt) < Date.parse(seen.firstAt)) first.set(key, { questionId: e.questionId, analystId: e.analystId, firstAt: e.createdAt });
  }
  return [...first.values()];
}

export interface ImportOptions {
  /** The copy is of the demo: marked as such, and its event says so. */
  demo?: boolean;
}

// Let other requests run between chunks of a large import: its transaction stays open
// (one transaction, all or nothing), but the event loop does not stall for everyone else
// while hundreds of thousands of values are written.
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
const insert: typeof insertAll = (store, table, rows) => insertAll(store, table, rows, pause);

export async function importScenario(store: Store, actor: Actor | null, input: unknown, options: ImportOptions = {}): Promise<ImportResult> {
  const a = requireActor(actor);
  // checked before the transaction, pausing between chunks so other requests go on
  const doc = await parseScenarioDocument(input, { maxRows: env().BRANCHPOINT_IMPORT_MAX_ROWS, pause });
  const s = store.schema;

  // alone: a large import holds its transaction for seconds, and no other write's reply waits for it
  return store.tx(async (tx) => {
    const now = store.now();
    const ids = new Map<string, string>();
    const me = (await tx.select({ id: s.user.id, email: s.user.email }).from(s.user).where(eq(s.user.id, a.id)).limit(1))[0];
    if (!me) throw notFound("Account");
    const people = await mapPeople(store, tx, doc, me, now, ids);
    // New ids in document order: uuid v7 is monotonic, so rows that share a timestamp keep
    // their relative order on the next export (which breaks ties by id).
    for (const d of definedIds(doc)) if (d.kind !== "person") ids.set(d.id, newId());

    // The reference check in parseScenarioDocument guarantees every lookup succeeds.
    const ref = (old: string): string => {
      const id = ids.get(old);
      if (id === undefined) throw new Error(`import: unresolved id ${old}`);
      return id;
    };
    const refOrNull = (old: string | null) => (old === null ? null : ref(old));
    const scenarioId = ref(doc.scenario.id);
    const sc = doc.scenario;

    await tx.insert(s.scenarios).values({
      id: scenarioId,
      title: sc.title,
      summary: sc.summary,
      version: sc.version,
      isDemo: options.demo === true,
      // the demo copy is for trying things out together: everyone's figures show
      independentElicitation: options.demo === true ? false : (sc.independentElicitation ?? false),
      createdBy: refOrNull(sc.createdBy),
      createdAt: date(sc.createdAt),
      updatedAt: date(sc.updatedAt),
      archivedAt: dateOrNull(sc.archivedAt),
    });
    await tx.insert(s.members).values({ scenarioId, userId: a.id, role: "owner", createdAt: now, updatedAt: now });

    await insert(
      store,
      s.questions,
      doc.questions.map((q) => ({
        id: ref(q.id),
        scenarioId,
        parentHypothesisId: refOrNull(q.parentHypothesisId),
        title: q.title,
        description: q.description,
        resolutionCriteria: q.resolutionCriteria ?? "",
        resolveBy: dateOrNull(q.resolveBy ?? null),
        position: q.position,
        version: q.version,
        createdAt: date(q.createdAt),
        updatedAt: date(q.updatedAt),
      })),
    );
    await insert(
      store,
      s.questionVersions,
      doc.questions.flatMap((q) =>
        q.versions.map((v) => ({
          ...v,
          resolutionCriteria: v.resolutionCriteria ?? "",
          resolveBy: dateOrNull(v.resolveBy ?? null),
          questionId: ref(q.id),
          editedBy: refOrNull(v.editedBy),
          createdAt: date(v.createdAt),
        })),
      ),
    );
    await insert(
      store,
      s.hypotheses,
      doc.hypotheses.map((h) => ({
        id: ref(h.id),
        scenarioId,
        questionId: ref(h.questionId),
        title: h.title,
        description: h.description,
        status: h.status,
        position: h.position,
        version: h.version,
        createdAt: date(h.createdAt),
        updatedAt: date(h.updatedAt),
      })),
    );
    await insert(
      store,
      s.hypothesisVersions,
      doc.hypotheses.flatMap((h) =>
        h.versions.map((v) => ({ ...v, hypothesisId: ref(h.id), editedBy: refOrNull(v.editedBy), createdAt: date(v.createdAt) })),
      ),
    );
    await insert(
      store,
      s.outcomes,
      doc.outcomes.map((o) => ({
        ...o,
        id: ref(o.id),
        scenarioId,
        hypothesisIds: o.hypothesisIds.map(ref),
        createdAt: date(o.createdAt),
        updatedAt: date(o.updatedAt),
        archivedAt: dateOrNull(o.archivedAt),
      })),
    );
    await insert(
      store,
      s.sources,
      doc.sources.map((x) => ({
        ...x,
        id: ref(x.id),
        scenarioId,
        publishedAt: dateOrNull(x.publishedAt),
        createdBy: refOrNull(x.createdBy),
        createdAt: date(x.createdAt),
      })),
    );
    await insert(
      store,
      s.evidence,
      doc.evidence.map((e) => ({
        id: ref(e.id),
        scenarioId,
        summary: e.summary,
        excerpt: e.excerpt,
        sourceId: refOrNull(e.sourceId),
        occurredAt: dateOrNull(e.occurredAt),
        reliability: e.reliability,
        credibility: e.credibility,
        tags: e.tags,
        version: e.version,
        createdBy: refOrNull(e.createdBy),
        createdAt: date(e.createdAt),
        updatedAt: date(e.updatedAt),
        retractedAt: dateOrNull(e.retractedAt),
        retractReason: e.retractReason,
        retractedBy: refOrNull(e.retractedBy),
      })),
    );
    await insert(
      store,
      s.evidenceVersions,
      doc.evidence.flatMap((e) =>
        e.versions.map((v) => ({
          ...v,
          evidenceId: ref(e.id),
          sourceId: refOrNull(v.sourceId),
          occurredAt: dateOrNull(v.occurredAt),
          editedBy: refOrNull(v.editedBy),
          createdAt: date(v.createdAt),
        })),
      ),
    );
    await insert(
      store,
      s.ratings,
      doc.ratings.map((r) => ({
        ...r,
        id: ref(r.id),
        scenarioId,
        evidenceId: ref(r.evidenceId),
        hypothesisId: ref(r.hypothesisId),
        analystId: ref(r.analystId),
        createdAt: date(r.createdAt),
      })),
    );
    await insert(
      store,
      s.estimates,
      doc.estimates.map((e) => ({
        ...e,
        id: ref(e.id),
        scenarioId,
        questionId: ref(e.questionId),
        analystId: ref(e.analystId),
        probabilities: Object.fromEntries(Object.entries(e.probabilities).map(([h, p]) => [ref(h), p])),
        evidenceIds: e.evidenceIds.map(ref),
        createdAt: date(e.createdAt),
      })),
    );
    await insert(
      store,
      s.forecasters,
      forecastersOf(doc).map((f) => ({ questionId: ref(f.questionId), analystId: ref(f.analystId), firstAt: date(f.firstAt) })),
    );
    await insert(
      store,
      s.resolutions,
      doc.resolutions.map((r) => ({
        ...r,
        id: ref(r.id),
        scenarioId,
        questionId: ref(r.questionId),
        hypothesisId: refOrNull(r.hypothesisId),
        causeQuestionId: refOrNull(r.causeQuestionId),
        resolvedBy: refOrNull(r.resolvedBy),
        createdAt: date(r.createdAt),
      })),
    );
    await insert(
      store,
      s.indicators,
      doc.indicators.map((x) => ({
        id: ref(x.id),
        scenarioId,
        hypothesisId: ref(x.hypothesisId),
        title: x.title,
        description: x.description,
        direction: x.direction,
        status: x.status,
        evidenceIds: x.evidenceIds.map(ref),
        version: x.version,
        createdBy: refOrNull(x.createdBy),
        createdAt: date(x.createdAt),
        updatedAt: date(x.updatedAt),
      })),
    );
    await insert(
      store,
      s.indicatorVersions,
      doc.indicators.flatMap((x) =>
        x.versions.map((v) => ({ ...v, indicatorId: ref(x.id), evidenceIds: v.evidenceIds.map(ref), editedBy: refOrNull(v.editedBy), createdAt: date(v.createdAt) })),
      ),
    );
    await insert(
      store,
      s.assumptions,
      doc.assumptions.map((x) => ({
        id: ref(x.id),
        scenarioId,
        questionId: ref(x.questionId),
        statement: x.statement,
        status: x.status,
        note: x.note,
        version: x.version,
        createdBy: refOrNull(x.createdBy),
        createdAt: date(x.createdAt),
        updatedAt: date(x.updatedAt),
      })),
    );
    await insert(
      store,
      s.assumptionVersions,
      doc.assumptions.flatMap((x) => x.versions.map((v) => ({ ...v, assumptionId: ref(x.id), editedBy: refOrNull(v.editedBy), createdAt: date(v.createdAt) }))),
    );
    // Payloads name rows by id (as values, and as keys of probabilities): rewrite them all.
    await insert(
      store,
      s.events,
      doc.events.map((e) => ({
        id: ref(e.id),
        scenarioId,
        actorId: refOrNull(e.actorId),
        at: date(e.at),
        type: e.type,
        entity: e.entity,
        entityId: ref(e.entityId),
        before: rewriteIds(e.before, ids),
        after: rewriteIds(e.after, ids),
      })),
    );

    // The import itself is a change, so it is audited; the export leaves this event out.
    await recordEvent(store, tx, {
      scenarioId,
      actorId: a.id,
      tokenId: a.tokenId ?? null,
      type: IMPORT_EVENT_TYPE,
      entityId: scenarioId,
      after: {
        title: sc.title,
        ...(options.demo ? { demo: true } : {}),
        fromScenarioId: sc.id,
        exportedAt: doc.exportedAt,
        people,
        rows: {
          questions: doc.questions.length,
          hypotheses: doc.hypotheses.length,
          evidence: doc.evidence.length,
          ratings: doc.ratings.length,
          estimates: doc.estimates.length,
          indicators: doc.indicators.length,
          assumptions: doc.assumptions.length,
          events: doc.events.length,
        },
      },
    });
    return { id: scenarioId, title: sc.title };
  }, { alone: true });
}
