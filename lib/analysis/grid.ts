// The evidence × hypothesis grid of one question, from ratings already read: per cell the
// caller's rating, the team's (geometric mean of the analysts' likelihoods) and how far the
// analysts disagree; per row the weight and diagnosticity; per hypothesis the Heuer scores
// and the evidence-implied probabilities. Pure — the services read, this computes.
// NA, and an unrated cell in a rated row, is a likelihood factor of 1 throughout: in the
// team cell, the diagnosticity, the implied probabilities and sensitivity alike.
import {
  diagnosticity,
  evidenceWeight,
  impliedProbabilities,
  inconsistencyScores,
  likelihoodOf,
  ratingSpread,
  teamLikelihood,
  LIKELIHOOD_FLOOR,
  type Consistency,
  type Credibility,
  type InconsistencyScore,
  type Probabilities,
  type Reliability,
  type RatingSpread,
  type SensitivityRow,
} from "@/lib/math";

export interface GridRating {
  evidenceId: string;
  hypothesisId: string;
  analystId: string;
  consistency: Consistency;
  /** The explicit P(E|H) the analyst gave, if any. */
  likelihood: number | null;
}

export interface GridEvidence {
  id: string;
  reliability: Reliability;
  credibility: Credibility;
  retracted: boolean;
}

export interface MineCell {
  consistency: Consistency;
  /** The likelihood the rating stands for (explicit, else the ACH mapping); null for NA. */
  likelihood: number | null;
  explicitLikelihood: number | null;
}

export interface TeamCell {
  /** The label nearest the team likelihood; "NA" when everyone said NA; null when unrated. */
  consistency: Consistency | null;
  /**
   * Geometric mean of the analysts' likelihoods, an NA counting 1 (no information, as in
   * the implied probabilities); null when everyone said NA or nobody rated the cell.
   */
  likelihood: number | null;
  /** Analysts who rated the cell other than NA (the mean is over all `ratedBy`). */
  count: number;
  /** How many analysts rated the cell at all, NA included. */
  ratedBy: number;
}

export interface GridCell {
  hypothesisId: string;
  mine: MineCell | null;
  team: TeamCell;
  disagreement: RatingSpread;
}

export interface GridRow<E extends GridEvidence = GridEvidence> {
  evidence: E;
  weight: number;
  /** Bits, from the caller's ratings. */
  diagnosticity: number;
  /** Bits, from the team's likelihoods. */
  teamDiagnosticity: number;
  cells: GridCell[];
}

export interface GridScores {
  scores: Record<string, InconsistencyScore>;
  implied: Probabilities;
  /** Rows with weight > 0 and at least one rated (non-NA) cell: what the posterior rests on. */
  informativeRows: number;
}

export interface Grid<E extends GridEvidence = GridEvidence> {
  rows: GridRow<E>[];
  mine: GridScores;
  team: GridScores;
  /** Distinct analysts with at least one rating in the grid. */
  raters: number;
}

const LABELS: readonly Exclude<Consistency, "NA">[] = ["II", "I", "N", "C", "CC"]; // log2 L = −2 … 2

/**
 * The ACH label whose likelihood (CC 4, C 2, N 1, I ½, II ¼) is nearest on the log scale.
 * A value exactly between two labels goes to the one nearer N: the team average of C and
 * CC is C, of N and I is N — an average should not read more extreme than its parts.
 */
export function nearestConsistency(likelihood: number): Exclude<Consistency, "NA"> {
  const x = Math.log2(Math.max(LIKELIHOOD_FLOOR, likelihood));
  // round half toward zero; the epsilon keeps 1.5000000000000002 (√8) a tie
  const steps = Math.min(2, Math.max(0, Math.ceil(Math.abs(x) - 0.5 - 1e-9)));
  return LABELS[2 + Math.sign(x) * steps]!;
}

/**
 * The team's view of one cell from every analyst's rating of it. An analyst's NA enters
 * the geometric mean as 1: leaving it out would let one analyst's C speak for a team whose
 * other member judged the item irrelevant to this hypothesis ({C, NA} → √2, not 2).
 */
export function teamCell(ratings: readonly Pick<GridRating, "consistency" | "likelihood">[]): TeamCell {
  const ls: number[] = [];
  let count = 0;
  for (const r of ratings) {
    const l = likelihoodOf(r.consistency, r.likelihood);
    if (l !== null) count += 1;
    ls.push(l ?? 1);
  }
  // all NA: nothing to average, and "NA" says more than a likelihood of 1 would
  const likelihood = count === 0 ? null : teamLikelihood(ls);
  return {
    consistency: likelihood === null ? (ratings.length > 0 ? "NA" : null) : nearestConsistency(likelihood),
    likelihood,
    count,
    ratedBy: ratings.length,
  };
}

interface ScoreRow {
  weight: number;
  /** Whether any cell has a likelihood (a rating other than NA). */
  rated: boolean;
  labels: Record<string, Consistency | undefined>;
  likelihoods: Record<string, number | null>;
}

function scoresOf(
  rows: readonly ScoreRow[],
  hypothesisIds: readonly string[],
): GridScores {
  let informativeRows = 0;
  for (const r of rows) if (r.weight > 0 && r.rated) informativeRows += 1;
  return {
    scores: inconsistencyScores(
      rows.map((r) => ({ weight: r.weight, ratings: r.labels })),
      hypothesisIds,
    ),
    implied: impliedProbabilities(rows, hypothesisIds),
    informativeRows,
  };
}

// Most cells of a large matrix are unrated: they share these (frozen) values.
const EMPTY_TEAM: TeamCell = Object.freeze({ consistency: null, likelihood: null, count: 0, ratedBy: 0 });
const NO_SPREAD: RatingSpread = Object.freeze({ spread: null, label: null });

/**
 * Build the grid. `ratings` are the latest per (evidence, hypothesis, analyst); ratings of
 * items or hypotheses not listed are ignored. Rows keep the order of `evidence`.
 */
export function buildGrid<E extends GridEvidence>(
  evidence: readonly E[],
  hypothesisIds: readonly string[],
  ratings: readonly GridRating[],
  actorId: string,
): Grid<E> {
  // each listed item's ratings, by column (the hypothesis's place in hypothesisIds)
  const column = new Map<string, number>();
  hypothesisIds.forEach((h, j) => column.set(h, j));
  const byEvidence = new Map<string, GridRating[][]>();
  const raters = new Set<string>();
  for (const r of ratings) {
    const j = column.get(r.hypothesisId);
    if (j === undefined) continue;
    raters.add(r.analystId);
    let columns = byEvidence.get(r.evidenceId);
    if (!columns) byEvidence.set(r.evidenceId, (columns = hypothesisIds.map(() => [])));
    columns[j]!.push(r);
  }

  // Only rated rows enter the scores: an unrated row adds nothing to either.
  const mineInput: ScoreRow[] = [];
  const teamInput: ScoreRow[] = [];
  const rows: GridRow<E>[] = evidence.map((ev) => {
    const weight = evidenceWeight(ev.reliability, ev.credibility, ev.retracted);
    const columns = byEvidence.get(ev.id);
    if (!columns) {
      const cells = hypothesisIds.map((h) => ({ hypothesisId: h, mine: null, team: EMPTY_TEAM, disagreement: NO_SPREAD }));
      return { evidence: ev, weight, diagnosticity: 0, teamDiagnosticity: 0, cells };
    }
    const mine: ScoreRow = { weight, rated: false, labels: {}, likelihoods: {} };
    const team: ScoreRow = { weight, rated: false, labels: {}, likelihoods: {} };
    const mineLikelihoods: (number | null)[] = [];
    const teamLikelihoods: (number | null)[] = [];
    const cells: GridCell[] = hypothesisIds.map((h) => {
      const here = columns[column.get(h)!]!;
      if (here.length === 0) {
        mine.likelihoods[h] = null;
        team.likelihoods[h] = null;
        mineLikelihoods.push(null);
        teamLikelihoods.push(null);
        return { hypothesisId: h, mine: null, team: EMPTY_TEAM, disagreement: NO_SPREAD };
      }
      const own = here.find((r) => r.analystId === actorId);
      const mineCell: MineCell | null = own
        ? { consistency: own.consistency, likelihood: likelihoodOf(own.consistency, own.likelihood), explicitLikelihood: own.likelihood }
        : null;
      const t = teamCell(here);
      mine.labels[h] = mineCell?.consistency;
      mine.likelihoods[h] = mineCell?.likelihood ?? null;
      team.labels[h] = t.consistency ?? undefined;
      team.likelihoods[h] = t.likelihood;
      mineLikelihoods.push(mineCell?.likelihood ?? null);
      teamLikelihoods.push(t.likelihood);
      if (mineCell?.likelihood != null) mine.rated = true;
      if (t.likelihood !== null) team.rated = true;
      return { hypothesisId: h, mine: mineCell, team: t, disagreement: here.length < 2 ? NO_SPREAD : ratingSpread(here.map((r) => r.consistency)) };
    });
    mineInput.push(mine);
    teamInput.push(team);
    return {
      evidence: ev,
      weight,
      diagnosticity: diagnosticity(mineLikelihoods, weight),
      teamDiagnosticity: diagnosticity(teamLikelihoods, weight),
      cells,
    };
  });

  return { rows, mine: scoresOf(mineInput, hypothesisIds), team: scoresOf(teamInput, hypothesisIds), raters: raters.size };
}

/** The rows the implied probabilities rest on, for sensitivity: the caller's or the team's likelihoods. */
export function sensitivityRows(grid: Grid, scope: "mine" | "team"): SensitivityRow[] {
  const out: SensitivityRow[] = [];
  for (const row of grid.rows) {
    if (!(row.weight > 0)) continue;
    const likelihoods: Record<string, number | null> = {};
    let rated = false;
    for (const c of row.cells) {
      const l = scope === "mine" ? (c.mine?.likelihood ?? null) : c.team.likelihood;
      likelihoods[c.hypothesisId] = l;
      if (l !== null) rated = true;
    }
    // an item nobody rated (or rated NA throughout) cannot move anything: effect 0
    if (rated) out.push({ id: row.evidence.id, weight: row.weight, likelihoods });
  }
  return out;
}
