// The brief's shape: sections whose figures are numbers and, beside them, the text the screens
// print for them (lib/brief/compose.ts fills it in; the page and the Markdown render it).
import type { ScenarioView } from "@/lib/scenarios/tree";
import type { Matrix } from "@/lib/analysis/matrix";
import type { Scores } from "@/lib/analysis/scores";
import type { Diff } from "@/lib/analysis/diff";
import type { IndicatorOut, IndicatorStatus } from "@/lib/indicators/service";
import type { AssumptionOut, AssumptionStatus } from "@/lib/assumptions/service";
import type { StandingEstimate } from "@/lib/estimates/standing";
import type { PoolMethod } from "@/lib/math";

export interface BriefInput {
  view: ScenarioView;
  /** The matrix of each question of the view (as of the same moment, for the same caller). */
  matrices: readonly Matrix[];
  /** Each question's standing estimates as the caller may see them, by question id. */
  standing: Readonly<Record<string, readonly StandingEstimate[]>>;
  scores: Scores | null;
  /** The diff from `since` to the moment described; null without `since`. */
  diff: Diff | null;
  indicators: readonly IndicatorOut[];
  assumptions: readonly AssumptionOut[];
  /** The moment described (asOf, else when it was read), ISO. */
  at: string;
}

export type SpreadLabel = "low" | "moderate" | "high";

export interface BriefJudgment {
  hypothesisId: string;
  title: string;
  probability: number | null;
  /** "62 %" as the overview prints it; "—" without an estimate. */
  percent: string;
  /** ICD 203 words ("likely"), or "no estimate". */
  words: string;
  /** The lowest and highest figure any analyst gave it ("30 %–45 %"); null with fewer than two analysts. */
  range: { min: number; max: number; text: string } | null;
}

export interface BriefEvidence {
  id: string;
  summary: string;
  reliability: string;
  credibility: number;
  /** "B2" */
  grade: string;
  weight: number;
  diagnosticity: number;
  /** "1.6 bits" as the matrix prints it. */
  bits: string;
  /** The team's reading against each hypothesis ("C" / "II"), rated cells only. */
  readings: { hypothesisId: string; title: string; consistency: string }[];
}

export interface BriefResolution {
  annulled: boolean;
  hypothesisId: string | null;
  /** The true answer's title; null when annulled. */
  answer: string | null;
  at: string;
  note: string;
  automatic: boolean;
  corrected: boolean;
}

export interface BriefQuestion {
  id: string;
  /** "Q2", numbered as the overview numbers them. */
  label: string;
  title: string;
  /** Depth in the tree: 0 for a root question. */
  depth: number;
  /** A conditional question: the hypothesis it hangs under, and that hypothesis's question. */
  given: { hypothesisTitle: string; questionLabel: string } | null;
  /** Independent judgments: the caller has not estimated it yet, so no team figure is given. */
  hidden: boolean;
  analysts: number;
  disagreement: number | null;
  /** The overview's label of the disagreement ("spread moderate"). */
  spread: SpreadLabel | null;
  /** The open hypothesis the team rates highest; null without figures. */
  lead: BriefJudgment | null;
  /** Every open hypothesis, in the question's order. */
  judgments: BriefJudgment[];
  resolution: BriefResolution | null;
  /** Up to DIAGNOSTIC_TOP items by the team's diagnosticity, largest first; [] when hidden. */
  diagnostic: BriefEvidence[];
}

export interface BriefOutcome {
  id: string;
  title: string;
  probability: number | null;
  percent: string;
  words: string;
}

export interface BriefChange {
  hypothesisId: string;
  title: string;
  from: string;
  to: string;
  /** "▲15" / "▼15" / "±0", as the screens print a move. */
  points: string;
  delta: number;
}

export interface BriefMove {
  questionId: string;
  label: string;
  title: string;
  hidden: boolean;
  /** The team's figures then → now; [] when they did not move (or are hidden). */
  team: BriefChange[];
  analysts: {
    name: string;
    at: string;
    count: number;
    changes: BriefChange[];
    rationale: string;
    evidence: BriefEvidenceRef[];
  }[];
}

export interface BriefEvidenceRef {
  id: string;
  summary: string;
  grade: string | null;
}

export interface BriefMoved {
  since: string;
  to: string;
  questions: BriefMove[];
  /** Evidence logged in the window, oldest first. */
  evidence: (BriefEvidenceRef & { createdAt: string; retracted: boolean })[];
}

export interface BriefIndicator {
  id: string;
  title: string;
  description: string;
  direction: "supports" | "undermines";
  hypothesisTitle: string;
  questionLabel: string;
  observedAt: string | null;
  evidence: BriefEvidenceRef[];
}

export interface BriefAssumption {
  id: string;
  statement: string;
  status: AssumptionStatus;
  note: string;
}

export interface BriefScoreLine {
  name: string;
  brier: string;
  logScore: string;
  timeAveragedBrier: string;
  /** Estimates made before resolution; null for the team. */
  estimates: number | null;
}

export interface BriefScored {
  questionId: string;
  label: string;
  title: string;
  resolution: BriefResolution;
  /** null when annulled, or when the scores of the answer in force then are not the ones read. */
  team: (BriefScoreLine & { analysts: number }) | null;
  analysts: BriefScoreLine[];
}

export interface Brief {
  scenarioId: string;
  title: string;
  summary: string;
  /** The moment described. */
  at: string;
  /** Set when the brief describes a past moment (asOf). */
  asOf: string | null;
  since: string | null;
  method: PoolMethod;
  independentElicitation: boolean;
  /** Questions in tree order (each root, then what hangs under its hypotheses). */
  questions: BriefQuestion[];
  outcomes: BriefOutcome[];
  moved: BriefMoved | null;
  indicators: { status: IndicatorStatus; label: string; items: BriefIndicator[] }[];
  assumptions: { questionId: string; label: string; title: string; items: BriefAssumption[] }[];
  resolutions: BriefScored[];
}
