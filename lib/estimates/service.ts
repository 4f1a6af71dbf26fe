// Estimates: one analyst's probabilities for every open hypothesis of a question at one
// moment. Append-only: the sequence of estimates is the confidence history.
import "server-only";
import { and, asc, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { preparedPerStore } from "@/db/prepared";
import type { Store } from "@/db/store";
import { newId } from "@/lib/ids";
import { unprocessable, type FieldError } from "@/lib/errors";
import { requireActor, requireEntityRole, type Actor } from "@/lib/access/service";
import { writeScenario } from "@/lib/service/write";
import { afterCursor, DEFAULT_PAGE, pageOf, type Page } from "@/lib/paging";
import { questionHidden } from "@/lib/elicitation/hidden";
import { sumsToOne } from "@/lib/math";
import { requireOpenQuestion } from "@/lib/resolutions/service";
import type { Row } from "@/db/types";

type EstimateRow = Row<"estimates">;
import type { CreateEstimateInput, EstimateHistoryQuery } from "./schema";

export interface EstimateOut {
  id: string;
  questionId: string;
  analystId: string;
  analystName: string | null;
  createdAt: string;
  probabilities: Record<string, number>;
  rationale: string;
  evidenceIds: string[];
}

export const estimateOut = (e: EstimateRow, analystName: string | null = null): EstimateOut => ({
  id: e.id,
  questionId: e.questionId,
  analystId: e.analystId,
  analystName,
  createdAt: e.createdAt.toISOString(),
  probabilities: e.probabilities,
  rationale: e.rationale,
  evidenceIds: e.evidenceIds,
});

// Recording an estimate is the most frequent write: its statements are prepared once per handle.
const writes = preparedPerStore(({ db, schema: s, prepare }) => {
  const p = (name: string) => sql.placeholder(name);
  return {
    hypotheses: prepare(db.select().from(s.hypotheses).where(eq(s.hypotheses.questionId, p("questionId"))), "estimate_hypotheses"),
    insert: prepare(
      db
        .insert(s.estimates)
        .values({
          id: p("id"),
          scenarioId: p("scenarioId"),
          questionId: p("questionId"),
          analystId: p("analystId"),
          probabilities: p("probabilities"),
          rationale: p("rationale"),
          evidenceIds: p("evidenceIds"),
          createdAt: p("createdAt"),
        })
        .returning(),
      "estimate_insert",
    ),
    forecaster: prepare(
      db.insert(s.forecasters).values({ questionId: p("questionId"), analystId: p("analystId"), firstAt: p("firstAt") }).onConflictDoNothing(),
      "estimate_forecaster",
    ),
  };
});

export async function createEstimate(
  store: Store,
  actor: Actor | null,
  questionId: string,
  input: CreateEstimateInput,
): Promise<EstimateOut> {
  const s = store.schema;
  return writeScenario(store, actor, { entity: "question", id: questionId }, "editor", async (w) => {
    const { scenarioId, tx } = w;
    await requireOpenQuestion(store, questionId, "new estimates");
    const hypotheses = await writes(store).hypotheses.execute({ questionId });
    const byId = new Map(hypotheses.map((h) => [h.id, h]));
    const errors: FieldError[] = [];
    for (const key of Object.keys(input.probabilities)) {
      const h = byId.get(key);
      if (!h) errors.push({ path: `probabilities.${key}`, message: "not a hypothesis of this question" });
      else if (h.status !== "open") errors.push({ path: `probabilities.${key}`, message: "hypothesis is archived" });
    }
    for (const h of hypotheses) {
      if (h.status === "open" && !(h.id in input.probabilities)) {
        errors.push({ path: `probabilities.${h.id}`, message: `missing: every open hypothesis needs a probability ("${h.title}")` });
      }
    }
    if (errors.length > 0) throw unprocessable("The probabilities must cover exactly the question's open hypotheses", errors);
    if (!sumsToOne(input.probabilities)) {
      const total = Object.values(input.probabilities).reduce((a, b) => a + b, 0);
      throw unprocessable(`The probabilities must sum to 1 (they sum to ${Number(total.toFixed(6))})`, [
        { path: "probabilities", message: "must sum to 1 (±0.001)" },
      ]);
    }
    const evidenceIds = [...new Set(input.evidenceIds ?? [])];
    if (evidenceIds.length > 0) {
      const found = await tx
        .select({ id: s.evidence.id })
        .from(s.evidence)
        .where(and(inArray(s.evidence.id, evidenceIds), eq(s.evidence.scenarioId, scenarioId)));
      const ok = new Set(found.map((r) => r.id));
      const bad = (input.evidenceIds ?? []).flatMap((id, i) => (ok.has(id) ? [] : [{ path: `evidenceIds.${i}`, message: "unknown evidence in this scenario" }]));
      if (bad.length > 0) throw unprocessable("Linked evidence must belong to this scenario", bad);
    }

    const row = (
      await writes(store).insert.execute({
        id: newId(),
        scenarioId,
        questionId,
        analystId: w.actor.id,
        probabilities: input.probabilities,
        rationale: input.rationale,
        evidenceIds,
        createdAt: w.now,
      })
    )[0]!;
    await writes(store).forecaster.execute({ questionId, analystId: w.actor.id, firstAt: w.now });
    await w.record({
      type: "estimate.created",
      entityId: row.id,
      after: { questionId, probabilities: row.probabilities, rationale: row.rationale, evidenceIds },
    });
    return estimateOut(row);
  });
}

/**
 * A question's estimates, a page at a time: oldest first (or `order=desc`), optionally by
 * one analyst or in a window. A range on estimates_question_idx (question_id, created_at,
 * id) — or estimates_latest_idx for one analyst — from the cursor on.
 */
export async function listEstimates(
  store: Store,
  actor: Actor | null,
  questionId: string,
  q: EstimateHistoryQuery = {},
): Promise<Page<EstimateOut>> {
  const a = requireActor(actor);
  const { scenarioId, role } = await requireEntityRole(store, a, "question", questionId, "viewer");
  // independent judgments: before their own first estimate an analyst sees only their own (none)
  const analystId = (await questionHidden(store, scenarioId, questionId, a.id, role, q.to)) ? a.id : q.analystId;
  const e = store.schema.estimates;
  const limit = q.limit ?? DEFAULT_PAGE;
  const descending = q.order === "desc";
  const rows = await store.db
    .select({ e, name: store.schema.user.name })
    .from(e)
    .leftJoin(store.schema.user, eq(store.schema.user.id, e.analystId))
    .where(
      and(
        eq(e.questionId, questionId),
        analystId ? eq(e.analystId, analystId) : undefined,
        q.from ? gte(e.createdAt, q.from) : undefined,
        q.to ? lte(e.createdAt, q.to) : undefined,
        afterCursor(e.createdAt, e.id, q.cursor, descending),
      ),
    )
    .orderBy(...(descending ? [desc(e.createdAt), desc(e.id)] : [asc(e.createdAt), asc(e.id)]))
    .limit(limit + 1);
  const page = pageOf(rows, limit, (r) => ({ at: r.e.createdAt, id: r.e.id }));
  return { items: page.items.map((r) => estimateOut(r.e, r.name)), nextCursor: page.nextCursor };
}
