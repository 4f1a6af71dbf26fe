// Independent judgments, a bias control: while a scenario's `independentElicitation` is on,
// an analyst who can estimate (an editor or owner) sees nobody's figures on a question —
// neither the team's nor anyone's estimates — until they have estimated it themselves.
// Viewers, who cannot estimate, see everything. "Have estimated" is as of the time read:
// as of a moment before their first estimate, the question was hidden from them then too.
// A resolved or annulled question is never hidden: nobody can estimate it any more, so there
// is no judgment left to protect.
import "server-only";
import { and, eq, inArray, lte } from "drizzle-orm";
import type { Store } from "@/db/store";
import type { Role } from "@/lib/access/service";
import { chunks } from "@/lib/chunks";
import { resolutionsAt } from "@/lib/asof/resolutions";

export interface HidingContext {
  independentElicitation: boolean;
  role: Role;
  actorId: string;
}

/**
 * The rule itself, for callers that already hold the facts: whether the actor had estimated
 * the question by the time read (has a standing estimate then) and its resolution status then.
 */
export function hides(ctx: HidingContext, estimated: boolean, status: "open" | "resolved" | "annulled"): boolean {
  return ctx.independentElicitation && ctx.role !== "viewer" && !estimated && status === "open";
}

/** The questions among `questionIds` whose figures are hidden from the actor at `asOf` (now when absent). */
export async function hiddenQuestions(store: Store, ctx: HidingContext, questionIds: readonly string[], asOf?: Date): Promise<Set<string>> {
  // nothing can be hidden from this actor here: spare the reads
  if (!hides(ctx, false, "open") || questionIds.length === 0) return new Set();
  const f = store.schema.forecasters;
  const estimated = new Set<string>();
  for (const part of chunks([...new Set(questionIds)])) {
    // forecasters primary key (question_id, analyst_id): when each analyst first estimated
    const rows = await store.db
      .select({ questionId: f.questionId })
      .from(f)
      .where(and(inArray(f.questionId, part), eq(f.analystId, ctx.actorId), asOf ? lte(f.firstAt, asOf) : undefined));
    for (const r of rows) estimated.add(r.questionId);
  }
  const unestimated = questionIds.filter((id) => !estimated.has(id));
  if (unestimated.length === 0) return new Set();
  const states = await resolutionsAt(store, unestimated, asOf);
  return new Set(unestimated.filter((id) => hides(ctx, false, states.get(id)!.status)));
}

/** The hiding context of an actor in a scenario (one read of the scenario's setting). */
export async function hidingContext(store: Store, scenarioId: string, actorId: string, role: Role): Promise<HidingContext> {
  const s = store.schema.scenarios;
  const row = (await store.db.select({ on: s.independentElicitation }).from(s).where(eq(s.id, scenarioId)).limit(1))[0];
  return { independentElicitation: row?.on ?? false, role, actorId };
}

/** Whether one question's figures are hidden from the actor (who holds `role` in its scenario). */
export async function questionHidden(store: Store, scenarioId: string, questionId: string, actorId: string, role: Role, asOf?: Date): Promise<boolean> {
  const ctx = await hidingContext(store, scenarioId, actorId, role);
  return (await hiddenQuestions(store, ctx, [questionId], asOf)).has(questionId);
}
