// The ACH matrix of one question, now or as of a past time: every evidence item of the
// scenario × the question's open hypotheses, with the caller's ratings and the team's,
// Heuer scores, diagnosticity, evidence-implied probabilities beside the stated ones, and
// how far analysts disagree per cell.
import "server-only";
import type { Store } from "@/db/store";
import { notFound, unprocessable } from "@/lib/errors";
import { requireActor, requireRole, type Actor } from "@/lib/access/service";
import { evidenceAt, type EvidenceState } from "@/lib/asof/evidence";
import { standingEstimates } from "@/lib/asof/estimates";
import { hypothesesAt, questionAt, type HypothesisState, type QuestionState } from "@/lib/asof/questions";
import { cellRatingsAt } from "@/lib/asof/ratings";
import { questionHidden } from "@/lib/elicitation/hidden";
import { aggregate, impliedGapFlag, restrictToOpen, type Credibility, type PoolMethod, type Probabilities } from "@/lib/math";
import { DEFAULT_PAGE } from "@/lib/paging";
import { buildGrid, type Grid, type GridCell, type GridRow } from "./grid";
import { pageRows, sortRows, type OrderedRow } from "./matrix-order";
import type { MatrixQuery, MatrixSort } from "./schema";

type GridItem = EvidenceState & { credibility: Credibility; retracted: boolean };

export interface QuestionGrid {
  question: QuestionState;
  hypotheses: HypothesisState[];
  grid: Grid<GridItem>;
}

/**
 * Read and build the grid of a question in a scenario the caller may read (checked by the
 * caller of this function). A question of another scenario is 404; one created after
 * `asOf` is 422.
 */
export async function loadQuestionGrid(
  store: Store,
  actorId: string,
  scenarioId: string,
  questionId: string,
  asOf?: Date,
): Promise<QuestionGrid> {
  const question = await questionAt(store, questionId, asOf);
  if (question === null || (question !== "later" && question.scenarioId !== scenarioId)) throw notFound("Question");
  if (question === "later") {
    throw unprocessable("The question did not exist yet at that time", [{ path: "asOf", message: "is before the question was created" }]);
  }
  const [all, evidence] = await Promise.all([hypothesesAt(store, { questionIds: [questionId] }, asOf), evidenceAt(store, scenarioId, asOf)]);
  const hypotheses = all.filter((h) => h.status === "open");
  const openIds = hypotheses.map((h) => h.id);
  const ratings = await cellRatingsAt(
    store,
    evidence.map((e) => e.id),
    openIds,
    asOf,
  );
  const items: GridItem[] = evidence.map((e) => ({ ...e, credibility: e.credibility as Credibility, retracted: e.retractedAt !== null }));
  return { question, hypotheses, grid: buildGrid(items, openIds, ratings, actorId) };
}

export interface MatrixHypothesis {
  id: string;
  title: string;
  inconsistency: number;
  inconsistencyCount: number;
  rank: number;
  /** The team's figures are null while they are hidden from the caller (`Matrix.teamHidden`). */
  teamInconsistency: number | null;
  teamInconsistencyCount: number | null;
  teamRank: number | null;
  impliedProbability: number;
  teamImpliedProbability: number | null;
  /** The team's stated probability: the pooled standing estimates. */
  statedProbability: number | null;
  myStatedProbability: number | null;
  /** myStated − implied, and whether it exceeds 20 points; null without both sides. */
  gap: number | null;
  gapFlag: boolean | null;
  teamGap: number | null;
  teamGapFlag: boolean | null;
}

export interface MatrixEvidence {
  id: string;
  summary: string;
  reliability: string;
  credibility: number;
  version: number;
  sourceId: string | null;
  occurredAt: string | null;
  createdAt: string;
  retracted: boolean;
  retractedAt: string | null;
  weight: number;
  diagnosticity: number;
  teamDiagnosticity: number | null;
  cells: MatrixCell[];
}

/** A cell: the caller's rating and the team's (null while the team's figures are hidden). */
export type MatrixCell = Omit<GridCell, "team" | "disagreement"> & { team: GridCell["team"] | null; disagreement: GridCell["disagreement"] | null };

export interface Matrix {
  questionId: string;
  questionTitle: string;
  scenarioId: string;
  /** The time the matrix was read as of; null = now. */
  asOf: string | null;
  method: PoolMethod;
  /** Analysts with a rating in this matrix; analysts with a standing estimate. */
  raters: number;
  forecasters: number;
  /** Whether any hypothesis's gap exceeds 20 points (null without both sides). */
  gapFlag: boolean | null;
  teamGapFlag: boolean | null;
  myEstimate: { at: string; needsReview: boolean } | null;
  /**
   * Independent judgments: the caller has not estimated this question yet, so every team
   * figure (cells, scores, implied and stated probabilities, diagnosticity) is null.
   */
  teamHidden: boolean;
  /** The order of `evidence`. */
  sort: MatrixSort;
  hypotheses: MatrixHypothesis[];
  evidence: MatrixEvidence[];
}

/** What the endpoint replies: the scores over every row, the rows a page at a time. */
export interface MatrixPage extends Matrix {
  /** Evidence rows of the whole matrix (every page). */
  evidenceCount: number;
  /** Pass as `cursor` (with the same `sort`) for the next rows; null on the last page. */
  nextCursor: string | null;
}

const gapOf = (stated: Probabilities | null, implied: Probabilities, id: string, usable: boolean) =>
  stated && usable ? (stated[id] ?? 0) - (implied[id] ?? 0) : null;

const flagOf = (stated: Probabilities | null, implied: Probabilities, ids: readonly string[], usable: boolean) =>
  stated && usable
    ? impliedGapFlag(
        Object.fromEntries(ids.map((id) => [id, stated[id] ?? 0])),
        Object.fromEntries(ids.map((id) => [id, implied[id] ?? 0])),
      )
    : null;

/** A grid row with what orders it: only the rows a reply carries are turned into MatrixEvidence. */
interface Ordered extends OrderedRow {
  row: GridRow<GridItem>;
}

/** The matrix but its rows; the rows in `query.sort` order, and how a row is replied. */
async function matrixOf(
  store: Store,
  actor: Actor | null,
  scenarioId: string,
  query: MatrixQuery,
): Promise<{ matrix: Omit<Matrix, "evidence">; rows: Ordered[]; evidenceOf: (row: Ordered) => MatrixEvidence }> {
  const a = requireActor(actor);
  const role = await requireRole(store, a, scenarioId, "viewer");
  const method: PoolMethod = query.method ?? "geometric";
  const sort: MatrixSort = query.sort ?? "logged";
  const { question, hypotheses, grid } = await loadQuestionGrid(store, a.id, scenarioId, query.questionId, query.asOf);
  const openIds = hypotheses.map((h) => h.id);
  const hidden = await questionHidden(store, scenarioId, question.id, a.id, role, query.asOf);
  const team_ = <T,>(v: T): T | null => (hidden ? null : v);

  const standing = await standingEstimates(store, question.id, query.asOf);
  const team = aggregate(
    method,
    standing.map((e) => e.probabilities),
    openIds,
  );
  const own = standing.find((e) => e.analystId === a.id);
  const mine = own ? restrictToOpen(own.probabilities, openIds) : null;
  const myStated = mine?.probabilities ?? null;
  // With no rating to rest on, the implied probabilities are just the uniform prior:
  // comparing an estimate with that would flag every confident analyst, so no flag.
  const myUsable = grid.mine.informativeRows > 0;
  const teamUsable = grid.team.informativeRows > 0;

  const matrix = {
    questionId: question.id,
    questionTitle: question.title,
    scenarioId,
    asOf: query.asOf ? query.asOf.toISOString() : null,
    method,
    raters: grid.raters,
    forecasters: standing.length,
    gapFlag: flagOf(myStated, grid.mine.implied, openIds, myUsable),
    teamGapFlag: team_(flagOf(team, grid.team.implied, openIds, teamUsable)),
    myEstimate: own && mine ? { at: own.createdAt.toISOString(), needsReview: mine.missing.length > 0 } : null,
    teamHidden: hidden,
    sort,
    hypotheses: hypotheses.map((h) => {
      const m = grid.mine.scores[h.id]!;
      const t = grid.team.scores[h.id]!;
      const gap = gapOf(myStated, grid.mine.implied, h.id, myUsable);
      const teamGap = gapOf(team, grid.team.implied, h.id, teamUsable);
      return {
        id: h.id,
        title: h.title,
        inconsistency: m.inconsistency,
        inconsistencyCount: m.inconsistencyCount,
        rank: m.rank,
        teamInconsistency: team_(t.inconsistency),
        teamInconsistencyCount: team_(t.inconsistencyCount),
        teamRank: team_(t.rank),
        impliedProbability: grid.mine.implied[h.id] ?? 0,
        teamImpliedProbability: team_(grid.team.implied[h.id] ?? 0),
        statedProbability: team && !hidden ? (team[h.id] ?? null) : null,
        myStatedProbability: myStated ? (myStated[h.id] ?? null) : null,
        gap,
        gapFlag: gap === null ? null : flagOf({ [h.id]: myStated![h.id] ?? 0 }, grid.mine.implied, [h.id], true),
        teamGap: team_(teamGap),
        teamGapFlag: hidden || teamGap === null ? null : flagOf({ [h.id]: team![h.id] ?? 0 }, grid.team.implied, [h.id], true),
      };
    }),
  };
  const rows = sortRows(
    grid.rows.map((r) => ({
      id: r.evidence.id,
      createdAt: r.evidence.createdAt.toISOString(),
      weight: r.weight,
      diagnosticity: r.diagnosticity,
      teamDiagnosticity: team_(r.teamDiagnosticity),
      row: r,
    })),
    sort,
  );
  const evidenceOf = ({ row: r, createdAt, teamDiagnosticity }: Ordered): MatrixEvidence => ({
    id: r.evidence.id,
    summary: r.evidence.summary,
    reliability: r.evidence.reliability,
    credibility: r.evidence.credibility,
    version: r.evidence.version,
    sourceId: r.evidence.sourceId,
    occurredAt: r.evidence.occurredAt ? r.evidence.occurredAt.toISOString() : null,
    createdAt,
    retracted: r.evidence.retracted,
    retractedAt: r.evidence.retractedAt ? r.evidence.retractedAt.toISOString() : null,
    weight: r.weight,
    diagnosticity: r.diagnosticity,
    teamDiagnosticity,
    cells: hidden ? r.cells.map((c) => ({ ...c, team: null, disagreement: null })) : r.cells,
  });
  return { matrix, rows, evidenceOf };
}

/** The matrix with every evidence row, in `query.sort` order (newest logged first by default). */
export async function readMatrix(store: Store, actor: Actor | null, scenarioId: string, query: MatrixQuery): Promise<Matrix> {
  const { matrix, rows, evidenceOf } = await matrixOf(store, actor, scenarioId, query);
  return { ...matrix, evidence: rows.map(evidenceOf) };
}

/**
 * GET …/matrix: the scores over all rows, `limit` rows (default 100) after `cursor` — or,
 * with `evidenceId`, that item's row alone (none when the matrix has no such row).
 */
export async function getMatrix(store: Store, actor: Actor | null, scenarioId: string, query: MatrixQuery): Promise<MatrixPage> {
  const { matrix, rows, evidenceOf } = await matrixOf(store, actor, scenarioId, query);
  const page = query.evidenceId
    ? { items: rows.filter((r) => r.id === query.evidenceId), nextCursor: null }
    : pageRows(rows, matrix.sort, query.limit ?? DEFAULT_PAGE, query.cursor);
  return { ...matrix, evidence: page.items.map(evidenceOf), evidenceCount: rows.length, nextCursor: page.nextCursor };
}
