// The question tree as it stands now or as it stood at `asOf`: only questions and
// hypotheses that existed then, each with the title and status of its version then.
import "server-only";
import { and, asc, desc, eq, lte, sql } from "drizzle-orm";
import type { Db, Store } from "@/db/client";
import { preparedPerStore } from "@/db/prepared";

export interface HypothesisState {
  id: string;
  questionId: string;
  title: string;
  description: string;
  status: "open" | "archived";
  version: number;
  position: number;
  createdAt: Date;
}

export interface QuestionState {
  id: string;
  scenarioId: string;
  parentHypothesisId: string | null;
  title: string;
  description: string;
  version: number;
  position: number;
  createdAt: Date;
  updatedAt: Date;
  hypotheses: HypothesisState[];
}

function prepare(db: Db, s: Store["schema"]) {
  return {
    hypothesisVersionAt: db
      .select()
      .from(s.hypothesisVersions)
      .where(and(eq(s.hypothesisVersions.hypothesisId, sql.placeholder("id")), lte(s.hypothesisVersions.createdAt, sql.placeholder("at"))))
      .orderBy(desc(s.hypothesisVersions.createdAt), desc(s.hypothesisVersions.version))
      .limit(1)
      .prepare(),
    questionVersionAt: db
      .select()
      .from(s.questionVersions)
      .where(and(eq(s.questionVersions.questionId, sql.placeholder("id")), lte(s.questionVersions.createdAt, sql.placeholder("at"))))
      .orderBy(desc(s.questionVersions.createdAt), desc(s.questionVersions.version))
      .limit(1)
      .prepare(),
  };
}
const queries = preparedPerStore(prepare);

export async function loadQuestionTree(store: Store, scenarioId: string, asOf?: Date): Promise<QuestionState[]> {
  const s = store.schema;
  const [qs, hs] = await Promise.all([
    store.db
      .select()
      .from(s.questions)
      .where(and(eq(s.questions.scenarioId, scenarioId), asOf ? lte(s.questions.createdAt, asOf) : undefined))
      .orderBy(asc(s.questions.position), asc(s.questions.createdAt)),
    store.db
      .select()
      .from(s.hypotheses)
      .where(and(eq(s.hypotheses.scenarioId, scenarioId), asOf ? lte(s.hypotheses.createdAt, asOf) : undefined))
      .orderBy(asc(s.hypotheses.position), asc(s.hypotheses.createdAt)),
  ]);

  const byQuestion = new Map<string, HypothesisState[]>();
  for (const h of hs) {
    let state: HypothesisState = { ...h };
    if (asOf) {
      // one index seek per hypothesis: (hypothesis_id, created_at)
      const v = (await queries(store).hypothesisVersionAt.execute({ id: h.id, at: asOf.getTime() }))[0];
      if (v) state = { ...state, title: v.title, description: v.description, status: v.status, version: v.version };
    }
    const list = byQuestion.get(h.questionId) ?? [];
    list.push(state);
    byQuestion.set(h.questionId, list);
  }

  const out: QuestionState[] = [];
  for (const q of qs) {
    let state = { ...q, hypotheses: byQuestion.get(q.id) ?? [] };
    if (asOf) {
      const v = (await queries(store).questionVersionAt.execute({ id: q.id, at: asOf.getTime() }))[0];
      if (v) state = { ...state, title: v.title, description: v.description, version: v.version };
    }
    out.push(state);
  }
  return out;
}

export const openHypothesisIds = (q: QuestionState): string[] =>
  q.hypotheses.filter((h) => h.status === "open").map((h) => h.id);
