// Resolution: the known answer to a question, or "annulled". Append-only: a correction
// is a new resolution, the newest counts.
import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Store } from "@/db/client";
import { newId } from "@/lib/ids";
import { unprocessable } from "@/lib/errors";
import { requireEntityRole, type Actor } from "@/lib/access/service";
import { recordEvent } from "@/lib/audit/service";
import type { ResolveInput } from "./schema";

export interface ResolutionOut {
  id: string;
  questionId: string;
  hypothesisId: string | null;
  annulled: boolean;
  note: string;
  resolvedBy: string | null;
  createdAt: string;
}

type ResolutionRow = typeof import("@/db/schema/sqlite").resolutions.$inferSelect;
const resolutionOut = (r: ResolutionRow): ResolutionOut => ({
  id: r.id,
  questionId: r.questionId,
  hypothesisId: r.hypothesisId,
  annulled: r.annulled,
  note: r.note,
  resolvedBy: r.resolvedBy,
  createdAt: r.createdAt.toISOString(),
});

export async function resolveQuestion(store: Store, actor: Actor | null, questionId: string, input: ResolveInput): Promise<ResolutionOut> {
  const { scenarioId } = await requireEntityRole(store, actor, "question", questionId, "editor");
  const s = store.schema;
  return store.tx(async (tx) => {
    if (input.hypothesisId) {
      const h = (await tx.select().from(s.hypotheses).where(eq(s.hypotheses.id, input.hypothesisId)))[0];
      if (!h || h.questionId !== questionId) {
        throw unprocessable("The answer must be one of this question's hypotheses", [
          { path: "hypothesisId", message: "not a hypothesis of this question" },
        ]);
      }
    }
    const row = (
      await tx
        .insert(s.resolutions)
        .values({
          id: newId(),
          scenarioId,
          questionId,
          hypothesisId: input.hypothesisId ?? null,
          annulled: input.annulled === true,
          note: input.note ?? "",
          resolvedBy: actor!.id,
          createdAt: store.now(),
        })
        .returning()
    )[0]!;
    await recordEvent(store, tx, {
      scenarioId,
      actorId: actor!.id,
      type: row.annulled ? "question.annulled" : "question.resolved",
      entity: "question",
      entityId: questionId,
      after: { hypothesisId: row.hypothesisId, annulled: row.annulled, note: row.note },
    });
    return resolutionOut(row);
  });
}

/** Every resolution of a question, oldest first; the last one is in force. */
export async function listResolutions(store: Store, actor: Actor | null, questionId: string): Promise<ResolutionOut[]> {
  await requireEntityRole(store, actor, "question", questionId, "viewer");
  const s = store.schema;
  const rows = await store.db.select().from(s.resolutions).where(eq(s.resolutions.questionId, questionId)).orderBy(asc(s.resolutions.createdAt));
  return rows.map(resolutionOut);
}
