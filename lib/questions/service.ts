// Questions and their hypotheses. Edits write a new version row; archiving a hypothesis
// keeps it (and its history) but drops it from aggregates.
import "server-only";
import { and, asc, eq, max } from "drizzle-orm";
import type { Store } from "@/db/store";
import type { Row } from "@/db/types";
import { newId } from "@/lib/ids";
import { notFound, staleVersion, unprocessable } from "@/lib/errors";
import { requireEntityRole, requireRole, type Actor } from "@/lib/access/service";
import { questionsAt } from "@/lib/asof/questions";
import { updateVersioned, writeScenario } from "@/lib/service/write";
import { requireOpenQuestion } from "@/lib/resolutions/service";
import type { CreateQuestionInput, HypothesisInput, PatchHypothesisInput, PatchQuestionInput } from "./schema";
import { repeatedTitles, titleKey } from "./titles";

type QuestionRow = Row<"questions">;
type HypothesisRow = Row<"hypotheses">;

export interface HypothesisOut {
  id: string;
  questionId: string;
  title: string;
  description: string;
  status: "open" | "archived";
  version: number;
  createdAt: string;
  updatedAt: string;
}
export interface QuestionOut {
  id: string;
  scenarioId: string;
  title: string;
  description: string;
  /** How the answer will be judged. */
  resolutionCriteria: string;
  /** When the answer should be known; null: open-ended. */
  resolveBy: string | null;
  parentHypothesisId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  hypotheses: HypothesisOut[];
}

export const hypothesisOut = (h: HypothesisRow): HypothesisOut => ({
  id: h.id,
  questionId: h.questionId,
  title: h.title,
  description: h.description,
  status: h.status,
  version: h.version,
  createdAt: h.createdAt.toISOString(),
  updatedAt: h.updatedAt.toISOString(),
});

async function questionOut(store: Store, q: QuestionRow): Promise<QuestionOut> {
  const s = store.schema;
  const hs = await store.db.select().from(s.hypotheses).where(eq(s.hypotheses.questionId, q.id)).orderBy(asc(s.hypotheses.position));
  return {
    id: q.id,
    scenarioId: q.scenarioId,
    title: q.title,
    description: q.description,
    resolutionCriteria: q.resolutionCriteria,
    resolveBy: q.resolveBy ? q.resolveBy.toISOString() : null,
    parentHypothesisId: q.parentHypothesisId,
    version: q.version,
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
    hypotheses: hs.map(hypothesisOut),
  };
}

async function insertHypothesis(store: Store, question: QuestionRow, h: HypothesisInput, position: number, actorId: string, now: Date) {
  const s = store.schema;
  const row = (
    await store.db
      .insert(s.hypotheses)
      .values({
        id: newId(),
        scenarioId: question.scenarioId,
        questionId: question.id,
        title: h.title,
        description: h.description ?? "",
        position,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
  )[0]!;
  await store.db.insert(s.hypothesisVersions).values({
    hypothesisId: row.id,
    version: 1,
    title: row.title,
    description: row.description,
    status: row.status,
    editedBy: actorId,
    createdAt: now,
  });
  return row;
}

/** 422 when another open hypothesis of the question already has this title. */
async function requireUniqueTitle(store: Store, questionId: string, title: string, exceptId: string | null, path: string) {
  const s = store.schema;
  const open = await store.db
    .select({ id: s.hypotheses.id, title: s.hypotheses.title })
    .from(s.hypotheses)
    .where(and(eq(s.hypotheses.questionId, questionId), eq(s.hypotheses.status, "open")));
  const clash = open.find((h) => h.id !== exceptId && titleKey(h.title) === titleKey(title));
  if (clash) {
    throw unprocessable(`An open hypothesis of this question is already called “${clash.title}”`, [
      { path, message: "another open hypothesis has this title" },
    ]);
  }
}

/** The scenario's questions as they stood at `asOf` (now when absent), in position order: id and title. */
export async function listQuestionTitles(store: Store, actor: Actor | null, scenarioId: string, asOf?: Date): Promise<{ id: string; title: string }[]> {
  await requireRole(store, actor, scenarioId, "viewer");
  return (await questionsAt(store, { scenarioId }, asOf)).map((q) => ({ id: q.id, title: q.title }));
}

export async function getQuestion(store: Store, actor: Actor | null, questionId: string): Promise<QuestionOut> {
  await requireEntityRole(store, actor, "question", questionId, "viewer");
  const q = (await store.db.select().from(store.schema.questions).where(eq(store.schema.questions.id, questionId)))[0]!;
  return questionOut(store, q);
}

export async function createQuestion(
  store: Store,
  actor: Actor | null,
  scenarioId: string,
  input: CreateQuestionInput,
): Promise<QuestionOut> {
  const repeated = repeatedTitles(input.hypotheses.map((h) => h.title));
  const s = store.schema;
  return writeScenario(store, actor, { scenarioId }, "editor", async (w) => {
    if (repeated.length > 0) {
      throw unprocessable(
        "Two hypotheses of one question may not share a title",
        repeated.map((i) => ({ path: `hypotheses.${i}.title`, message: "repeats another hypothesis's title" })),
      );
    }
    if (input.parentHypothesisId) {
      const parent = (await w.tx.select().from(s.hypotheses).where(eq(s.hypotheses.id, input.parentHypothesisId)).limit(1))[0];
      if (!parent || parent.scenarioId !== scenarioId) {
        throw unprocessable("The parent hypothesis is not in this scenario", [
          { path: "parentHypothesisId", message: "unknown hypothesis in this scenario" },
        ]);
      }
      if (parent.status !== "open") {
        throw unprocessable("A question cannot hang under an archived hypothesis", [
          { path: "parentHypothesisId", message: "hypothesis is archived" },
        ]);
      }
    }
    const last = await w.tx.select({ p: max(s.questions.position) }).from(s.questions).where(eq(s.questions.scenarioId, scenarioId));
    const q = (
      await w.tx
        .insert(s.questions)
        .values({
          id: newId(),
          scenarioId,
          parentHypothesisId: input.parentHypothesisId ?? null,
          title: input.title,
          description: input.description ?? "",
          resolutionCriteria: input.resolutionCriteria ?? "",
          resolveBy: input.resolveBy ?? null,
          position: (last[0]?.p ?? 0) + 1,
          createdAt: w.now,
          updatedAt: w.now,
        })
        .returning()
    )[0]!;
    await w.tx.insert(s.questionVersions).values({
      questionId: q.id,
      version: 1,
      title: q.title,
      description: q.description,
      resolutionCriteria: q.resolutionCriteria,
      resolveBy: q.resolveBy,
      editedBy: w.actor.id,
      createdAt: w.now,
    });
    for (const [i, h] of input.hypotheses.entries()) await insertHypothesis(store, q, h, i + 1, w.actor.id, w.now);
    const out = await questionOut(store, q);
    await w.record({
      type: "question.created",
      entityId: q.id,
      after: { title: out.title, parentHypothesisId: out.parentHypothesisId, hypotheses: out.hypotheses.map((h) => ({ id: h.id, title: h.title })) },
    });
    return out;
  });
}

export async function patchQuestion(store: Store, actor: Actor | null, questionId: string, input: PatchQuestionInput): Promise<QuestionOut> {
  const s = store.schema;
  return writeScenario(store, actor, { entity: "question", id: questionId }, "editor", async (w) => {
    const current = (await w.tx.select().from(s.questions).where(eq(s.questions.id, questionId)))[0];
    if (!current) throw notFound("Question");
    if (current.version !== input.version) throw staleVersion("Question", current.version);
    const next = {
      title: input.title ?? current.title,
      description: input.description ?? current.description,
      resolutionCriteria: input.resolutionCriteria ?? current.resolutionCriteria,
      resolveBy: input.resolveBy === undefined ? current.resolveBy : input.resolveBy,
    };
    const updated = await updateVersioned(store, "questions", questionId, input.version, { ...next, updatedAt: w.now }, "Question");
    await w.tx.insert(s.questionVersions).values({ questionId, version: updated.version, ...next, editedBy: w.actor.id, createdAt: w.now });
    const state = (q: typeof next, version: number) => ({ ...q, resolveBy: q.resolveBy ? q.resolveBy.toISOString() : null, version });
    await w.record({
      type: "question.updated",
      entityId: questionId,
      before: state(current, current.version),
      after: state(next, updated.version),
    });
    return questionOut(store, updated);
  });
}

export async function addHypothesis(store: Store, actor: Actor | null, questionId: string, input: HypothesisInput): Promise<HypothesisOut> {
  const s = store.schema;
  return writeScenario(store, actor, { entity: "question", id: questionId }, "editor", async (w) => {
    const q = (await w.tx.select().from(s.questions).where(eq(s.questions.id, questionId)))[0];
    if (!q) throw notFound("Question");
    await requireOpenQuestion(store, questionId, "new hypotheses");
    await requireUniqueTitle(store, questionId, input.title, null, "title");
    const last = await w.tx.select({ p: max(s.hypotheses.position) }).from(s.hypotheses).where(eq(s.hypotheses.questionId, questionId));
    const row = await insertHypothesis(store, q, input, (last[0]?.p ?? 0) + 1, w.actor.id, w.now);
    await w.record({
      type: "hypothesis.added",
      entityId: row.id,
      after: { questionId, title: row.title, description: row.description },
    });
    return hypothesisOut(row);
  });
}

export async function patchHypothesis(
  store: Store,
  actor: Actor | null,
  hypothesisId: string,
  input: PatchHypothesisInput,
): Promise<HypothesisOut> {
  const s = store.schema;
  return writeScenario(store, actor, { entity: "hypothesis", id: hypothesisId }, "editor", async (w) => {
    const current = (await w.tx.select().from(s.hypotheses).where(eq(s.hypotheses.id, hypothesisId)))[0];
    if (!current) throw notFound("Hypothesis");
    if (current.version !== input.version) throw staleVersion("Hypothesis", current.version);
    const next = {
      title: input.title ?? current.title,
      description: input.description ?? current.description,
      status: input.status ?? current.status,
    };
    if (next.status === "open" && (titleKey(next.title) !== titleKey(current.title) || current.status !== "open")) {
      await requireUniqueTitle(store, current.questionId, next.title, hypothesisId, current.status === "open" ? "title" : "status");
    }
    if (current.status === "open" && next.status === "archived") {
      const open = await w.tx
        .select({ id: s.hypotheses.id })
        .from(s.hypotheses)
        .where(and(eq(s.hypotheses.questionId, current.questionId), eq(s.hypotheses.status, "open")));
      if (open.length <= 2) {
        throw unprocessable("A question needs at least two open hypotheses; add another before archiving this one", [
          { path: "status", message: "would leave fewer than two open hypotheses" },
        ]);
      }
    }
    const updated = await updateVersioned(store, "hypotheses", hypothesisId, input.version, { ...next, updatedAt: w.now }, "Hypothesis");
    await w.tx.insert(s.hypothesisVersions).values({ hypothesisId, version: updated.version, ...next, editedBy: w.actor.id, createdAt: w.now });
    await w.record({
      type: next.status !== current.status ? (next.status === "archived" ? "hypothesis.archived" : "hypothesis.reopened") : "hypothesis.updated",
      entityId: hypothesisId,
      before: { title: current.title, description: current.description, status: current.status, version: current.version },
      after: { ...next, version: updated.version },
    });
    return hypothesisOut(updated);
  });
}
