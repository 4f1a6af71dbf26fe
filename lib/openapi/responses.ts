// Zod schemas of what the API answers, for the OpenAPI document (./document.ts). The services
// return plain TypeScript shapes, so these mirror them field for field — and the `Same<…>`
// checks at the bottom make `tsc` fail the moment a service shape and its schema drift
// apart (a field added, removed, renamed, made nullable or optional on either side).
// Requests need no mirror: the document is built from the very schemas that validate them.
import { z } from "zod";
import { consistency } from "@/lib/ratings/schema";
import { reliability } from "@/lib/evidence/schema";
import { role } from "@/lib/members/schema";
import { matrixSort, poolMethod } from "@/lib/analysis/schema";
import { documentShape } from "@/lib/transfer/format";
import { ASSUMPTION_STATUSES, HYPOTHESIS_STATUSES, INDICATOR_DIRECTIONS, INDICATOR_STATUSES } from "@/db/schema/define";
import type { Page } from "@/lib/paging";
import type { Me } from "@/lib/accounts/service";
import type { ScenarioSummary } from "@/lib/scenarios/service";
import type { HypothesisView, OutcomeView, QuestionView, ScenarioView } from "@/lib/scenarios/tree";
import type { Evidence, EvidenceDetail, EvidenceVersion } from "@/lib/evidence/read";
import type { Rating } from "@/lib/ratings/service";
import type { EstimateOut } from "@/lib/estimates/service";
import type { StandingEstimate } from "@/lib/estimates/standing";
import type { ResolutionOut } from "@/lib/resolutions/service";
import type { HypothesisOut, QuestionOut } from "@/lib/questions/service";
import type { OutcomeOut } from "@/lib/outcomes/service";
import type { IndicatorOut } from "@/lib/indicators/service";
import type { AssumptionOut } from "@/lib/assumptions/service";
import type { Source, SourceSummary } from "@/lib/sources/service";
import type { Member } from "@/lib/members/service";
import type { CreatedInvite, InviteOut, acceptInvite } from "@/lib/invites/service";
import type { AuditEvent } from "@/lib/audit/service";
import type { MatrixCell } from "@/lib/analysis/matrix";
import type { MatrixEvidence, MatrixHypothesis, MatrixPage } from "@/lib/analysis/matrix";
import type { AnalystScore, QuestionScore, Scores } from "@/lib/analysis/scores";
import type { Calibration } from "@/lib/analysis/calibration";
import type { Diff, DiffAnalyst, DiffItem, DiffQuestion } from "@/lib/analysis/diff";
import type { ProbabilityChange, RatingChange } from "@/lib/analysis/diff-format";
import type { Sensitivity } from "@/lib/analysis/sensitivity";
import type { QuestionSeries, SeriesPointOut } from "@/lib/analysis/question-series";
import type { CreatedToken, TokenOut } from "@/lib/tokens/service";
import type { FieldError } from "@/lib/errors";
import type { CalibrationBucket } from "@/lib/math";

// ---------------------------------------------------------------- building blocks

/**
 * A copy of `schema` named as a component of the document: every use of it there becomes a
 * `$ref` to `#/components/schemas/<id>`.
 */
const named = <T extends z.ZodType>(id: string, schema: T): T => schema.meta({ id });

const timestamp = z.iso.datetime({ offset: true });
const nullableTimestamp = timestamp.nullable();
const nullableString = z.string().nullable();
const probability = z.number().min(0).max(1);
const nullableProbability = probability.nullable();
const hypothesisStatus = z.enum(HYPOTHESIS_STATUSES);

export const Probabilities = named("Probabilities", z
  .record(z.string(), probability)
  .meta({ description: "Probability per hypothesis id, in [0, 1]" }));

/** `{ items }`: a whole list. */
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** `{ items, nextCursor }`: one page of a long list (lib/paging.ts). */
const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` to read the next page; null on the last page" }),
  });

// ---------------------------------------------------------------- errors

export const FieldErrorSchema = named("FieldError", z.object({
  path: z.string().meta({ description: "The field, dot-separated (`(body)` for the body as a whole)" }),
  message: z.string(),
}));

/** RFC 9457 problem details, as lib/http/problem.ts writes them. */
export const Problem = named("Problem", z.object({
  type: z.string().meta({ description: "Always `about:blank`: the status says what kind of problem it is" }),
  status: z.number().int(),
  title: z.string(),
  detail: z.string().meta({ description: "What went wrong, for a person to read" }),
  errors: z.array(FieldErrorSchema).optional().meta({ description: "Per field, when the problem is with particular fields" }),
}));

// ---------------------------------------------------------------- account, scenarios

export const MeSchema = named("Me", z.object({ id: z.string(), name: z.string(), email: z.string() }));

export const ScenarioSummarySchema = named("ScenarioSummary", z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  version: z.number().int(),
  role,
  isDemo: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
  lastActivityAt: timestamp,
}));

export const HypothesisViewSchema = named("HypothesisView", z.object({
  id: z.string(),
  questionId: z.string(),
  title: z.string(),
  description: z.string(),
  status: hypothesisStatus,
  version: z.number().int(),
  createdAt: timestamp,
  probability: nullableProbability.meta({ description: "The team's pooled probability; null without estimates" }),
  myProbability: nullableProbability.meta({ description: "The caller's own standing estimate" }),
}));

const myEstimate = z
  .object({ at: timestamp, needsReview: z.boolean() })
  .nullable()
  .meta({ description: "When the caller last estimated, and whether hypotheses were added since" });

export const QuestionViewSchema = named("QuestionView", z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  resolutionCriteria: z.string().meta({ description: "How the answer will be judged" }),
  resolveBy: nullableTimestamp.meta({ description: "When the answer should be known; null: open-ended" }),
  overdue: z.boolean().meta({ description: "Past its resolve-by date (as of the time read) and still open" }),
  teamHidden: z.boolean().meta({ description: "Independent judgments: the caller has not estimated this question yet, so the team's figures are withheld (probabilities null)" }),
  parentHypothesisId: nullableString,
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  analysts: z.number().int(),
  disagreement: z.number().nullable(),
  myEstimate,
  resolution: z
    .object({
      hypothesisId: nullableString,
      annulled: z.boolean(),
      note: z.string(),
      at: timestamp,
      automatic: z.boolean(),
      corrected: z.boolean(),
    })
    .nullable()
    .meta({ description: "The answer in force when the question is resolved or annulled (as of `asOf`)" }),
  hypotheses: z.array(HypothesisViewSchema),
}));

export const OutcomeViewSchema = named("OutcomeView", z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  hypothesisIds: z.array(z.string()),
  version: z.number().int(),
  createdAt: timestamp,
  probability: nullableProbability,
}));

export const ScenarioViewSchema = named("ScenarioView", z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  version: z.number().int(),
  role,
  isDemo: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
  asOf: nullableTimestamp,
  independentElicitation: z.boolean().meta({ description: "While on, analysts see nobody's figures on a question until they have estimated it" }),
  method: poolMethod,
  questions: z.array(QuestionViewSchema),
  outcomes: z.array(OutcomeViewSchema),
}));

// ---------------------------------------------------------------- questions, hypotheses, outcomes

export const HypothesisSchema = named("Hypothesis", z.object({
  id: z.string(),
  questionId: z.string(),
  title: z.string(),
  description: z.string(),
  status: hypothesisStatus,
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
}));

export const QuestionSchema = named("Question", z.object({
  id: z.string(),
  scenarioId: z.string(),
  title: z.string(),
  description: z.string(),
  resolutionCriteria: z.string(),
  resolveBy: nullableTimestamp,
  parentHypothesisId: nullableString,
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  hypotheses: z.array(HypothesisSchema),
}));

export const OutcomeSchema = named("Outcome", z.object({
  id: z.string(),
  scenarioId: z.string(),
  title: z.string(),
  description: z.string(),
  hypothesisIds: z.array(z.string()),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  archivedAt: nullableTimestamp,
}));

// ---------------------------------------------------------------- evidence, ratings, sources

const grading = {
  summary: z.string(),
  excerpt: nullableString,
  sourceId: nullableString,
  occurredAt: nullableTimestamp,
  reliability,
  credibility: z.number().int().min(1).max(6),
  tags: z.array(z.string()),
};

export const EvidenceVersionSchema = named("EvidenceVersion", z.object({ version: z.number().int(), ...grading, editedBy: nullableString, createdAt: timestamp }));

const evidenceFields = {
  id: z.string(),
  scenarioId: z.string(),
  ...grading,
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  createdBy: nullableString,
  retractedAt: nullableTimestamp,
  retractReason: nullableString,
};

export const EvidenceSchema = named("Evidence", z.object(evidenceFields));
export const EvidenceDetailSchema = named("EvidenceDetail", z.object({ ...evidenceFields, versions: z.array(EvidenceVersionSchema) }));

export const RatingSchema = named("Rating", z.object({
  evidenceId: z.string(),
  hypothesisId: z.string(),
  analystId: z.string(),
  consistency,
  likelihood: z.number().nullable().meta({ description: "The explicit P(E|H) given, if any" }),
  createdAt: timestamp,
}));

const sourceFields = {
  id: z.string(),
  scenarioId: z.string(),
  title: z.string(),
  publisher: nullableString,
  author: nullableString,
  publishedAt: nullableTimestamp,
  url: nullableString,
  createdAt: timestamp,
  createdBy: nullableString,
};

export const SourceSchema = named("Source", z.object({ ...sourceFields, text: nullableString }));
export const SourceSummarySchema = named("SourceSummary", z.object({
  ...sourceFields,
  textLength: z.number().int().nullable().meta({ description: "Length of the full text (left out of lists)" }),
}));

// ---------------------------------------------------------------- indicators, key assumptions

export const IndicatorSchema = named("Indicator", z.object({
  id: z.string(),
  scenarioId: z.string(),
  hypothesisId: z.string(),
  questionId: z.string().meta({ description: "The question of the hypothesis" }),
  title: z.string(),
  description: z.string(),
  direction: z.enum(INDICATOR_DIRECTIONS).meta({ description: "Whether seeing it would support or undermine the hypothesis" }),
  status: z.enum(INDICATOR_STATUSES),
  evidenceIds: z.array(z.string()).meta({ description: "The evidence that shows it" }),
  observedAt: nullableTimestamp.meta({ description: "Since when it has been observed; null unless `status` is observed" }),
  version: z.number().int(),
  createdBy: nullableString,
  createdAt: timestamp,
  updatedAt: timestamp,
}));

export const AssumptionSchema = named("Assumption", z.object({
  id: z.string(),
  scenarioId: z.string(),
  questionId: z.string(),
  statement: z.string(),
  status: z.enum(ASSUMPTION_STATUSES),
  note: z.string(),
  version: z.number().int(),
  createdBy: nullableString,
  createdAt: timestamp,
  updatedAt: timestamp,
}));

// ---------------------------------------------------------------- estimates, resolutions

export const EstimateSchema = named("Estimate", z.object({
  id: z.string(),
  questionId: z.string(),
  analystId: z.string(),
  analystName: nullableString,
  createdAt: timestamp,
  probabilities: Probabilities,
  rationale: z.string(),
  evidenceIds: z.array(z.string()),
}));

export const StandingEstimateSchema = named("StandingEstimate", z.object({
  analystId: z.string(),
  name: nullableString,
  probabilities: Probabilities.meta({ description: "As the analyst gave them" }),
  rationale: z.string(),
  evidenceIds: z.array(z.string()),
  createdAt: timestamp,
  needsReview: z.boolean().meta({ description: "Hypotheses are open that this estimate gives no figure for" }),
}));

export const ResolutionSchema = named("Resolution", z.object({
  id: z.string(),
  questionId: z.string(),
  hypothesisId: nullableString.meta({ description: "The true answer; null when annulled or reopened" }),
  annulled: z.boolean(),
  reopened: z.boolean(),
  note: z.string(),
  correctionReason: nullableString,
  causeQuestionId: nullableString.meta({ description: "The parent question whose resolution caused an automatic change" }),
  resolvedBy: nullableString,
  createdAt: timestamp,
}));

// ---------------------------------------------------------------- members, invitations, tokens

export const MemberSchema = named("Member", z.object({ userId: z.string(), email: z.string(), name: z.string(), role, since: timestamp }));

const inviteFields = {
  id: z.string(),
  scenarioId: z.string(),
  role,
  createdAt: timestamp,
  expiresAt: timestamp,
  createdBy: nullableString,
  createdByName: nullableString,
};

export const InviteSchema = named("Invite", z.object(inviteFields));
export const CreatedInviteSchema = named("CreatedInvite", z.object({
  ...inviteFields,
  url: z.string().meta({ description: "The invitation link with its single-use secret: shown only in this reply" }),
}));
export const InviteAcceptedSchema = named("InviteAccepted", z.object({ scenarioId: z.string(), role }));

const tokenFields = {
  id: z.string(),
  name: z.string(),
  createdAt: timestamp,
  expiresAt: nullableTimestamp,
  lastUsedAt: nullableTimestamp,
};

export const TokenSchema = named("Token", z.object(tokenFields));
export const CreatedTokenSchema = named("CreatedToken", z.object({
  ...tokenFields,
  token: z.string().meta({ description: "The secret, to send as `Authorization: Bearer <token>`: shown only in this reply" }),
}));

// ---------------------------------------------------------------- audit log

export const AuditEventSchema = named("AuditEvent", z.object({
  id: z.string(),
  scenarioId: z.string(),
  actorId: nullableString,
  actorName: nullableString,
  tokenId: nullableString.meta({ description: "The API token the actor acted through; null in a browser session" }),
  at: timestamp,
  type: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown().meta({ description: "The entity before the change (any JSON; null when created)" }),
  after: z.unknown().meta({ description: "The entity after the change (any JSON)" }),
  summary: z.string(),
  questionId: nullableString,
  questionTitle: nullableString,
  item: nullableString,
}));

// ---------------------------------------------------------------- analysis

const ratingSpread = z.object({
  spread: z.number().nullable(),
  label: z.enum(["consensus", "mild", "large", "extreme"]).nullable(),
});

export const GridCellSchema = named("GridCell", z.object({
  hypothesisId: z.string(),
  mine: z
    .object({ consistency, likelihood: z.number().nullable(), explicitLikelihood: z.number().nullable() })
    .nullable(),
  team: z
    .object({
      consistency: consistency.nullable(),
      likelihood: z.number().nullable(),
      count: z.number().int(),
      ratedBy: z.number().int(),
    })
    .nullable()
    .meta({ description: "The team's view of the cell; null while the team's figures are hidden from the caller (Matrix.teamHidden)" }),
  disagreement: ratingSpread.nullable(),
}));

export const MatrixHypothesisSchema = named("MatrixHypothesis", z.object({
  id: z.string(),
  title: z.string(),
  inconsistency: z.number(),
  inconsistencyCount: z.number(),
  rank: z.number().int(),
  teamInconsistency: z.number().nullable(),
  teamInconsistencyCount: z.number().nullable(),
  teamRank: z.number().int().nullable(),
  impliedProbability: probability,
  teamImpliedProbability: nullableProbability,
  statedProbability: nullableProbability,
  myStatedProbability: nullableProbability,
  gap: z.number().nullable(),
  gapFlag: z.boolean().nullable(),
  teamGap: z.number().nullable(),
  teamGapFlag: z.boolean().nullable(),
}));

export const MatrixEvidenceSchema = named("MatrixEvidence", z.object({
  id: z.string(),
  summary: z.string(),
  reliability: z.string(),
  credibility: z.number().int(),
  version: z.number().int(),
  sourceId: nullableString,
  occurredAt: nullableTimestamp,
  createdAt: timestamp,
  retracted: z.boolean(),
  retractedAt: nullableTimestamp,
  weight: z.number(),
  diagnosticity: z.number(),
  teamDiagnosticity: z.number().nullable(),
  cells: z.array(GridCellSchema),
}));

export const MatrixSchema = named("Matrix", z.object({
  questionId: z.string(),
  questionTitle: z.string(),
  scenarioId: z.string(),
  asOf: nullableTimestamp,
  method: poolMethod,
  raters: z.number().int(),
  forecasters: z.number().int(),
  gapFlag: z.boolean().nullable(),
  teamGapFlag: z.boolean().nullable(),
  myEstimate,
  teamHidden: z.boolean().meta({ description: "Independent judgments: the caller has not estimated this question yet, so every team figure is null" }),
  sort: matrixSort.meta({ description: "The order of `evidence`: largest first, ties newest logged first" }),
  hypotheses: z.array(MatrixHypothesisSchema).meta({ description: "Scores and probabilities over every evidence row, whichever page this is" }),
  evidence: z.array(MatrixEvidenceSchema).meta({ description: "This page's rows, `limit` of them after `cursor`" }),
  evidenceCount: z.number().int().meta({ description: "Evidence rows in the whole matrix" }),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` (with the same `sort`) for the next rows; null on the last page" }),
}));

const scoreFields = {
  brier: z.number().nullable(),
  logScore: z.number().nullable(),
  timeAveragedBrier: z.number().nullable(),
};

export const AnalystScoreSchema = named("AnalystScore", z.object({
  ...scoreFields,
  analystId: z.string(),
  name: nullableString,
  estimates: z.number().int(),
  lastEstimateAt: nullableTimestamp,
}));

export const QuestionScoreSchema = named("QuestionScore", z.object({
  questionId: z.string(),
  title: z.string(),
  resolution: z.string().meta({ description: "The true hypothesis's id, or `annulled`" }),
  resolvedAt: timestamp,
  note: z.string(),
  hypothesisIds: z.array(z.string()),
  analysts: z.array(AnalystScoreSchema),
  team: z.object({ ...scoreFields, analysts: z.number().int() }),
}));

export const ScoresSchema = named("Scores", z.object({ scenarioId: z.string(), method: poolMethod, items: z.array(QuestionScoreSchema) }));

export const CalibrationBucketSchema = named("CalibrationBucket", z.object({
  from: z.number(),
  to: z.number(),
  count: z.number().int(),
  meanForecast: z.number().nullable(),
  observed: z.number().nullable(),
}));

export const CalibrationSchema = named("Calibration", z.object({
  analystId: z.string(),
  name: nullableString,
  scenarios: z.number().int(),
  questions: z.number().int(),
  forecasts: z.number().int(),
  buckets: z.array(CalibrationBucketSchema),
}));

export const ProbabilityChangeSchema = named("ProbabilityChange", z.object({
  hypothesisId: z.string(),
  title: nullableString,
  from: nullableProbability,
  to: nullableProbability,
  delta: z.number(),
}));

export const RatingChangeSchema = named("RatingChange", z.object({
  hypothesisId: z.string(),
  title: nullableString,
  from: nullableString,
  to: nullableString,
  fromLikelihood: z.number().nullable(),
  toLikelihood: z.number().nullable(),
}));

export const DiffItemSchema = named("DiffItem", z.object({
  at: timestamp,
  actorId: nullableString,
  actorName: nullableString,
  type: z.string(),
  entity: z.string(),
  entityId: z.string(),
  summary: z.string(),
  questionId: z.string().optional(),
  changes: z.array(ProbabilityChangeSchema).optional(),
  ratings: z.array(RatingChangeSchema).optional(),
  rationale: z.string().optional(),
  evidenceIds: z.array(z.string()).optional(),
  previousEstimateId: nullableString.optional(),
  previousAt: nullableTimestamp.optional(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
}));

export const DiffAnalystSchema = named("DiffAnalyst", z.object({
  analystId: z.string(),
  analystName: nullableString,
  at: timestamp,
  changes: z.array(ProbabilityChangeSchema),
  rationale: z.string(),
  evidenceIds: z.array(z.string()),
  count: z.number().int(),
}));

export const DiffQuestionSchema = named("DiffQuestion", z.object({
  questionId: z.string(),
  title: z.string(),
  changes: z.array(ProbabilityChangeSchema),
  moved: z.boolean(),
  estimates: z.array(DiffAnalystSchema),
}));

export const DiffSchema = named("Diff", z.object({
  scenarioId: z.string(),
  from: timestamp,
  to: timestamp,
  method: poolMethod,
  questions: z.array(DiffQuestionSchema).meta({ description: "On the first page only (without `cursor`); [] on the pages after" }),
  items: z.array(DiffItemSchema),
  nextCursor: z.string().nullable(),
}));

export const SensitivitySchema = named("Sensitivity", z.object({
  questionId: z.string(),
  scope: z.enum(["mine", "team"]),
  asOf: nullableTimestamp,
  implied: Probabilities,
  items: z.array(
    z.object({
      evidenceId: z.string(),
      summary: z.string(),
      weight: z.number(),
      effect: z.number().min(0).max(1),
      impliedWithout: Probabilities,
    }),
  ),
}));

export const SeriesPointSchema = named("SeriesPoint", z.object({ at: timestamp, probabilities: Probabilities }));

export const QuestionSeriesSchema = named("QuestionSeries", z.object({
  teamHidden: z.boolean().meta({ description: "Independent judgments: the caller has not estimated yet; team empty, analysts and rationales only the caller's" }),
  questionId: z.string(),
  method: poolMethod,
  asOf: nullableTimestamp,
  end: timestamp,
  resolution: z.object({ at: timestamp, hypothesisId: nullableString, annulled: z.boolean() }).nullable(),
  hypotheses: z.array(z.object({ id: z.string(), title: z.string(), status: hypothesisStatus })),
  team: z.array(SeriesPointSchema),
  analysts: z.array(z.object({ analystId: z.string(), name: nullableString, points: z.array(SeriesPointSchema) })),
  evidence: z.array(z.object({ id: z.string(), summary: z.string(), at: timestamp })),
  rationales: z.array(z.object({ analystId: z.string(), name: nullableString, at: timestamp, text: z.string() })),
}));

// ---------------------------------------------------------------- lists

export const ScenarioList = named("ScenarioList", list(ScenarioSummarySchema));
export const EvidencePage = named("EvidencePage", page(EvidenceSchema));
export const TagList = named("TagList", list(z.string()));
export const RatingList = named("RatingList", list(RatingSchema));
export const EstimatePage = named("EstimatePage", page(EstimateSchema));
export const ResolutionList = named("ResolutionList", list(ResolutionSchema));
export const OutcomeList = named("OutcomeList", list(OutcomeSchema));
export const SourceList = named("SourceList", list(SourceSummarySchema));
export const MemberList = named("MemberList", list(MemberSchema));
export const InviteList = named("InviteList", list(InviteSchema));
export const TokenList = named("TokenList", list(TokenSchema));
export const AuditEventPage = named("AuditEventPage", page(AuditEventSchema));
export const StandingList = named("StandingList", list(StandingEstimateSchema));
export const IndicatorList = named("IndicatorList", list(IndicatorSchema));
export const AssumptionList = named("AssumptionList", list(AssumptionSchema));

/** The export document: lib/transfer/format.ts's own schema, which import checks against too. */
export const ScenarioDocument = named("ScenarioDocument", documentShape);

// ---------------------------------------------------------------- the mirror, checked by tsc

/** true when A and B are assignable both ways: same fields, same optionality, same types. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** …and the same keys (mutual assignability alone lets an extra optional field through). */
type Mirrors<S extends z.ZodType, T> = Same<z.output<S>, T> extends true ? Same<keyof z.output<S>, keyof T> : false;

/**
 * Each entry must be `true`. A `false` here (a type error on this object) means a service's
 * shape and its schema above no longer agree: fix the schema.
 */
export const MIRRORS_CHECKED: {
  [K in
    | "Me"
    | "ScenarioSummary"
    | "ScenarioView"
    | "QuestionView"
    | "HypothesisView"
    | "OutcomeView"
    | "Question"
    | "Hypothesis"
    | "Outcome"
    | "Evidence"
    | "EvidenceDetail"
    | "EvidenceVersion"
    | "EvidencePage"
    | "Rating"
    | "Source"
    | "SourceSummary"
    | "Estimate"
    | "StandingEstimate"
    | "StandingList"
    | "EstimatePage"
    | "Resolution"
    | "Member"
    | "Invite"
    | "CreatedInvite"
    | "InviteAccepted"
    | "Token"
    | "CreatedToken"
    | "AuditEvent"
    | "AuditEventPage"
    | "GridCell"
    | "MatrixHypothesis"
    | "MatrixEvidence"
    | "Matrix"
    | "AnalystScore"
    | "QuestionScore"
    | "Scores"
    | "CalibrationBucket"
    | "Calibration"
    | "ProbabilityChange"
    | "RatingChange"
    | "DiffItem"
    | "DiffAnalyst"
    | "DiffQuestion"
    | "Diff"
    | "Sensitivity"
    | "SeriesPoint"
    | "QuestionSeries"
    | "FieldError"
    | "Indicator"
    | "IndicatorList"
    | "Assumption"
    | "AssumptionList"]: true;
} = {
  Me: true satisfies Mirrors<typeof MeSchema, Me>,
  ScenarioSummary: true satisfies Mirrors<typeof ScenarioSummarySchema, ScenarioSummary>,
  ScenarioView: true satisfies Mirrors<typeof ScenarioViewSchema, ScenarioView>,
  QuestionView: true satisfies Mirrors<typeof QuestionViewSchema, QuestionView>,
  HypothesisView: true satisfies Mirrors<typeof HypothesisViewSchema, HypothesisView>,
  OutcomeView: true satisfies Mirrors<typeof OutcomeViewSchema, OutcomeView>,
  Question: true satisfies Mirrors<typeof QuestionSchema, QuestionOut>,
  Hypothesis: true satisfies Mirrors<typeof HypothesisSchema, HypothesisOut>,
  Outcome: true satisfies Mirrors<typeof OutcomeSchema, OutcomeOut>,
  Evidence: true satisfies Mirrors<typeof EvidenceSchema, Evidence>,
  EvidenceDetail: true satisfies Mirrors<typeof EvidenceDetailSchema, EvidenceDetail>,
  EvidenceVersion: true satisfies Mirrors<typeof EvidenceVersionSchema, EvidenceVersion>,
  EvidencePage: true satisfies Mirrors<typeof EvidencePage, Page<Evidence>>,
  Rating: true satisfies Mirrors<typeof RatingSchema, Rating>,
  Source: true satisfies Mirrors<typeof SourceSchema, Source>,
  SourceSummary: true satisfies Mirrors<typeof SourceSummarySchema, SourceSummary>,
  Estimate: true satisfies Mirrors<typeof EstimateSchema, EstimateOut>,
  StandingEstimate: true satisfies Mirrors<typeof StandingEstimateSchema, StandingEstimate>,
  StandingList: true satisfies Mirrors<typeof StandingList, { items: StandingEstimate[] }>,
  EstimatePage: true satisfies Mirrors<typeof EstimatePage, Page<EstimateOut>>,
  Resolution: true satisfies Mirrors<typeof ResolutionSchema, ResolutionOut>,
  Member: true satisfies Mirrors<typeof MemberSchema, Member>,
  Invite: true satisfies Mirrors<typeof InviteSchema, InviteOut>,
  CreatedInvite: true satisfies Mirrors<typeof CreatedInviteSchema, CreatedInvite>,
  InviteAccepted: true satisfies Mirrors<typeof InviteAcceptedSchema, Awaited<ReturnType<typeof acceptInvite>>>,
  Token: true satisfies Mirrors<typeof TokenSchema, TokenOut>,
  CreatedToken: true satisfies Mirrors<typeof CreatedTokenSchema, CreatedToken>,
  AuditEvent: true satisfies Mirrors<typeof AuditEventSchema, AuditEvent>,
  AuditEventPage: true satisfies Mirrors<typeof AuditEventPage, Page<AuditEvent>>,
  GridCell: true satisfies Mirrors<typeof GridCellSchema, MatrixCell>,
  MatrixHypothesis: true satisfies Mirrors<typeof MatrixHypothesisSchema, MatrixHypothesis>,
  MatrixEvidence: true satisfies Mirrors<typeof MatrixEvidenceSchema, MatrixEvidence>,
  Matrix: true satisfies Mirrors<typeof MatrixSchema, MatrixPage>,
  AnalystScore: true satisfies Mirrors<typeof AnalystScoreSchema, AnalystScore>,
  QuestionScore: true satisfies Mirrors<typeof QuestionScoreSchema, QuestionScore>,
  Scores: true satisfies Mirrors<typeof ScoresSchema, Scores>,
  CalibrationBucket: true satisfies Mirrors<typeof CalibrationBucketSchema, CalibrationBucket>,
  Calibration: true satisfies Mirrors<typeof CalibrationSchema, Calibration>,
  ProbabilityChange: true satisfies Mirrors<typeof ProbabilityChangeSchema, ProbabilityChange>,
  RatingChange: true satisfies Mirrors<typeof RatingChangeSchema, RatingChange>,
  DiffItem: true satisfies Mirrors<typeof DiffItemSchema, DiffItem>,
  DiffAnalyst: true satisfies Mirrors<typeof DiffAnalystSchema, DiffAnalyst>,
  DiffQuestion: true satisfies Mirrors<typeof DiffQuestionSchema, DiffQuestion>,
  Diff: true satisfies Mirrors<typeof DiffSchema, Diff>,
  Sensitivity: true satisfies Mirrors<typeof SensitivitySchema, Sensitivity>,
  SeriesPoint: true satisfies Mirrors<typeof SeriesPointSchema, SeriesPointOut>,
  QuestionSeries: true satisfies Mirrors<typeof QuestionSeriesSchema, QuestionSeries>,
  FieldError: true satisfies Mirrors<typeof FieldErrorSchema, FieldError>,
  Indicator: true satisfies Mirrors<typeof IndicatorSchema, IndicatorOut>,
  IndicatorList: true satisfies Mirrors<typeof IndicatorList, { items: IndicatorOut[] }>,
  Assumption: true satisfies Mirrors<typeof AssumptionSchema, AssumptionOut>,
  AssumptionList: true satisfies Mirrors<typeof AssumptionList, { items: AssumptionOut[] }>,
};
