// Key assumptions: what a question's judgement rests on, each rated solid, caveated or
// unsupported, with a note saying why. Edits write a new assumption_versions row, so the
// list can be shown as of any past time.
import "server-only";
import { eq } from "drizzle-orm";
import type { Store } from "@/db/store";
import type { Row } from "@/db/types";
import { newId } from "@/lib/ids";
import { notFound, staleVersion } from "@/lib/errors";
import { requireRole, type Actor } from "@/lib/access/service";
import { assumptionsAt } from "@/lib/asof/assumptions";
import { updateVersioned, writeScenario } from "@/lib/service/write";
import type { AsOfQuery } from "@/lib/validation/common";
import type { CreateAssumptionInput, PatchAssumptionInput } from "./schema";

export type AssumptionStatus = "solid" | "caveated" | "unsupported";

export interface AssumptionOut {
  id: string;
  scenarioId: string;
  questionId: string;
  statement: string;
  status: AssumptionStatus;
  /** Why it is caveated or unsupported (or anything else worth saying). */
  note: string;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

type AssumptionRow = Row<"assumptions">;
type Content = Pick<AssumptionRow, "statement" | "status" | "note">;

export const assumptionOut = (r: AssumptionRow): AssumptionOut => ({
  id: r.id,
  scenarioId: r.scenarioId,
  questionId: r.questionId,
  statement: r.statement,
  status: r.status,
  note: r.note,
  version: r.version,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const state = (questionId: string, c: Content, version: number) => ({ questionId, statement: c.statement, status: c.status, note: c.note, version });

/** The scenario's key assumptions, now or as they stood at `asOf`, oldest first. */
export async function listAssumptions(store: Store, actor: Actor | null, scenarioId: string, query: AsOfQuery = {}): Promise<{ items: AssumptionOut[] }> {
  await requireRole(store, actor, scenarioId, "viewer");
  return { items: (await assumptionsAt(store, scenarioId, query.asOf)).map(assumptionOut) };
}

async function insertVersion(store: Store, assumptionId: string, version: number, c: Content, editedBy: string, at: Date) {
  await store.db.insert(store.schema.assumptionVersions).values({ assumptionId, version, ...c, editedBy, createdAt: at });
}

export async function createAssumption(store: Store, actor: Actor | null, questionId: string, input: CreateAssumptionInput): Promise<AssumptionOut> {
  const s = store.schema;
  return writeScenario(store, actor, { entity: "question", id: questionId }, "editor", async (w) => {
    const content: Content = { statement: input.statement, status: "solid", note: "" };
    const id = newId();
    const row = (
      await w.tx
        .insert(s.assumptions)
        .values({ id, scenarioId: w.scenarioId, questionId, ...content, version: 1, createdBy: w.actor.id, createdAt: w.now, updatedAt: w.now })
        .returning()
    )[0]!;
    await insertVersion(store, id, 1, content, w.actor.id, w.now);
    await w.record({ type: "assumption.added", entityId: id, after: state(questionId, content, 1) });
    return assumptionOut(row);
  });
}

/** A new version: reword, rate (solid, caveated, unsupported) or annotate. */
export async function patchAssumption(store: Store, actor: Actor | null, assumptionId: string, input: PatchAssumptionInput): Promise<AssumptionOut> {
  const s = store.schema;
  return writeScenario(store, actor, { entity: "assumption", id: assumptionId }, "editor", async (w) => {
    const current = (await w.tx.select().from(s.assumptions).where(eq(s.assumptions.id, assumptionId)).limit(1))[0];
    if (!current) throw notFound("Assumption");
    if (current.version !== input.version) throw staleVersion("Assumption", current.version);
    const next: Content = {
      statement: input.statement ?? current.statement,
      status: input.status ?? current.status,
      note: input.note ?? current.note,
    };
    // An edit that changes nothing adds no version and no event.
    if (next.statement === current.statement && next.status === current.status && next.note === current.note) return assumptionOut(current);
    const updated = await updateVersioned(store, "assumptions", assumptionId, input.version, { ...next, updatedAt: w.now }, "Assumption");
    await insertVersion(store, assumptionId, updated.version, next, w.actor.id, w.now);
    await w.record({
      type: "assumption.updated",
      entityId: assumptionId,
      before: state(current.questionId, current, current.version),
      after: state(current.questionId, next, updated.version),
    });
    return assumptionOut(updated);
  });
}
