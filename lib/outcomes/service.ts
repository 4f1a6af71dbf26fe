// Outcomes: named end-states reached through hypotheses of one question tree.
import "server-only";
import { eq, max } from "drizzle-orm";
import type { Store } from "@/db/store";
import type { Row } from "@/db/types";
import { newId } from "@/lib/ids";
import { notFound, staleVersion, unprocessable } from "@/lib/errors";
import { requireRole, type Actor } from "@/lib/access/service";
import { updateVersioned, writeScenario } from "@/lib/service/write";
import { sameTree } from "@/lib/math";
import type { CreateOutcomeInput, PatchOutcomeInput } from "./schema";

type OutcomeRow = Row<"outcomes">;

export interface OutcomeOut {
  id: string;
  scenarioId: string;
  title: string;
  description: string;
  hypothesisIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

const outcomeOut = (o: OutcomeRow): OutcomeOut => ({
  id: o.id,
  scenarioId: o.scenarioId,
  title: o.title,
  description: o.description,
  hypothesisIds: o.hypothesisIds,
  version: o.version,
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
  archivedAt: o.archivedAt ? o.archivedAt.toISOString() : null,
});

/** Every id must be a hypothesis of this scenario, all in one root question's tree. */
async function checkHypotheses(store: Store, scenarioId: string, ids: string[]): Promise<string[]> {
  const s = store.schema;
  const unique = [...new Set(ids)];
  const questions = await store.db.select().from(s.questions).where(eq(s.questions.scenarioId, scenarioId));
  const hypotheses = await store.db.select().from(s.hypotheses).where(eq(s.hypotheses.scenarioId, scenarioId));
  const known = new Set(hypotheses.map((h) => h.id));
  const errors = ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: `hypothesisIds.${i}`, message: "unknown hypothesis in this scenario" }]));
  if (errors.length > 0) throw unprocessable("Some hypotheses are not in this scenario", errors);
  const tree = questions.map((q) => ({
    id: q.id,
    parentHypothesisId: q.parentHypothesisId,
    hypotheses: hypotheses.filter((h) => h.questionId === q.id).map((h) => ({ id: h.id, probability: null })),
  }));
  if (!sameTree(unique, tree)) {
    throw unprocessable("An outcome's hypotheses must all lie in one root question's tree", [
      { path: "hypothesisIds", message: "hypotheses span more than one question tree" },
    ]);
  }
  return unique;
}

export async function listOutcomes(store: Store, actor: Actor | null, scenarioId: string): Promise<OutcomeOut[]> {
  await requireRole(store, actor, scenarioId, "viewer");
  const s = store.schema;
  const rows = await store.db.select().from(s.outcomes).where(eq(s.outcomes.scenarioId, scenarioId)).orderBy(s.outcomes.position);
  return rows.map(outcomeOut);
}

export async function createOutcome(store: Store, actor: Actor | null, scenarioId: string, input: CreateOutcomeInput): Promise<OutcomeOut> {
  const s = store.schema;
  return writeScenario(store, actor, { scenarioId }, "editor", async (w) => {
    const hypothesisIds = await checkHypotheses(store, scenarioId, input.hypothesisIds);
    const last = await w.tx.select({ p: max(s.outcomes.position) }).from(s.outcomes).where(eq(s.outcomes.scenarioId, scenarioId));
    const row = (
      await w.tx
        .insert(s.outcomes)
        .values({
          id: newId(),
          scenarioId,
          title: input.title,
          description: input.description ?? "",
          hypothesisIds,
          position: (last[0]?.p ?? 0) + 1,
          createdAt: w.now,
          updatedAt: w.now,
        })
        .returning()
    )[0]!;
    await w.record({
      type: "outcome.created",
      entityId: row.id,
      after: { title: row.title, description: row.description, hypothesisIds },
    });
    return outcomeOut(row);
  });
}

export async function patchOutcome(store: Store, actor: Actor | null, outcomeId: string, input: PatchOutcomeInput): Promise<OutcomeOut> {
  const s = store.schema;
  return writeScenario(store, actor, { entity: "outcome", id: outcomeId }, "editor", async (w) => {
    const current = (await w.tx.select().from(s.outcomes).where(eq(s.outcomes.id, outcomeId)))[0];
    if (!current) throw notFound("Outcome");
    if (current.version !== input.version) throw staleVersion("Outcome", current.version);
    const hypothesisIds = input.hypothesisIds ? await checkHypotheses(store, w.scenarioId, input.hypothesisIds) : current.hypothesisIds;
    const archivedAt = input.archived === undefined ? current.archivedAt : input.archived ? (current.archivedAt ?? w.now) : null;
    const next = { title: input.title ?? current.title, description: input.description ?? current.description, hypothesisIds, archivedAt };
    const updated = await updateVersioned(store, "outcomes", outcomeId, input.version, { ...next, updatedAt: w.now }, "Outcome");
    await w.record({
      type: "outcome.updated",
      entityId: outcomeId,
      before: outcomeOut(current),
      after: outcomeOut(updated),
    });
    return outcomeOut(updated);
  });
}
