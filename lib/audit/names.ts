// Names for the ids events carry, read for one scenario: its questions and hypotheses (a
// few dozen rows) and the evidence items the events mention. Current titles: what the
// reader knows them by now.
import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Store } from "@/db/store";
import type { Db } from "@/db/types";
import { chunks } from "@/lib/chunks";
import type { Names } from "./describe";

export async function scenarioNames(store: Store, scenarioId: string, evidenceIds: Iterable<string>, db: Db = store.db): Promise<Names> {
  const s = store.schema;
  const [questions, hypotheses] = await Promise.all([
    db.select({ id: s.questions.id, title: s.questions.title }).from(s.questions).where(eq(s.questions.scenarioId, scenarioId)),
    db.select({ id: s.hypotheses.id, title: s.hypotheses.title, questionId: s.hypotheses.questionId }).from(s.hypotheses).where(eq(s.hypotheses.scenarioId, scenarioId)),
  ]);
  const evidence = new Map<string, string>();
  for (const part of chunks([...new Set(evidenceIds)])) {
    for (const r of await db.select({ id: s.evidence.id, summary: s.evidence.summary }).from(s.evidence).where(inArray(s.evidence.id, part))) {
      evidence.set(r.id, r.summary);
    }
  }
  const q = new Map(questions.map((x) => [x.id, x.title]));
  const h = new Map(hypotheses.map((x) => [x.id, x]));
  const get = <V>(m: Map<string, V>, id: string | null | undefined) => (id ? (m.get(id) ?? null) : null);
  return {
    question: (id) => get(q, id),
    hypothesis: (id) => get(h, id)?.title ?? null,
    questionOf: (id) => get(h, id)?.questionId ?? null,
    evidence: (id) => get(evidence, id),
  };
}
