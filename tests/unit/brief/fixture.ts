// A small scenario as the services would hand it to composeBrief: hand-built objects, figures
// worked by hand in the comments (no database).
//   Q1 "Inside help?" (Yes / No): Ana 60/40, Ben 80/20. Geometric pool: √(.6·.8) = .69282,
//      √(.4·.2) = .28284, normalised by .97566 → Yes .71010, No .28990. Disagreement: the
//      population SD per hypothesis is .1 for both → .1 ("moderate").
//   Q2 "Why silent?" given Yes (A / B), resolved A, scored.
//   Q3 "Main aim?" (X / Y): hidden from the caller (independent judgments).
import type { BriefInput } from "@/lib/brief/types";
import type { HypothesisView, QuestionView, ScenarioView } from "@/lib/scenarios/tree";
import type { Matrix, MatrixEvidence } from "@/lib/analysis/matrix";
import type { StandingEstimate } from "@/lib/estimates/standing";
import type { Consistency } from "@/lib/math";
import { hypothesisView, questionView } from "../../support/views";

export const AT = "2026-02-01T12:00:00.000Z";
export const SINCE = "2026-01-01T00:00:00.000Z";
const EARLY = "2025-12-01T00:00:00.000Z";

const hyp = (id: string, questionId: string, title: string, probability: number | null, status: "open" | "archived" = "open"): HypothesisView =>
  hypothesisView({ id, questionId, title, probability, status, createdAt: EARLY });

const question = (id: string, title: string, hypotheses: HypothesisView[], extra: Partial<QuestionView> = {}): QuestionView =>
  questionView({ id, title, hypotheses, createdAt: EARLY, ...extra });

export const Q1_YES = 0.6928203230275509 / (0.6928203230275509 + 0.28284271247461906);

export function view(): ScenarioView {
  return {
    id: "s1",
    title: "Embassy | attack *review*",
    summary: "# Not a heading\n\nSecond paragraph.",
    version: 1,
    role: "editor",
    isDemo: false,
    createdAt: EARLY,
    updatedAt: EARLY,
    asOf: null,
    independentElicitation: true,
    method: "geometric",
    questions: [
      question("q1", "Inside help?", [hyp("h1", "q1", "Yes", Q1_YES), hyp("h2", "q1", "No", 1 - Q1_YES), hyp("h0", "q1", "Dropped", null, "archived")], {
        analysts: 2,
        disagreement: 0.1,
      }),
      // listed before its parent's question would be, to check the tree order
      question("q3", "Main aim?", [hyp("h5", "q3", "X", null), hyp("h6", "q3", "Y", null)], { analysts: 2, teamHidden: true }),
      question("q2", "Why silent?", [hyp("h3", "q2", "A", 0.9), hyp("h4", "q2", "B", 0.1)], {
        parentHypothesisId: "h1",
        analysts: 1,
        disagreement: 0,
        resolution: { hypothesisId: "h3", annulled: false, note: "Confirmed", at: "2026-01-20T00:00:00.000Z", automatic: false, corrected: false },
      }),
    ],
    outcomes: [
      { id: "o1", title: "Cooperation", description: "", hypothesisIds: ["h3"], version: 1, createdAt: EARLY, probability: Q1_YES * 0.9 },
      { id: "o2", title: "Distrust", description: "", hypothesisIds: ["h5"], version: 1, createdAt: EARLY, probability: null },
    ],
  };
}

function evidence(id: string, summary: string, grade: [string, number], teamDiagnosticity: number | null, team: Record<string, Consistency> = {}, extra: Partial<MatrixEvidence> = {}): MatrixEvidence {
  return {
    id,
    summary,
    reliability: grade[0],
    credibility: grade[1],
    version: 1,
    sourceId: null,
    occurredAt: null,
    createdAt: EARLY,
    retracted: false,
    retractedAt: null,
    weight: 0.64,
    diagnosticity: 0,
    teamDiagnosticity,
    cells: Object.entries(team).map(([hypothesisId, consistency]) => ({
      hypothesisId,
      mine: null,
      team: { consistency, likelihood: 1, count: 1, ratedBy: 1 },
      disagreement: { spread: null, label: null },
    })),
    ...extra,
  };
}

function matrix(questionId: string, hypotheses: [string, string][], rows: MatrixEvidence[], teamHidden = false): Matrix {
  return {
    questionId,
    questionTitle: questionId,
    scenarioId: "s1",
    asOf: null,
    method: "geometric",
    raters: 2,
    forecasters: 2,
    gapFlag: null,
    teamGapFlag: null,
    myEstimate: null,
    teamHidden,
    sort: "logged",
    hypotheses: hypotheses.map(([id, title]) => ({
      id,
      title,
      inconsistency: 0,
      inconsistencyCount: 0,
      rank: 1,
      teamInconsistency: null,
      teamInconsistencyCount: null,
      teamRank: null,
      impliedProbability: 0.5,
      teamImpliedProbability: null,
      statedProbability: null,
      myStatedProbability: null,
      gap: null,
      gapFlag: null,
      teamGap: null,
      teamGapFlag: null,
    })),
    evidence: rows,
  };
}

/** Seven rows for Q1: the top five by team diagnosticity, ties in the matrix's order, skip 0 and retracted. */
export function q1Rows(): MatrixEvidence[] {
  return [
    evidence("e1", "Guard held", ["B", 2], 0.96, { h1: "C", h2: "II" }),
    evidence("e2", "Claim of responsibility", ["C", 3], 0.3),
    evidence("e3", "Nothing to tell", ["A", 1], 0),
    evidence("e4", "Withdrawn report", ["B", 2], 2, {}, { retracted: true, weight: 0 }),
    evidence("e5", "Second | suspect", ["A", 1], 1.5, { h1: "CC", h2: "I" }),
    evidence("e6", "Tie first", ["D", 4], 0.3),
    evidence("e7", "Tie later", ["E", 5], 0.3),
    evidence("e8", "New in window", ["F", 6], 0.04, {}, { createdAt: "2026-01-15T08:30:00.000Z" }),
  ];
}

function standing(analystId: string, name: string, probabilities: Record<string, number>): StandingEstimate {
  return { analystId, name, probabilities, rationale: "", evidenceIds: [], createdAt: EARLY, needsReview: false };
}

export function input(): BriefInput {
  return {
    view: view(),
    matrices: [
      matrix("q1", [["h1", "Yes"], ["h2", "No"]], q1Rows()),
      matrix("q3", [["h5", "X"], ["h6", "Y"]], q1Rows().map((e) => ({ ...e, teamDiagnosticity: null })), true),
      matrix("q2", [["h3", "A"], ["h4", "B"]], q1Rows().map((e) => ({ ...e, teamDiagnosticity: 0, cells: [] }))),
    ],
    standing: {
      // Ben gave a figure to the archived hypothesis too: dropped and renormalised (.72/.9 = .8)
      q1: [standing("u1", "Ana", { h1: 0.6, h2: 0.4 }), standing("u2", "Ben", { h1: 0.72, h2: 0.18, h0: 0.1 })],
      q2: [standing("u1", "Ana", { h3: 0.9, h4: 0.1 })],
      q3: [],
    },
    scores: {
      scenarioId: "s1",
      method: "geometric",
      items: [
        {
          questionId: "q2",
          title: "Why silent?",
          resolution: "h3",
          resolvedAt: "2026-01-20T00:00:00.000Z",
          note: "Confirmed",
          hypothesisIds: ["h3", "h4"],
          analysts: [{ analystId: "u1", name: "Ana", brier: 0.02, logScore: 0.15200309344504997, timeAveragedBrier: 0.0456, estimates: 2, lastEstimateAt: EARLY }],
          team: { brier: 0.02, logScore: 0.15200309344504997, timeAveragedBrier: 0.12345, analysts: 1 },
        },
      ],
    },
    diff: {
      scenarioId: "s1",
      from: SINCE,
      to: AT,
      method: "geometric",
      questions: [
        {
          questionId: "q1",
          title: "Inside help? (current title)",
          changes: [
            { hypothesisId: "h1", title: "Yes", from: 0.5, to: Q1_YES, delta: Q1_YES - 0.5 },
            { hypothesisId: "h2", title: "No", from: 0.5, to: 1 - Q1_YES, delta: 0.5 - Q1_YES },
          ],
          moved: true,
          estimates: [
            {
              analystId: "u2",
              analystName: "Ben",
              at: "2026-01-16T09:00:00.000Z",
              changes: [
                { hypothesisId: "h1", title: "Yes", from: 0.5, to: 0.8, delta: 0.30000000000000004 },
                { hypothesisId: "h2", title: "No", from: 0.5, to: 0.2, delta: -0.3 },
              ],
              rationale: "The guard's arrest *changes* things",
              evidenceIds: ["e1", "gone"],
              count: 2,
            },
          ],
        },
        {
          questionId: "q3",
          title: "Main aim?",
          changes: [{ hypothesisId: "h5", title: "X", from: 0.5, to: 0.7, delta: 0.2 }],
          moved: true,
          estimates: [{ analystId: "u1", analystName: "Ana", at: "2026-01-10T00:00:00.000Z", changes: [], rationale: "secret", evidenceIds: [], count: 1 }],
        },
      ],
      items: [],
      nextCursor: null,
    },
    indicators: [
      indicator("i1", "h1", "q1", "Guard questioned", "watching", []),
      indicator("i2", "h2", "q1", "Second claim", "observed", ["e5"], "2026-01-12T00:00:00.000Z"),
      indicator("i3", "h3", "q2", "Old lead", "retired", []),
    ],
    assumptions: [
      { id: "a1", scenarioId: "s1", questionId: "q1", statement: "The guard was on duty", status: "caveated", note: "one source", version: 2, createdBy: "u1", createdAt: EARLY, updatedAt: EARLY },
      { id: "a2", scenarioId: "s1", questionId: "q2", statement: "Sharing was possible", status: "solid", note: "", version: 1, createdBy: "u1", createdAt: EARLY, updatedAt: EARLY },
    ],
    at: AT,
  };
}

function indicator(id: string, hypothesisId: string, questionId: string, title: string, status: "watching" | "observed" | "not_observed" | "retired", evidenceIds: string[], observedAt: string | null = null) {
  return {
    id,
    scenarioId: "s1",
    hypothesisId,
    questionId,
    title,
    description: status === "observed" ? "Police name a second man" : "",
    direction: status === "observed" ? ("undermines" as const) : ("supports" as const),
    status,
    evidenceIds,
    observedAt,
    version: 1,
    createdBy: "u1",
    createdAt: EARLY,
    updatedAt: EARLY,
  };
}
