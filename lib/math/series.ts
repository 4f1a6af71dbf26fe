// A question's probabilities over time: after every estimate, each analyst's standing
// estimate and the team's pool of them. Step-shaped: a value holds until the next estimate.
import { geometricMeanPool } from "./aggregation";
import { restrictToOpen, type Probabilities } from "./probability";

export interface SeriesEstimate {
  at: number;
  analystId: string;
  probabilities: Probabilities;
}

export interface SeriesPoint {
  at: number;
  /** The estimate that made this point. */
  analystId: string;
  team: Probabilities;
  /** Every analyst's standing estimate at this moment, over the open hypotheses. */
  standing: Record<string, Probabilities>;
}

export function probabilitySeries(estimates: readonly SeriesEstimate[], openIds: readonly string[]): SeriesPoint[] {
  const sorted = [...estimates].sort((a, b) => a.at - b.at);
  const raw = new Map<string, Probabilities>();
  const out: SeriesPoint[] = [];
  for (const e of sorted) {
    raw.set(e.analystId, e.probabilities);
    const team = geometricMeanPool([...raw.values()], openIds);
    const standing = Object.fromEntries([...raw].map(([a, p]) => [a, restrictToOpen(p, openIds).probabilities]));
    if (team) out.push({ at: e.at, analystId: e.analystId, team, standing });
  }
  return out;
}
