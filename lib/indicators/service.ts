// Indicators: what an analyst would expect to see next if a hypothesis were true (or false),
// kept on the scenario's watch list until seen, not seen, or retired. Observing one links the
// evidence that shows it. Edits write a new indicator_versions row, so the list can be shown
// as of any past time, with when each indicator was observed.
import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Store } from "@/db/store";
import type { Row } from "@/db/types";
import { newId } from "@/lib/ids";
import { notFound, staleVersion, unprocessable, type FieldError } from "@/lib/errors";
import { requireRole, type Actor } from "@/lib/access/service";
import { indicatorsAt, observedSince, type IndicatorState } from "@/lib/asof/indicators";
import { updateVersioned, writeScenario } from "@/lib/service/write";
import type { CreateIndicatorInput, PatchIndicatorInput } from "./schema";
import type { AsOfQuery } from "@/lib/validation/common";

export type IndicatorDirection = "supports" | "undermines";
export type IndicatorStatus = "watching" | "observed" | "not_observed" | "retired";

export interface IndicatorOut {
  id: string;
  scenarioId: string;
  hypothesisId: string;
  /** The question of the hypothesis. */
  questionId: string;
  title: string;
  description: string;
  direction: IndicatorDirection;
  status: IndicatorStatus;
  /** The evidence that shows it. */
  evidenceIds: string[];
  /** Since when it has been observed; null unless its status is "observed". */
  observedAt: string | null;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

type IndicatorRow = Row<"indicators">;
type Content = Pick<IndicatorRow, "title" | "description" | "direction" | "status" | "evidenceIds">;

export const indicatorOut = (r: IndicatorState): IndicatorOut => ({
  id: r.id,
  scenarioId: r.scenarioId,
  hypothesisId: r.hypothesisId,
  questionId: r.questionId,
  title: r.title,
  description: r.description,
  direction: r.direction,
  status: r.status,
  evidenceIds: r.evidenceIds,
  observedAt: r.observedAt ? r.observedAt.toISOString() : null,
  version: r.version,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** The audit payload: the state of one version. */
const state = (hypothesisId: string, c: Content, version: number) => ({
  hypothesisId,
  title: c.title,
  description: c.description,
  direction: c.direction,
  status: c.status,
  evidenceIds: c.evidenceIds,
  version,
});

/** The scenario's indicators, now or as they stood at `asOf`, oldest first. */
export async function listIndicators(store: Store, actor: Actor | null, scenarioId: string, query: AsOfQuery = {}): Promise<{ items: IndicatorOut[] }> {
  await requireRole(store, actor, scenarioId, "viewer");
  return { items: (await indicatorsAt(store, scenarioId, query.asOf)).map(indicatorOut) };
}

async function insertVersion(store: Store, indicatorId: string, version: number, c: Content, editedBy: string, at: Date) {
  await store.db.insert(store.schema.indicatorVersions).values({ indicatorId, version, ...c, editedBy, createdAt: at });
}

export async function createIndicator(store: Store, actor: Actor | null, hypothesisId: string, input: CreateIndicatorInput): Promise<IndicatorOut> {
  const s = store.schema;
  return writeScenario(store, actor, { entity: "hypothesis", id: hypothesisId }, "editor", async (w) => {
    const h = (await w.tx.select().from(s.hypotheses).where(eq(s.hypotheses.id, hypothesisId)).limit(1))[0];
    if (!h) throw notFound("Hypothesis");
    if (h.status !== "open") throw unprocessable("An archived hypothesis takes no new indicators; restore it first");
    const content: Content = { title: input.title, description: input.description ?? "", direction: input.direction, status: "watching", evidenceIds: [] };
    const id = newId();
    const row = (
      await w.tx
        .insert(s.indicators)
        .values({ id, scenarioId: w.scenarioId, hypothesisId, ...content, version: 1, createdBy: w.actor.id, createdAt: w.now, updatedAt: w.now })
        .returning()
    )[0]!;
    await insertVersion(store, id, 1, content, w.actor.id, w.now);
    await w.record({ type: "indicator.added", entityId: id, after: state(hypothesisId, content, 1) });
    return indicatorOut({ ...row, questionId: h.questionId, observedAt: null });
  });
}

/**
 * Every id must be evidence of this scenario (422 naming `evidenceIds.N` otherwise); an item
 * retracted may stay linked but not be newly linked. Returns the list without repeats.
 */
async function checkEvidence(store: Store, scenarioId: string, ids: readonly string[], linked: readonly string[]): Promise<string[]> {
  const e = store.schema.evidence;
  const unique = [...new Set(ids)];
  const found =
    unique.length === 0
      ? []
      : await store.db
          .select({ id: e.id, retractedAt: e.retractedAt })
          .from(e)
          .where(and(eq(e.scenarioId, scenarioId), inArray(e.id, unique)));
  const known = new Map(found.map((r) => [r.id, r]));
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    const item = known.get(id);
    if (!item) errors.push({ path: `evidenceIds.${i}`, message: "is not evidence in this scenario" });
    else if (item.retractedAt && !linked.includes(id)) errors.push({ path: `evidenceIds.${i}`, message: "is retracted" });
  });
  if (errors.length > 0) throw unprocessable("An indicator can only link evidence of its own scenario that still stands", errors);
  return unique;
}

const sameContent = (a: Content, b: Content) =>
  a.title === b.title &&
  a.description === b.description &&
  a.direction === b.direction &&
  a.status === b.status &&
  JSON.stringify(a.evidenceIds) === JSON.stringify(b.evidenceIds);

/** A new version: edit, link evidence, mark observed / not observed, retire, or watch again. */
export async function patchIndicator(store: Store, actor: Actor | null, indicatorId: string, input: PatchIndicatorInput): Promise<IndicatorOut> {
  const s = store.schema;
  return writeScenario(store, actor, { entity: "indicator", id: indicatorId }, "editor", async (w) => {
    const current = (await w.tx.select().from(s.indicators).where(eq(s.indicators.id, indicatorId)).limit(1))[0];
    if (!current) throw notFound("Indicator");
    if (current.version !== input.version) throw staleVersion("Indicator", current.version);
    const evidenceIds = input.evidenceIds === undefined ? current.evidenceIds : await checkEvidence(store, w.scenarioId, input.evidenceIds, current.evidenceIds);
    const next: Content = {
      title: input.title ?? current.title,
      description: input.description ?? current.description,
      direction: current.direction,
      status: input.status ?? current.status,
      evidenceIds,
    };
    if (next.status === "observed" && next.evidenceIds.length === 0) {
      throw unprocessable("Observing an indicator links the evidence that shows it: name at least one evidence item", [
        { path: "evidenceIds", message: "must name at least one evidence item when the indicator is observed" },
      ]);
    }
    const hypothesis = (await w.tx.select({ questionId: s.hypotheses.questionId }).from(s.hypotheses).where(eq(s.hypotheses.id, current.hypothesisId)))[0]!;
    const versions = await w.tx
      .select({ status: s.indicatorVersions.status, createdAt: s.indicatorVersions.createdAt, version: s.indicatorVersions.version })
      .from(s.indicatorVersions)
      .where(eq(s.indicatorVersions.indicatorId, indicatorId))
      .orderBy(asc(s.indicatorVersions.version));
    // An edit that changes nothing adds no version and no event.
    if (sameContent(current, next)) {
      return indicatorOut({ ...current, questionId: hypothesis.questionId, observedAt: current.status === "observed" ? (observedSince(versions) ?? current.updatedAt) : null });
    }
    const updated = await updateVersioned(store, "indicators", indicatorId, input.version, { ...next, updatedAt: w.now }, "Indicator");
    await insertVersion(store, indicatorId, updated.version, next, w.actor.id, w.now);
    const observedAt = next.status !== "observed" ? null : current.status === "observed" ? (observedSince(versions) ?? current.updatedAt) : w.now;
    await w.record({
      type: next.status === "observed" && current.status !== "observed" ? "indicator.observed" : "indicator.updated",
      entityId: indicatorId,
      before: state(current.hypothesisId, current, current.version),
      after: state(current.hypothesisId, next, updated.version),
    });
    return indicatorOut({ ...updated, questionId: hypothesis.questionId, observedAt });
  });
}
