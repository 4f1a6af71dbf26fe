// Resolution: the known answer to a question, or "annulled". Append-only: a resolved
// question is changed only by an explicit correction with a reason, which adds a row (the
// earlier one stays in the history and the audit log). A resolution reaches down the tree:
// a conditional question whose condition turns out false is annulled automatically, and
// reopened if a correction makes the condition true again.
import "server-only";
import { eq } from "drizzle-orm";
import type { Store } from "@/db/store";
import { newId } from "@/lib/ids";
import { DomainError, unprocessable } from "@/lib/errors";
import { requireEntityRole, type Actor } from "@/lib/access/service";
import { writeScenario, type ScenarioWrite } from "@/lib/service/write";
import { resolutionAt, resolutionRows, type ResolutionRow } from "@/lib/asof/resolutions";
import { resolutionState, type ResolutionState } from "./state";
import type { ResolveInput } from "./schema";

export interface ResolutionOut {
  id: string;
  questionId: string;
  /** The true answer; null when annulled or reopened. */
  hypothesisId: string | null;
  annulled: boolean;
  /** A row that reopened the question (its condition became true again). */
  reopened: boolean;
  note: string;
  /** Why this row replaced an earlier resolution; null for the first one. */
  correctionReason: string | null;
  /** Set when the change was automatic: the parent question whose resolution caused it. */
  causeQuestionId: string | null;
  resolvedBy: string | null;
  createdAt: string;
}

export const resolutionOut = (r: ResolutionRow): ResolutionOut => ({
  id: r.id,
  questionId: r.questionId,
  hypothesisId: r.hypothesisId,
  annulled: r.annulled,
  reopened: !r.annulled && r.hypothesisId === null,
  note: r.note,
  correctionReason: r.correctionReason,
  causeQuestionId: r.causeQuestionId,
  resolvedBy: r.resolvedBy,
  createdAt: r.createdAt.toISOString(),
});

/**
 * Refuse a change that only an open question accepts (a new estimate, a new hypothesis):
 * 422 naming the rule and the answer in force.
 */
export async function requireOpenQuestion(store: Store, questionId: string, what: string): Promise<void> {
  const state = await resolutionAt(store, questionId);
  if (state.status === "open") return;
  let answer = "";
  if (state.hypothesisId) {
    const h = store.schema.hypotheses;
    const row = (await store.db.select({ title: h.title }).from(h).where(eq(h.id, state.hypothesisId)).limit(1))[0];
    answer = row ? ` to “${row.title}”` : "";
  }
  const when = state.current!.createdAt.toISOString().slice(0, 10);
  const closed = state.status === "resolved" ? `resolved${answer}` : "annulled";
  throw unprocessable(`This question was ${closed} on ${when}: ${what} are closed`, [
    { path: "questionId", message: `question is ${state.status === "resolved" ? "resolved" : "annulled"}` },
  ]);
}

interface TreeContext {
  questions: Map<string, { id: string; title: string; parentHypothesisId: string | null }>;
  hypotheses: Map<string, { id: string; questionId: string; title: string }>;
  rows: Map<string, ResolutionRow[]>;
}

async function loadContext(store: Store, scenarioId: string): Promise<TreeContext> {
  const s = store.schema;
  const [qs, hs] = await Promise.all([
    store.db
      .select({ id: s.questions.id, title: s.questions.title, parentHypothesisId: s.questions.parentHypothesisId })
      .from(s.questions)
      .where(eq(s.questions.scenarioId, scenarioId)),
    store.db
      .select({ id: s.hypotheses.id, questionId: s.hypotheses.questionId, title: s.hypotheses.title })
      .from(s.hypotheses)
      .where(eq(s.hypotheses.scenarioId, scenarioId)),
  ]);
  const rows = await resolutionRows(
    store,
    qs.map((q) => q.id),
  );
  return { questions: new Map(qs.map((q) => [q.id, q])), hypotheses: new Map(hs.map((h) => [h.id, h])), rows };
}

const describeState = (ctx: TreeContext, s: ResolutionState) =>
  s.status === "resolved"
    ? { hypothesisId: s.hypothesisId, hypothesisTitle: ctx.hypotheses.get(s.hypothesisId!)?.title ?? null, annulled: false, note: s.current?.note ?? "" }
    : { hypothesisId: null, hypothesisTitle: null, annulled: s.status === "annulled", note: s.current?.note ?? "" };

export async function resolveQuestion(store: Store, actor: Actor | null, questionId: string, input: ResolveInput): Promise<ResolutionOut> {
  const s = store.schema;
  return writeScenario(store, actor, { entity: "question", id: questionId }, "editor", async (w) => {
    const ctx = await loadContext(store, w.scenarioId);
    const question = ctx.questions.get(questionId)!;
    if (input.hypothesisId && ctx.hypotheses.get(input.hypothesisId)?.questionId !== questionId) {
      throw unprocessable("The answer must be one of this question's hypotheses", [
        { path: "hypothesisId", message: "not a hypothesis of this question" },
      ]);
    }
    const before = resolutionState(ctx.rows.get(questionId)!);
    if (before.status !== "open" && !input.correction) {
      throw new DomainError(
        "conflict",
        `This question is already ${before.status} (on ${before.current!.createdAt.toISOString().slice(0, 10)}). To change the answer, send correction: { reason } saying why the earlier resolution was wrong.`,
        [{ path: "correction", message: `required: the question is already ${before.status}` }],
      );
    }
    if (before.status === "open" && input.correction) {
      throw unprocessable("The question is not resolved, so there is nothing to correct; resolve it without correction", [
        { path: "correction", message: "nothing to correct: the question is open" },
      ]);
    }
    const annulled = input.annulled === true;
    if (input.correction && (annulled ? before.status === "annulled" : before.hypothesisId === input.hypothesisId)) {
      throw unprocessable("The correction gives the answer already in force", [
        { path: annulled ? "annulled" : "hypothesisId", message: "same as the resolution in force" },
      ]);
    }

    const row = (
      await w.tx
        .insert(s.resolutions)
        .values({
          id: newId(),
          scenarioId: w.scenarioId,
          questionId,
          hypothesisId: input.hypothesisId ?? null,
          annulled,
          note: input.note ?? "",
          correctionReason: input.correction?.reason ?? null,
          causeQuestionId: null,
          resolvedBy: w.actor.id,
          createdAt: w.now,
        })
        .returning()
    )[0]!;
    ctx.rows.get(questionId)!.push(row);
    const after = describeState(ctx, resolutionState(ctx.rows.get(questionId)!));
    await w.record({
      type: input.correction ? "question.resolution_corrected" : annulled ? "question.annulled" : "question.resolved",
      entityId: questionId,
      before: input.correction ? { ...describeState(ctx, before), title: question.title } : null,
      after: { ...after, title: question.title, ...(input.correction ? { reason: input.correction.reason } : {}) },
    });
    await followConditions(w, ctx, questionId);
    return resolutionOut(row);
  });
}

/**
 * Bring the conditional questions under `parentId` in line with its state: a child whose
 * condition is now false (the parent resolved to another answer, or was itself annulled
 * automatically) and is still open is annulled; a child this parent annulled earlier whose
 * condition holds again is reopened. Each change is audited and goes on down the tree.
 * Children resolved or annulled by hand are left as they are.
 */
async function followConditions(w: ScenarioWrite, ctx: TreeContext, parentId: string): Promise<void> {
  const parent = ctx.questions.get(parentId)!;
  const ps = resolutionState(ctx.rows.get(parentId)!);
  const answer = ps.hypothesisId ? ctx.hypotheses.get(ps.hypothesisId)?.title : null;
  for (const child of ctx.questions.values()) {
    const condition = child.parentHypothesisId ? ctx.hypotheses.get(child.parentHypothesisId) : undefined;
    if (!condition || condition.questionId !== parentId) continue;
    const cs = resolutionState(ctx.rows.get(child.id)!);
    const conditionFalse = (ps.status === "resolved" && ps.hypothesisId !== condition.id) || (ps.status === "annulled" && ps.automatic);
    let change: { annulled: boolean; note: string; type: "question.annulled" | "question.reopened" } | null = null;
    if (conditionFalse && cs.status === "open") {
      change = {
        annulled: true,
        type: "question.annulled",
        note:
          ps.status === "resolved"
            ? `Annulled automatically: it asks “given ${condition.title}”, but “${parent.title}” resolved to “${answer}”.`
            : `Annulled automatically: “${parent.title}”, whose answer it depends on, was annulled because its own condition failed.`,
      };
    } else if (!conditionFalse && cs.status === "annulled" && cs.current?.causeQuestionId === parentId) {
      change = {
        annulled: false,
        type: "question.reopened",
        note:
          ps.status === "resolved"
            ? `Reopened automatically: “${parent.title}” now resolves to “${answer}”, the condition this question hangs under.`
            : `Reopened automatically: “${parent.title}”, whose answer it depends on, is open again.`,
      };
    }
    if (!change) continue;
    const row = (
      await w.tx
        .insert(w.schema.resolutions)
        .values({
          id: newId(),
          scenarioId: w.scenarioId,
          questionId: child.id,
          hypothesisId: null,
          annulled: change.annulled,
          note: change.note,
          correctionReason: null,
          causeQuestionId: parentId,
          resolvedBy: w.actor.id,
          createdAt: w.now,
        })
        .returning()
    )[0]!;
    ctx.rows.get(child.id)!.push(row);
    await w.record({
      type: change.type,
      entityId: child.id,
      before: { ...describeState(ctx, cs), title: child.title },
      after: { hypothesisId: null, annulled: change.annulled, note: change.note, title: child.title, automatic: true, causeQuestionId: parentId },
    });
    await followConditions(w, ctx, child.id);
  }
}

/** Every resolution of a question, oldest first; the last one is in force. */
export async function listResolutions(store: Store, actor: Actor | null, questionId: string): Promise<ResolutionOut[]> {
  await requireEntityRole(store, actor, "question", questionId, "viewer");
  return ((await resolutionRows(store, [questionId])).get(questionId) ?? []).map(resolutionOut);
}
