// The whole scenario as one document: the question tree with each hypothesis's team
// probability (normalised geometric mean of standing estimates) and the caller's own,
// and outcomes with the summed probability of every path that reaches them.
import "server-only";
import type { Store } from "@/db/store";
import type { Row } from "@/db/types";
import { aggregate, disagreement, restrictToOpen, outcomeProbability, type PoolMethod, type TreeQuestion } from "@/lib/math";
import { openHypothesisIds, questionTreeAt } from "@/lib/asof/questions";
import { standingEstimatesOf } from "@/lib/asof/estimates";
import { outcomesAt, recordedStateAt } from "@/lib/asof/recorded";
import { resolutionsAt } from "@/lib/asof/resolutions";
import { hides } from "@/lib/elicitation/hidden";
import type { Role } from "@/lib/access/service";

export interface HypothesisView {
  id: string;
  questionId: string;
  title: string;
  description: string;
  status: "open" | "archived";
  version: number;
  createdAt: string;
  probability: number | null;
  myProbability: number | null;
}

export interface QuestionView {
  id: string;
  title: string;
  description: string;
  /** How the answer will be judged. */
  resolutionCriteria: string;
  /** When the answer should be known; null: open-ended. */
  resolveBy: string | null;
  /** Past its resolve-by date (as of the time read) and still open. */
  overdue: boolean;
  /**
   * Independent judgments: the caller has not estimated this question yet, so the team's
   * figures (and everyone's estimates) are withheld — probabilities null.
   */
  teamHidden: boolean;
  parentHypothesisId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  analysts: number;
  disagreement: number | null;
  /** When the caller last estimated, and whether hypotheses were added since. */
  myEstimate: { at: string; needsReview: boolean } | null;
  /** Set when the question is resolved or annulled (as of `asOf`): the answer in force. */
  resolution: {
    hypothesisId: string | null;
    annulled: boolean;
    note: string;
    /** When it closed; a correction keeps this moment. */
    at: string;
    /** Annulled (or reopened) automatically because of a parent question's resolution. */
    automatic: boolean;
    /** The answer in force replaced an earlier one (with a reason). */
    corrected: boolean;
  } | null;
  hypotheses: HypothesisView[];
}

export interface OutcomeView {
  id: string;
  title: string;
  description: string;
  hypothesisIds: string[];
  version: number;
  createdAt: string;
  probability: number | null;
}

export interface ScenarioView {
  id: string;
  title: string;
  summary: string;
  version: number;
  role: Role;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
  asOf: string | null;
  /** Independent judgments: analysts see nobody's figures on a question until they have estimated it. */
  independentElicitation: boolean;
  /** How analysts' probabilities are pooled into the team's (geometric mean by default). */
  method: PoolMethod;
  questions: QuestionView[];
  outcomes: OutcomeView[];
}

type ScenarioRow = Row<"scenarios">;

export async function buildScenarioView(
  store: Store,
  scenario: ScenarioRow,
  role: Role,
  actorId: string,
  asOf?: Date,
  method: PoolMethod = "geometric",
): Promise<ScenarioView> {
  const tree = await questionTreeAt(store, scenario.id, asOf);
  const ids = tree.map((q) => q.id);
  const [resolutions, standingBy] = await Promise.all([resolutionsAt(store, ids, asOf), standingEstimatesOf(store, ids, asOf)]);
  const hiding = { independentElicitation: scenario.independentElicitation, role, actorId };
  const at = (asOf ?? store.now()).getTime();
  const questions: QuestionView[] = [];
  const treeForOutcomes: TreeQuestion[] = [];

  for (const q of tree) {
    const open = openHypothesisIds(q);
    const standing = standingBy.get(q.id)!;
    const mine = standing.find((e) => e.analystId === actorId);
    const resolution = resolutions.get(q.id)!;
    // the standing estimates and the resolution in hand say all the rule needs
    const teamHidden = hides(hiding, mine !== undefined, resolution.status);
    const team = teamHidden ? null : aggregate(method, standing.map((e) => e.probabilities), open);
    const myRestricted = mine ? restrictToOpen(mine.probabilities, open) : null;

    const hypotheses: HypothesisView[] = q.hypotheses.map((h) => ({
      id: h.id,
      questionId: q.id,
      title: h.title,
      description: h.description,
      status: h.status,
      version: h.version,
      createdAt: h.createdAt.toISOString(),
      probability: h.status === "open" && team ? (team[h.id] ?? null) : null,
      // a hypothesis the caller's estimate never gave (added since) has no figure of theirs
      myProbability: h.status === "open" && myRestricted && !myRestricted.missing.includes(h.id) ? (myRestricted.probabilities[h.id] ?? null) : null,
    }));

    questions.push({
      id: q.id,
      title: q.title,
      description: q.description,
      resolutionCriteria: q.resolutionCriteria,
      resolveBy: q.resolveBy ? q.resolveBy.toISOString() : null,
      overdue: resolution.status === "open" && q.resolveBy !== null && q.resolveBy.getTime() < at,
      teamHidden,
      parentHypothesisId: q.parentHypothesisId,
      version: q.version,
      createdAt: q.createdAt.toISOString(),
      updatedAt: q.updatedAt.toISOString(),
      analysts: standing.length,
      disagreement: teamHidden ? null : disagreement(standing.map((e) => e.probabilities), open),
      myEstimate: mine && myRestricted ? { at: mine.createdAt.toISOString(), needsReview: myRestricted.missing.length > 0 } : null,
      resolution:
        resolution.status === "open"
          ? null
          : {
              hypothesisId: resolution.hypothesisId,
              annulled: resolution.status === "annulled",
              note: resolution.current!.note,
              at: resolution.closedAt!.toISOString(),
              automatic: resolution.automatic,
              corrected: resolution.current!.correctionReason !== null,
            },
      hypotheses,
    });
    treeForOutcomes.push({
      id: q.id,
      parentHypothesisId: q.parentHypothesisId,
      // archived hypotheses carry no mass once standing estimates are renormalised
      hypotheses: hypotheses.map((h) => ({ id: h.id, probability: h.status === "archived" ? 0 : h.probability })),
    });
  }

  const outcomeRows = await outcomesAt(store, scenario.id, asOf);
  const known = new Set(treeForOutcomes.flatMap((q) => q.hypotheses.map((h) => h.id)));
  const outcomes: OutcomeView[] = outcomeRows.map((o) => {
    const ids = o.hypothesisIds.filter((id) => known.has(id));
    return {
      id: o.id,
      title: o.title,
      description: o.description,
      hypothesisIds: o.hypothesisIds,
      version: o.version,
      createdAt: o.createdAt.toISOString(),
      probability: ids.length > 0 ? outcomeProbability(ids, treeForOutcomes) : null,
    };
  });

  // As of a past time, the title and summary are those the audit log recorded then.
  const recorded = asOf ? await recordedStateAt(store, scenario.id, ["scenario.created", "scenario.updated"], asOf) : null;
  return {
    id: scenario.id,
    title: typeof recorded?.title === "string" ? recorded.title : scenario.title,
    summary: typeof recorded?.summary === "string" ? recorded.summary : scenario.summary,
    // scenario.created records no version: that state is version 1
    version: recorded ? (typeof recorded.version === "number" ? recorded.version : 1) : scenario.version,
    role,
    isDemo: scenario.isDemo,
    createdAt: scenario.createdAt.toISOString(),
    updatedAt: scenario.updatedAt.toISOString(),
    asOf: asOf ? asOf.toISOString() : null,
    independentElicitation: scenario.independentElicitation,
    method,
    questions,
    outcomes,
  };
}
