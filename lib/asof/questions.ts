// Questions and hypotheses as they stand now or stood at a time: the rows that existed then,
// each with the content of its version in force then (./rule.ts). Version rows are read in
// one range per chunk of ids on (…_id, created_at) — one id is one index seek.
import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { preparedPerStore } from "@/db/prepared";
import type { Store } from "@/db/store";
import type { Row } from "@/db/types";
import { chunks } from "@/lib/chunks";
import { END_OF_TIME, bound, writtenByAt, oldestFirst } from "./query";
import { inForce } from "./rule";

export type HypothesisState = Row<"hypotheses">;
export type QuestionState = Row<"questions">;

type Tables = Store["schema"];
const questionOrder = (q: Tables["questions"]) => [asc(q.position), asc(q.createdAt), asc(q.id)];
const hypothesisOrder = (h: Tables["hypotheses"]) => [asc(h.questionId), asc(h.position), asc(h.createdAt), asc(h.id)];

// A scenario's questions and hypotheses are read on every view of it: prepared once, bound to
// `at` (END_OF_TIME for now), so a request neither builds nor compiles their SQL.
const ofScenario = preparedPerStore(({ db, schema, prepare }) => {
  const q = schema.questions;
  const h = schema.hypotheses;
  return {
    // questions_scenario_idx (scenario_id, position)
    questions: prepare(
      db
        .select()
        .from(q)
        .where(and(eq(q.scenarioId, sql.placeholder("scenarioId")), lte(q.createdAt, bound(q.createdAt, "at"))))
        .orderBy(...questionOrder(q)),
      "asof_questions_of_scenario",
    ),
    // hypotheses_scenario_idx (scenario_id)
    hypotheses: prepare(
      db
        .select()
        .from(h)
        .where(and(eq(h.scenarioId, sql.placeholder("scenarioId")), lte(h.createdAt, bound(h.createdAt, "at"))))
        .orderBy(...hypothesisOrder(h)),
      "asof_hypotheses_of_scenario",
    ),
  };
});

/** Which questions: a scenario's, or the listed ones. */
export type QuestionScope = { scenarioId: string } | { questionIds: readonly string[] };

/** The hypotheses of the scope that existed at `at` (now when absent), in question and position order. */
export async function hypothesesAt(store: Store, scope: QuestionScope, at?: Date): Promise<HypothesisState[]> {
  const h = store.schema.hypotheses;
  const hv = store.schema.hypothesisVersions;
  const rows: HypothesisState[] = [];
  const order = hypothesisOrder(h);
  if ("scenarioId" in scope) {
    rows.push(...(await ofScenario(store).hypotheses.execute({ scenarioId: scope.scenarioId, at: at ?? END_OF_TIME })));
  } else {
    for (const part of chunks([...new Set(scope.questionIds)])) {
      // hypotheses_question_idx (question_id, position)
      rows.push(...(await store.db.select().from(h).where(and(inArray(h.questionId, part), writtenByAt(h.createdAt, at))).orderBy(...order)));
    }
  }
  if (!at) return rows;

  const versions: Row<"hypothesisVersions">[] = [];
  for (const part of chunks(rows.map((r) => r.id))) {
    // hypothesis_versions_at_idx (hypothesis_id, created_at)
    versions.push(
      ...(await store.db
        .select()
        .from(hv)
        .where(and(inArray(hv.hypothesisId, part), writtenByAt(hv.createdAt, at)))
        .orderBy(...oldestFirst(hv.createdAt, hv.version))),
    );
  }
  const then = inForce(versions, (v) => v.hypothesisId, (v) => v.version, at);
  // without a version row by then (imported data without history) the row's own content stands
  return rows.map((r) => {
    const v = then.get(r.id);
    return v ? { ...r, title: v.title, description: v.description, status: v.status, version: v.version } : r;
  });
}

/** The questions of the scope that existed at `at` (now when absent), in position order. */
export async function questionsAt(store: Store, scope: QuestionScope, at?: Date): Promise<QuestionState[]> {
  const q = store.schema.questions;
  const qv = store.schema.questionVersions;
  const rows: QuestionState[] = [];
  const order = questionOrder(q);
  if ("scenarioId" in scope) {
    rows.push(...(await ofScenario(store).questions.execute({ scenarioId: scope.scenarioId, at: at ?? END_OF_TIME })));
  } else {
    for (const part of chunks([...new Set(scope.questionIds)])) {
      rows.push(...(await store.db.select().from(q).where(and(inArray(q.id, part), writtenByAt(q.createdAt, at))).orderBy(...order)));
    }
  }
  if (!at) return rows;

  const versions: Row<"questionVersions">[] = [];
  for (const part of chunks(rows.map((r) => r.id))) {
    // question_versions_at_idx (question_id, created_at)
    versions.push(
      ...(await store.db
        .select()
        .from(qv)
        .where(and(inArray(qv.questionId, part), writtenByAt(qv.createdAt, at)))
        .orderBy(...oldestFirst(qv.createdAt, qv.version))),
    );
  }
  const then = inForce(versions, (v) => v.questionId, (v) => v.version, at);
  return rows.map((r) => {
    const v = then.get(r.id);
    return v ? { ...r, title: v.title, description: v.description, resolutionCriteria: v.resolutionCriteria, resolveBy: v.resolveBy, version: v.version } : r;
  });
}

/** One question as of `at`: "later" when it was created after `at`, null when there is none. */
export async function questionAt(store: Store, questionId: string, at?: Date): Promise<QuestionState | "later" | null> {
  const [now] = await questionsAt(store, { questionIds: [questionId] });
  if (!now) return null;
  if (at && now.createdAt.getTime() > at.getTime()) return "later";
  if (!at) return now;
  return (await questionsAt(store, { questionIds: [questionId] }, at))[0] ?? null;
}

export type QuestionTreeNode = QuestionState & { hypotheses: HypothesisState[] };

/** A scenario's questions at `at`, each with its hypotheses then. */
export async function questionTreeAt(store: Store, scenarioId: string, at?: Date): Promise<QuestionTreeNode[]> {
  const [qs, hs] = await Promise.all([questionsAt(store, { scenarioId }, at), hypothesesAt(store, { scenarioId }, at)]);
  const byQuestion = new Map<string, HypothesisState[]>();
  for (const h of hs) {
    const list = byQuestion.get(h.questionId);
    if (list) list.push(h);
    else byQuestion.set(h.questionId, [h]);
  }
  return qs.map((q) => ({ ...q, hypotheses: byQuestion.get(q.id) ?? [] }));
}

export const openHypothesisIds = (q: { hypotheses: readonly Pick<HypothesisState, "id" | "status">[] }): string[] =>
  q.hypotheses.filter((h) => h.status === "open").map((h) => h.id);
