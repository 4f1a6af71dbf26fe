// Scores of one resolved question from its history up to resolution: every estimate by
// every analyst, and which hypotheses were open when. Pure — scores.ts reads, this
// computes. Each analyst is scored on their estimates as given (lib/math scoring); the
// team on its pooled series, the pool at each moment taken over the hypotheses open at
// that moment (pooledSeries: exactly what the overview showed then).
import { inTimeOrder, pooledSeries, scoreQuestion, type OpenSet, type PoolMethod, type QuestionScores, type SeriesEstimate, type TimedEstimate } from "@/lib/math";

export interface QuestionHistory {
  /** Any order; of several by one analyst at one instant the later-listed stands. */
  estimates: readonly SeriesEstimate[];
  /** The open-hypothesis timeline, ascending (timeline.ts). */
  openSets: readonly OpenSet[];
  /** The question's hypotheses in display order: the order hypothesisIds are listed in. */
  hypothesisIds: readonly string[];
  trueId: string;
  resolvedAt: number;
  method: PoolMethod;
}

export interface AnalystHistoryScore {
  analystId: string;
  scores: QuestionScores;
  /** Estimates made before resolution. */
  estimates: number;
  lastAt: number;
}

export interface HistoryScores {
  /** Every hypothesis scored: those some estimate gave, and the true one; display order. */
  hypothesisIds: string[];
  /** Analysts with an estimate before resolution, in order of their first one. */
  analysts: AnalystHistoryScore[];
  team: QuestionScores | null;
}

export function scoreHistory(h: QuestionHistory): HistoryScores {
  const before = inTimeOrder(h.estimates, h.resolvedAt);
  const byAnalyst = new Map<string, TimedEstimate[]>();
  for (const e of before) {
    let list = byAnalyst.get(e.analystId);
    if (!list) byAnalyst.set(e.analystId, (list = []));
    list.push(e);
  }
  const analysts: AnalystHistoryScore[] = [];
  for (const [analystId, list] of byAnalyst) {
    const scores = scoreQuestion(list, h.trueId, h.resolvedAt);
    if (scores) analysts.push({ analystId, scores, estimates: list.length, lastAt: list[list.length - 1]!.at });
  }
  const team = pooledSeries({ estimates: before, openSets: h.openSets, method: h.method, until: h.resolvedAt, withStanding: false });
  const scored = new Set([h.trueId]);
  for (const e of before) for (const id of Object.keys(e.probabilities)) scored.add(id);
  const ordered = h.hypothesisIds.filter((id) => scored.has(id));
  return {
    hypothesisIds: [...new Set([...ordered, ...scored])],
    analysts,
    team: scoreQuestion(team, h.trueId, h.resolvedAt),
  };
}
