// Evidence: items drawn from sources, graded A–F / 1–6. Never deleted — retracted with a
// reason; every edit appends an evidence_versions row, so any past state can be shown.
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Store } from "@/db/store";
import { newId } from "@/lib/ids";
import { DomainError, notFound, staleVersion, unprocessable } from "@/lib/errors";
import { requireEntityRole, requireRole, type Actor } from "@/lib/access/service";
import { updateVersioned, writeScenario } from "@/lib/service/write";
import type { Page } from "@/lib/paging";
import { sourceInScenario } from "@/lib/sources/service";
import type { CreateEvidenceInput, ListEvidenceQuery, PatchEvidenceInput, RetractEvidenceInput } from "./schema";
import { iso, scenarioEvidence, toEvidence, toVersion, type Content, type Evidence, type EvidenceDetail, type EvidenceRow } from "./read";

export type { Evidence, EvidenceDetail, EvidenceVersion } from "./read";

/** The scenario's evidence, a page at a time, newest first; as of a past time each item shows the version it had then. */
export async function listEvidence(
  store: Store,
  actor: Actor | null,
  scenarioId: string,
  query: ListEvidenceQuery = {},
): Promise<Page<Evidence>> {
  await requireRole(store, actor, scenarioId, "viewer");
  return scenarioEvidence(store, scenarioId, query);
}

/** Every tag on the scenario's evidence (as it stands now), sorted: the log's tag filter. */
export async function listEvidenceTags(store: Store, actor: Actor | null, scenarioId: string): Promise<string[]> {
  await requireRole(store, actor, scenarioId, "viewer");
  const e = store.schema.evidence;
  // evidence_scenario_created_idx (scenario_id, …); tags are JSON, read and merged here
  const rows = await store.db.select({ tags: e.tags }).from(e).where(eq(e.scenarioId, scenarioId));
  return [...new Set(rows.flatMap((r) => r.tags))].sort();
}

/** One item, current, with every version oldest first. */
export async function getEvidence(store: Store, actor: Actor | null, evidenceId: string): Promise<EvidenceDetail> {
  await requireEntityRole(store, actor, "evidence", evidenceId, "viewer");
  const s = store.schema;
  const [row, versions] = await Promise.all([
    loadRow(store, evidenceId),
    store.db
      .select()
      .from(s.evidenceVersions)
      .where(eq(s.evidenceVersions.evidenceId, evidenceId))
      .orderBy(asc(s.evidenceVersions.version)),
  ]);
  return { ...toEvidence(row), versions: versions.map(toVersion) };
}

async function loadRow(store: Store, evidenceId: string): Promise<EvidenceRow> {
  const e = store.schema.evidence;
  const row = (await store.db.select().from(e).where(eq(e.id, evidenceId)).limit(1))[0];
  if (!row) throw notFound("Evidence");
  return row;
}

/** The source must be in this scenario; an excerpt from a source with text must occur in it verbatim. */
async function checkSource(store: Store, scenarioId: string, sourceId: string | null, excerpt: string | null) {
  if (sourceId === null) return;
  const source = await sourceInScenario(store, scenarioId, sourceId);
  if (!source) throw unprocessable("No such source in this scenario", [{ path: "sourceId", message: "unknown source" }]);
  if (excerpt !== null && source.text !== null && !source.text.includes(excerpt)) {
    throw unprocessable("The excerpt must be quoted verbatim from the source's text", [
      { path: "excerpt", message: "does not occur verbatim in the source text" },
    ]);
  }
}

// When something happened cannot lie in the future; a day's slack covers every time zone.
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

function requirePlausibleDate(now: Date, occurredAt: Date | null): void {
  if (occurredAt && occurredAt.getTime() > now.getTime() + FUTURE_SLACK_MS) {
    throw unprocessable("When it happened cannot be later than tomorrow", [{ path: "occurredAt", message: "is later than tomorrow" }]);
  }
}

async function insertVersion(store: Store, evidenceId: string, version: number, c: Content, editedBy: string, at: Date) {
  const ev = store.schema.evidenceVersions;
  return (await store.db.insert(ev).values({ evidenceId, version, ...c, editedBy, createdAt: at }).returning())[0]!;
}

export async function createEvidence(
  store: Store,
  actor: Actor | null,
  scenarioId: string,
  input: CreateEvidenceInput,
): Promise<Evidence> {
  const content: Content = {
    summary: input.summary,
    excerpt: input.excerpt ?? null,
    sourceId: input.sourceId ?? null,
    occurredAt: input.occurredAt ?? null,
    reliability: input.reliability,
    credibility: input.credibility,
    tags: input.tags ?? [],
  };
  const row = await writeScenario(store, actor, { scenarioId }, "editor", async (w) => {
    requirePlausibleDate(w.now, content.occurredAt);
    await checkSource(store, scenarioId, content.sourceId, content.excerpt);
    const id = newId();
    const created = (
      await w.tx
        .insert(store.schema.evidence)
        .values({ id, scenarioId, ...content, version: 1, createdBy: w.actor.id, createdAt: w.now, updatedAt: w.now })
        .returning()
    )[0]!;
    const v1 = await insertVersion(store, id, 1, content, w.actor.id, w.now);
    await w.record({ type: "evidence.created", entityId: id, after: toVersion(v1) });
    return created;
  });
  return toEvidence(row);
}

const sameContent = (a: Content, b: Content) =>
  a.summary === b.summary &&
  a.excerpt === b.excerpt &&
  a.sourceId === b.sourceId &&
  iso(a.occurredAt) === iso(b.occurredAt) &&
  a.reliability === b.reliability &&
  a.credibility === b.credibility &&
  JSON.stringify(a.tags) === JSON.stringify(b.tags);

/** A new version; the old one stays in evidence_versions. */
export async function patchEvidence(
  store: Store,
  actor: Actor | null,
  evidenceId: string,
  input: PatchEvidenceInput,
): Promise<Evidence> {
  const s = store.schema;
  const row = await writeScenario(store, actor, { entity: "evidence", id: evidenceId }, "editor", async (w) => {
    const current = await loadRow(store, evidenceId);
    if (current.retractedAt) throw unprocessable("Retracted evidence cannot be edited");
    if (current.version !== input.version) throw staleVersion("Evidence", current.version);
    const next: Content = {
      summary: input.summary ?? current.summary,
      excerpt: input.excerpt === undefined ? current.excerpt : input.excerpt,
      sourceId: input.sourceId === undefined ? current.sourceId : input.sourceId,
      occurredAt: input.occurredAt === undefined ? current.occurredAt : input.occurredAt,
      reliability: input.reliability ?? current.reliability,
      credibility: input.credibility ?? current.credibility,
      tags: input.tags ?? current.tags,
    };
    // An edit that changes nothing adds no version and no event.
    if (sameContent(current, next)) return current;
    if (input.occurredAt !== undefined) requirePlausibleDate(w.now, next.occurredAt);
    if (input.sourceId !== undefined || input.excerpt !== undefined) {
      await checkSource(store, w.scenarioId, next.sourceId, next.excerpt);
    }
    const updated = await updateVersioned(store, "evidence", evidenceId, input.version, { ...next, updatedAt: w.now }, "Evidence");
    const before = (
      await w.tx
        .select()
        .from(s.evidenceVersions)
        .where(and(eq(s.evidenceVersions.evidenceId, evidenceId), eq(s.evidenceVersions.version, current.version)))
        .limit(1)
    )[0];
    const after = await insertVersion(store, evidenceId, updated.version, next, w.actor.id, w.now);
    await w.record({
      type: "evidence.updated",
      entityId: evidenceId,
      before: before ? toVersion(before) : { version: current.version, ...contentJson(current) },
      after: toVersion(after),
    });
    return updated;
  });
  return toEvidence(row);
}

const contentJson = (c: Content) => ({ ...c, occurredAt: iso(c.occurredAt) });

/** Withdraw an item for good, with a reason; its versions and ratings stay as history. */
export async function retractEvidence(
  store: Store,
  actor: Actor | null,
  evidenceId: string,
  input: RetractEvidenceInput,
): Promise<Evidence> {
  const s = store.schema;
  const row = await writeScenario(store, actor, { entity: "evidence", id: evidenceId }, "editor", async (w) => {
    const current = await loadRow(store, evidenceId);
    if (current.retractedAt) {
      throw new DomainError("conflict", `This evidence was already retracted on ${current.retractedAt.toISOString()}`);
    }
    const updated = (
      await w.tx
        .update(s.evidence)
        .set({ retractedAt: w.now, retractReason: input.reason, retractedBy: w.actor.id })
        .where(eq(s.evidence.id, evidenceId))
        .returning()
    )[0]!;
    await w.record({
      type: "evidence.retracted",
      entityId: evidenceId,
      before: { retractedAt: null, retractReason: null },
      after: { retractedAt: w.now.toISOString(), retractReason: input.reason },
    });
    return updated;
  });
  return toEvidence(row);
}
