// Scores of a scenario's resolved questions: per analyst the Brier and log score of their
// last estimate before resolution and the time-averaged Brier of every day from their first
// estimate to resolution; the team's aggregate scored the same way. Annulled questions are
// listed with null scores.
import "server-only";
import { and, asc, eq, inArray, lt } from "drizzle-orm";
import type { Store } from "@/db/client";
import { requireActor, requireRole, type Actor } from "@/lib/access/service";
import { restrictToOpen, scoreQuestion, type PoolMethod, type QuestionScores, type TimedEstimate } from "@/lib/math";
import { estimatesAt, estimateTimes, resolutionsOf, type ResolutionAt } from "./history";
import { hypothesesAt } from "./reads";
import { neededTimes, slotStarts, teamSeries } from "./series";
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
  /** The hypotheses scored: those open at resolution, and the true one. */
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

/**
 * The hypotheses a resolved question is scored over: those open when it was resolved (an
 * estimate older than a hypothesis counts 0 for it; archived ones drop out and the rest is
 * renormalised, as the standing estimate was shown then), plus the true answer always.
 */
export async function scoringIds(store: Store, resolution: ResolutionAt): Promise<string[]> {
  const hyps = (await hypothesesAt(store, [resolution.questionId], resolution.at)).get(resolution.questionId) ?? [];
  const ids = hyps.filter((h) => h.status === "open").map((h) => h.id);
  if (resolution.hypothesisId && !ids.includes(resolution.hypothesisId)) ids.push(resolution.hypothesisId);
  return ids;
}

async function scoreResolved(store: Store, r: ResolutionAt, method: PoolMethod) {
  const s = store.schema;
  const trueId = r.hypothesisId!;
  const ids = await scoringIds(store, r);
  const at = r.at.getTime();
  // forecasters primary key (question_id, analyst_id): who estimated before resolution
  const who = await store.db
    .select({ analystId: s.forecasters.analystId })
    .from(s.forecasters)
    .where(and(eq(s.forecasters.questionId, r.questionId), lt(s.forecasters.firstAt, r.at)));
  const series: { analystId: string; times: number[] }[] = [];
  for (const { analystId } of who) {
    const times = await estimateTimes(store, r.questionId, analystId, r.at);
    if (times.length > 0) series.push({ analystId, times });
  }
  // The team's day slots start at the first estimate by anyone; each analyst's at their own.
  const teamStarts = slotStarts(Math.min(...series.map((x) => x.times[0]!)), at);

  const analysts = [];
  const teamLists: TimedEstimate[][] = [];
  for (const { analystId, times } of series) {
    const ownStarts = slotStarts(times[0]!, at);
    const wanted = neededTimes(times, ownStarts, teamStarts);
    const probs = await estimatesAt(store, r.questionId, analystId, wanted);
    const pick = (list: number[]) => list.flatMap((t) => (probs.has(t) ? [{ at: t, probabilities: probs.get(t)! }] : []));
    const own = pick(neededTimes(times, ownStarts)).map((e) => ({ at: e.at, probabilities: restrictToOpen(e.probabilities, ids).probabilities }));
    analysts.push({
      analystId,
      scores: scoreQuestion(own, trueId, ids, at) ?? NO_SCORES,
      estimates: times.length,
      lastAt: times[times.length - 1]!,
    });
    // the pool re-expresses each estimate over `ids` itself
    teamLists.push(pick(neededTimes(times, teamStarts)));
  }
  const team = teamSeries(teamLists, ids, method, at);
  return { ids, analysts, team: { ...(scoreQuestion(team, trueId, ids, at) ?? NO_SCORES), analysts: series.length } };
}

export async function getScores(store: Store, actor: Actor | null, scenarioId: string, query: ScoresQuery = {}): Promise<Scores> {
  const a = requireActor(actor);
  await requireRole(store, a, scenarioId, "viewer");
  const method: PoolMethod = query.method ?? "geometric";
  const s = store.schema;
  // questions_scenario_idx (scenario_id, position)
  const questions = await store.db
    .select({ id: s.questions.id, title: s.questions.title })
    .from(s.questions)
    .where(eq(s.questions.scenarioId, scenarioId))
    .orderBy(asc(s.questions.position), asc(s.questions.createdAt));
  const resolutions = await resolutionsOf(
    store,
    questions.map((q) => q.id),
  );

  const items: (Omit<QuestionScore, "analysts"> & { analysts: Omit<AnalystScore, "name">[] })[] = [];
  for (const q of questions) {
    const r = resolutions.get(q.id);
    if (!r) continue;
    const base = { questionId: q.id, title: q.title, resolvedAt: r.at.toISOString(), note: r.note };
    if (r.hypothesisId === null) {
      // annulled: nobody is scored, but who had forecast it is still shown
      const who = await store.db
        .select({ analystId: s.forecasters.analystId })
        .from(s.forecasters)
        .where(and(eq(s.forecasters.questionId, q.id), lt(s.forecasters.firstAt, r.at)));
      items.push({
        ...base,
        resolution: "annulled",
        hypothesisIds: [],
        analysts: who.map((w) => ({ analystId: w.analystId, ...NO_SCORES, estimates: 0, lastEstimateAt: null })),
        team: { ...NO_SCORES, analysts: who.length },
      });
      continue;
    }
    const scored = await scoreResolved(store, r, method);
    items.push({
      ...base,
      resolution: r.hypothesisId,
      hypothesisIds: scored.ids,
      analysts: scored.analysts.map((x) => ({
        analystId: x.analystId,
        ...x.scores,
        estimates: x.estimates,
        lastEstimateAt: x.lastAt === null ? null : new Date(x.lastAt).toISOString(),
      })),
      team: scored.team,
    });
  }

  const ids = [...new Set(items.flatMap((i) => i.analysts.map((x) => x.analystId)))];
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await store.db
      .select({ id: s.user.id, name: s.user.name })
      .from(s.user)
      .where(inArray(s.user.id, ids.slice(i, i + 500)));
    for (const u of rows) names.set(u.id, u.name);
  }
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
