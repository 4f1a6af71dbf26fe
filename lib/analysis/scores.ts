// Scores of a scenario's resolved questions: per analyst the Brier and log score of their
// last estimate before resolution and the time-averaged Brier over the exact time each of
// their estimates stood, every estimate scored as the analyst gave it; the team scored the
// same way on its pooled series (the pool over the hypotheses open at each moment, as the
// overview showed it). Annulled questions are listed with null scores.
// A resolved question's scores never change (see question_scores in db/schema/define.ts):
// they are computed on the first read after its resolution and kept.
import "server-only";
import { userNames } from "@/lib/accounts/names";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { preparedIn } from "@/db/prepared";
import { questionsAt } from "@/lib/asof/questions";
import type { Store } from "@/db/store";
import { requireActor, requireRole, type Actor } from "@/lib/access/service";
import type { PoolMethod, QuestionScores, SeriesEstimate } from "@/lib/math";
import { estimatesBefore } from "@/lib/asof/estimates";
import { resolutionsOf, type ResolutionAt } from "./history";
import { scoreHistory } from "./score-history";
import { openTimeline } from "./timeline";
import type { ScoresQuery } from "./schema";

type Nullable<T> = { [K in keyof T]: T[K] | null };
export type ScoreFields = Nullable<QuestionScores>;

export interface AnalystScore extends ScoreFields {
  analystId: string;
  name: string | null;
  /** Estimates made before resolution (the time-averaged Brier uses them all). */
  estimates: number;
  lastEstimateAt: string | null;
}

export interface QuestionScore {
  questionId: string;
  title: string;
  resolution: string | "annulled";
  resolvedAt: string;
  note: string;
  /**
   * Every hypothesis scored: each one some estimate before resolution gave a value
   * (archived ones included), and the true one; in the question's order.
   */
  hypothesisIds: string[];
  analysts: AnalystScore[];
  team: ScoreFields & { analysts: number };
}

export interface Scores {
  scenarioId: string;
  method: PoolMethod;
  items: QuestionScore[];
}

const NO_SCORES: ScoreFields = { brier: null, logScore: null, timeAveragedBrier: null };

async function forecastersBefore(store: Store, r: ResolutionAt): Promise<string[]> {
  const f = store.schema.forecasters;
  // forecasters primary key (question_id, analyst_id): who estimated before resolution
  const rows = await store.db
    .select({ analystId: f.analystId })
    .from(f)
    .where(and(eq(f.questionId, r.questionId), lt(f.firstAt, r.at)));
  return rows.map((x) => x.analystId);
}

/**
 * The version of how scores are computed (scoring, pooling, the open timeline): raise it when
 * any of that changes, and kept scores are computed afresh (question_scores is keyed by it).
 */
const SCORING = 1;

/** What is kept of a resolved question's scores: everything but the names (those can change). */
type Kept = Pick<QuestionScore, "hypothesisIds" | "team"> & { analysts: Omit<AnalystScore, "name">[] };

async function scoreResolved(store: Store, r: ResolutionAt, method: PoolMethod): Promise<Kept> {
  // every estimate before resolution: one range read per analyst
  const estimates: SeriesEstimate[] = [];
  for (const analystId of await forecastersBefore(store, r)) {
    for (const e of await estimatesBefore(store, r.questionId, analystId, r.at)) estimates.push(e);
  }
  const timeline = await openTimeline(store, r.questionId, r.at);
  const scored = scoreHistory({
    estimates,
    openSets: timeline.openSets,
    hypothesisIds: timeline.hypothesisIds,
    trueId: r.hypothesisId!,
    resolvedAt: r.at.getTime(),
    method,
  });
  return {
    hypothesisIds: scored.hypothesisIds,
    analysts: scored.analysts.map((x) => ({
      analystId: x.analystId,
      ...x.scores,
      estimates: x.estimates,
      lastEstimateAt: new Date(x.lastAt).toISOString(),
    })),
    team: { ...(scored.team ?? NO_SCORES), analysts: scored.analysts.length },
  };
}

/** The kept scores of these resolutions under `method`, by resolution id. */
const keptOf = preparedIn("question_scores_kept", ({ db, schema: s }, ids) => {
  const t = s.questionScores;
  return db
    .select({ resolutionId: t.resolutionId, scores: t.scores })
    .from(t)
    .where(and(inArray(t.resolutionId, ids), eq(t.method, sql.placeholder("method")), eq(t.scoring, SCORING)));
});

async function keptScores(store: Store, resolutionIds: readonly string[], method: PoolMethod): Promise<Map<string, Kept>> {
  return new Map((await keptOf.rows(store, resolutionIds, { method })).map((row) => [row.resolutionId, row.scores as unknown as Kept]));
}

/** A resolution's scores, kept if they were, else computed and kept (by whichever instance is first). */
async function scoresOfResolution(store: Store, r: ResolutionAt, method: PoolMethod, kept: Map<string, Kept>): Promise<Kept> {
  const known = kept.get(r.id);
  if (known) return known;
  const scores = await scoreResolved(store, r, method);
  await store.db
    .insert(store.schema.questionScores)
    .values({ resolutionId: r.id, method, scoring: SCORING, scores: scores as unknown as Record<string, unknown>, createdAt: store.now() })
    .onConflictDoNothing();
  return scores;
}

export async function getScores(store: Store, actor: Actor | null, scenarioId: string, query: ScoresQuery = {}): Promise<Scores> {
  const a = requireActor(actor);
  await requireRole(store, a, scenarioId, "viewer");
  const method: PoolMethod = query.method ?? "geometric";
  const questions = await questionsAt(store, { scenarioId });
  const resolutions = await resolutionsOf(
    store,
    questions.map((q) => q.id),
  );

  const kept = await keptScores(
    store,
    [...resolutions.values()].filter((r) => r.hypothesisId !== null).map((r) => r.id),
    method,
  );

  const items: (Omit<QuestionScore, "analysts"> & { analysts: Omit<AnalystScore, "name">[] })[] = [];
  for (const q of questions) {
    const r = resolutions.get(q.id);
    if (!r) continue;
    const base = { questionId: q.id, title: q.title, resolvedAt: r.at.toISOString(), note: r.note };
    if (r.hypothesisId === null) {
      // annulled: nobody is scored, but who had forecast it is still shown
      const who = await forecastersBefore(store, r);
      items.push({
        ...base,
        resolution: "annulled",
        hypothesisIds: [],
        analysts: who.map((analystId) => ({ analystId, ...NO_SCORES, estimates: 0, lastEstimateAt: null })),
        team: { ...NO_SCORES, analysts: who.length },
      });
      continue;
    }
    items.push({ ...base, resolution: r.hypothesisId, ...(await scoresOfResolution(store, r, method, kept)) });
  }

  const names = await userNames(
    store,
    items.flatMap((i) => i.analysts.map((x) => x.analystId)),
  );
  return {
    scenarioId,
    method,
    items: items.map((item) => ({
      ...item,
      analysts: item.analysts
        .map((x) => ({ ...x, name: names.get(x.analystId) ?? null }))
        .sort((x, y) => (x.name ?? "").localeCompare(y.name ?? "") || (x.analystId < y.analystId ? -1 : 1)),
    })),
  };
}
