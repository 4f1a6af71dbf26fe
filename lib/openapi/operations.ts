// Every operation of /api/v1, declared once: its path and method as the route files answer
// them, the zod schemas that validate its query and body (the same ones the route passes to
// `query()`/`body()`), and the schema of its reply (./responses.ts). ./document.ts turns
// this list into the OpenAPI document; tests/unit/openapi/document.test.ts fails when a
// route file answers a method that is not listed here.
import { z } from "zod";
import { asOfQuery } from "@/lib/validation/common";
import { createScenarioInput, patchScenarioInput, scenarioViewQuery } from "@/lib/scenarios/schema";
import { historyQuery } from "@/lib/audit/schema";
import { createQuestionInput, hypothesisInput, patchHypothesisInput, patchQuestionInput } from "@/lib/questions/schema";
import { createOutcomeInput, patchOutcomeInput } from "@/lib/outcomes/schema";
import { createEvidenceInput, listEvidenceQuery, patchEvidenceInput, retractEvidenceInput } from "@/lib/evidence/schema";
import { putRatingsInput } from "@/lib/ratings/schema";
import { createEstimateInput, estimateHistoryQuery } from "@/lib/estimates/schema";
import { resolveInput } from "@/lib/resolutions/schema";
import { createSourceInput } from "@/lib/sources/schema";
import { patchMemberInput } from "@/lib/members/schema";
import { createInviteInput } from "@/lib/invites/schema";
import { createTokenInput } from "@/lib/tokens/schema";
import { createIndicatorInput, patchIndicatorInput } from "@/lib/indicators/schema";
import { createAssumptionInput, patchAssumptionInput } from "@/lib/assumptions/schema";
import { documentShape } from "@/lib/transfer/format";
import { briefQuery } from "@/lib/brief/schema";
import { diffQuery, matrixQuery, scoresQuery, sensitivityQuery, seriesQuery } from "@/lib/analysis/schema";
import * as R from "./responses";

export type Method = "get" | "post" | "put" | "patch" | "delete";

/**
 * Who may call it. `public`: anyone; `session`: a signed-in browser session only (an API
 * token is refused, 403); `account`: any signed-in caller; `viewer` … `owner`: a member of
 * the scenario with at least that role (a non-member gets 404, a lower role 403).
 */
export type Access = "public" | "session" | "account" | "viewer" | "editor" | "owner";

export interface Operation {
  method: Method;
  /** As the route folders spell it, with `{param}` for `[param]`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  access: Access;
  /** A description per path parameter (each `{param}` of the path). */
  params?: Record<string, string>;
  query?: z.ZodObject;
  /** The request body: its schema, and its name among the document's components. */
  body?: { name: string; schema: z.ZodType };
  /** The success reply; no schema for 204. */
  reply: {
    status: 200 | 201 | 204;
    description: string;
    schema?: z.ZodType;
    /** Response headers worth knowing, by name → description. */
    headers?: Record<string, string>;
    /** The media type of the body; application/json unless said. */
    contentType?: string;
  };
  /** Problem statuses beyond those ./document.ts derives from the rest (see errorStatuses). */
  errors?: (409 | 422)[];
}

/** The reply of GET /api/v1/openapi.json itself: an OpenAPI 3.1 document. */
const openApiObject = z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) });

const SCENARIO = { id: "The scenario's id" };
const QUESTION = { id: "The question's id" };
const EVIDENCE = { id: "The evidence item's id" };

const ok = (description: string, schema: z.ZodType) => ({ status: 200 as const, description, schema });
const made = (description: string, schema: z.ZodType, headers?: Record<string, string>) => ({ status: 201 as const, description, schema, headers });
const gone = (description: string) => ({ status: 204 as const, description });
const LOCATION = { Location: "Where the new scenario lives: /api/v1/scenarios/{id}" };

export const OPERATIONS: Operation[] = [
  // ------------------------------------------------------------ account
  {
    method: "get",
    path: "/api/v1/me",
    operationId: "getMe",
    tag: "Account",
    summary: "The signed-in account",
    access: "account",
    reply: ok("The caller's account", R.MeSchema),
  },
  {
    method: "get",
    path: "/api/v1/me/tokens",
    operationId: "listTokens",
    tag: "Account",
    summary: "The caller's API tokens",
    description: "Tokens that still work, newest first; never their secrets. A browser session only: a token cannot manage tokens.",
    access: "session",
    reply: ok("The tokens", R.TokenList),
  },
  {
    method: "post",
    path: "/api/v1/me/tokens",
    operationId: "createToken",
    tag: "Account",
    summary: "Make an API token",
    description: "The reply holds the secret, shown only this once: send it as `Authorization: Bearer <token>`. A browser session only.",
    access: "session",
    body: { name: "CreateTokenInput", schema: createTokenInput },
    reply: made("The token, with its secret", R.CreatedTokenSchema),
  },
  {
    method: "delete",
    path: "/api/v1/me/tokens/{id}",
    operationId: "revokeToken",
    tag: "Account",
    summary: "Revoke an API token",
    description: "Another person's token does not exist for the caller (404). A browser session only.",
    access: "session",
    params: { id: "The token's id" },
    reply: gone("Revoked"),
  },

  // ------------------------------------------------------------ scenarios
  {
    method: "get",
    path: "/api/v1/scenarios",
    operationId: "listScenarios",
    tag: "Scenarios",
    summary: "The caller's scenarios",
    description: "Every scenario the caller is a member of, most recently active first.",
    access: "account",
    reply: ok("The scenarios", R.ScenarioList),
  },
  {
    method: "post",
    path: "/api/v1/scenarios",
    operationId: "createScenario",
    tag: "Scenarios",
    summary: "Create a scenario",
    description: "The caller becomes its owner.",
    access: "account",
    body: { name: "CreateScenarioInput", schema: createScenarioInput },
    reply: made("The new scenario", R.ScenarioViewSchema),
  },
  {
    method: "post",
    path: "/api/v1/scenarios/demo",
    operationId: "copyDemoScenario",
    tag: "Scenarios",
    summary: "A private copy of the demo scenario",
    access: "account",
    reply: made("The copy", R.ScenarioViewSchema, LOCATION),
  },
  {
    method: "get",
    path: "/api/v1/scenarios/{id}",
    operationId: "getScenario",
    tag: "Scenarios",
    summary: "The whole scenario tree",
    description: "Questions, hypotheses and outcomes with the team's and the caller's probabilities, now or as of a past time.",
    access: "viewer",
    params: SCENARIO,
    query: scenarioViewQuery,
    reply: ok("The scenario", R.ScenarioViewSchema),
  },
  {
    method: "patch",
    path: "/api/v1/scenarios/{id}",
    operationId: "patchScenario",
    tag: "Scenarios",
    summary: "Edit a scenario's title or summary",
    access: "editor",
    params: SCENARIO,
    body: { name: "PatchScenarioInput", schema: patchScenarioInput },
    reply: ok("The scenario as edited", R.ScenarioViewSchema),
    errors: [409],
  },

  // ------------------------------------------------------------ transfer
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/export",
    operationId: "exportScenario",
    tag: "Transfer",
    summary: "Export a scenario",
    description: "Every row of the scenario as one lossless, versioned JSON document, sent as a download.",
    access: "viewer",
    params: SCENARIO,
    reply: { ...ok("The document", R.ScenarioDocument), headers: { "Content-Disposition": "attachment; filename=\"….json\"" } },
  },
  {
    method: "post",
    path: "/api/v1/scenarios/import",
    operationId: "importScenario",
    tag: "Transfer",
    summary: "Import a scenario",
    description:
      "A new scenario from an exported document (format version checked first, then shapes and references); the caller becomes its sole owner. The body may be as large as BRANCHPOINT_IMPORT_MAX_BYTES (10 MB by default).",
    access: "account",
    body: { name: "ScenarioDocumentInput", schema: documentShape },
    reply: made("The new scenario", R.ScenarioViewSchema, LOCATION),
  },

  // ------------------------------------------------------------ questions and hypotheses
  {
    method: "post",
    path: "/api/v1/scenarios/{id}/questions",
    operationId: "createQuestion",
    tag: "Questions",
    summary: "Add a question",
    description: "With at least two competing hypotheses, optionally under a parent hypothesis.",
    access: "editor",
    params: SCENARIO,
    body: { name: "CreateQuestionInput", schema: createQuestionInput },
    reply: made("The new question", R.QuestionSchema),
  },
  {
    method: "get",
    path: "/api/v1/questions/{id}",
    operationId: "getQuestion",
    tag: "Questions",
    summary: "One question with its hypotheses",
    access: "viewer",
    params: QUESTION,
    reply: ok("The question", R.QuestionSchema),
  },
  {
    method: "patch",
    path: "/api/v1/questions/{id}",
    operationId: "patchQuestion",
    tag: "Questions",
    summary: "Edit a question",
    description: "A new version; the history is kept.",
    access: "editor",
    params: QUESTION,
    body: { name: "PatchQuestionInput", schema: patchQuestionInput },
    reply: ok("The question as edited", R.QuestionSchema),
    errors: [409],
  },
  {
    method: "post",
    path: "/api/v1/questions/{id}/hypotheses",
    operationId: "addHypothesis",
    tag: "Questions",
    summary: "Add a hypothesis to a question",
    access: "editor",
    params: QUESTION,
    body: { name: "CreateHypothesisInput", schema: hypothesisInput },
    reply: made("The new hypothesis", R.HypothesisSchema),
  },
  {
    method: "patch",
    path: "/api/v1/hypotheses/{id}",
    operationId: "patchHypothesis",
    tag: "Questions",
    summary: "Edit, archive or reopen a hypothesis",
    description: "A new version; the history is kept.",
    access: "editor",
    params: { id: "The hypothesis's id" },
    body: { name: "PatchHypothesisInput", schema: patchHypothesisInput },
    reply: ok("The hypothesis as edited", R.HypothesisSchema),
    errors: [409],
  },

  // ------------------------------------------------------------ outcomes
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/outcomes",
    operationId: "listOutcomes",
    tag: "Outcomes",
    summary: "The scenario's outcomes",
    access: "viewer",
    params: SCENARIO,
    reply: ok("The outcomes", R.OutcomeList),
  },
  {
    method: "post",
    path: "/api/v1/scenarios/{id}/outcomes",
    operationId: "createOutcome",
    tag: "Outcomes",
    summary: "Add an outcome",
    description: "Reached through hypotheses of one question tree.",
    access: "editor",
    params: SCENARIO,
    body: { name: "CreateOutcomeInput", schema: createOutcomeInput },
    reply: made("The new outcome", R.OutcomeSchema),
  },
  {
    method: "patch",
    path: "/api/v1/outcomes/{id}",
    operationId: "patchOutcome",
    tag: "Outcomes",
    summary: "Edit, re-route or archive an outcome",
    access: "editor",
    params: { id: "The outcome's id" },
    body: { name: "PatchOutcomeInput", schema: patchOutcomeInput },
    reply: ok("The outcome as edited", R.OutcomeSchema),
    errors: [409],
  },

  // ------------------------------------------------------------ sources
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/sources",
    operationId: "listSources",
    tag: "Sources",
    summary: "The scenario's sources",
    description: "Without their full text (its length is given instead).",
    access: "viewer",
    params: SCENARIO,
    reply: ok("The sources", R.SourceList),
  },
  {
    method: "post",
    path: "/api/v1/scenarios/{id}/sources",
    operationId: "createSource",
    tag: "Sources",
    summary: "Add a source",
    description: "The body may be up to 6.5 MB (a megabyte of text, escaped).",
    access: "editor",
    params: SCENARIO,
    body: { name: "CreateSourceInput", schema: createSourceInput },
    reply: made("The new source", R.SourceSchema),
  },
  {
    method: "get",
    path: "/api/v1/sources/{id}",
    operationId: "getSource",
    tag: "Sources",
    summary: "One source with its full text",
    access: "viewer",
    params: { id: "The source's id" },
    reply: ok("The source", R.SourceSchema),
  },

  // ------------------------------------------------------------ evidence and ratings
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/evidence",
    operationId: "listEvidence",
    tag: "Evidence",
    summary: "A page of the evidence log",
    description: "Newest first (or `order=asc`), filtered, now or as of a past time.",
    access: "viewer",
    params: SCENARIO,
    query: listEvidenceQuery,
    reply: ok("One page of evidence", R.EvidencePage),
  },
  {
    method: "post",
    path: "/api/v1/scenarios/{id}/evidence",
    operationId: "createEvidence",
    tag: "Evidence",
    summary: "Log an evidence item",
    description: "An excerpt must be quoted verbatim from its source's text.",
    access: "editor",
    params: SCENARIO,
    body: { name: "CreateEvidenceInput", schema: createEvidenceInput },
    reply: made("The new item", R.EvidenceSchema),
  },
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/evidence/tags",
    operationId: "listEvidenceTags",
    tag: "Evidence",
    summary: "Every tag used on the scenario's evidence",
    access: "viewer",
    params: SCENARIO,
    reply: ok("The tags, sorted", R.TagList),
  },
  {
    method: "get",
    path: "/api/v1/evidence/{id}",
    operationId: "getEvidence",
    tag: "Evidence",
    summary: "One evidence item with every version",
    access: "viewer",
    params: EVIDENCE,
    reply: ok("The item", R.EvidenceDetailSchema),
  },
  {
    method: "patch",
    path: "/api/v1/evidence/{id}",
    operationId: "patchEvidence",
    tag: "Evidence",
    summary: "Edit an evidence item",
    description: "A new version; absent fields keep their value, null clears an optional one.",
    access: "editor",
    params: EVIDENCE,
    body: { name: "PatchEvidenceInput", schema: patchEvidenceInput },
    reply: ok("The item as edited", R.EvidenceSchema),
    errors: [409],
  },
  {
    method: "post",
    path: "/api/v1/evidence/{id}/retract",
    operationId: "retractEvidence",
    tag: "Evidence",
    summary: "Retract an evidence item",
    description: "With a reason; the item stays in the history.",
    access: "editor",
    params: EVIDENCE,
    body: { name: "RetractEvidenceInput", schema: retractEvidenceInput },
    reply: ok("The item, retracted", R.EvidenceSchema),
    errors: [409],
  },
  {
    method: "get",
    path: "/api/v1/evidence/{id}/ratings",
    operationId: "listRatings",
    tag: "Evidence",
    summary: "Every analyst's ratings of an evidence item",
    access: "viewer",
    params: EVIDENCE,
    query: asOfQuery,
    reply: ok("The ratings", R.RatingList),
  },
  {
    method: "put",
    path: "/api/v1/evidence/{id}/ratings",
    operationId: "putRatings",
    tag: "Evidence",
    summary: "Rate an evidence item against hypotheses",
    description: "The caller's own ratings; a null consistency clears a cell.",
    access: "editor",
    params: EVIDENCE,
    body: { name: "PutRatingsInput", schema: putRatingsInput },
    reply: ok("The caller's ratings as stored", R.RatingList),
  },

  // ------------------------------------------------------------ indicators and key assumptions
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/indicators",
    operationId: "listIndicators",
    tag: "Indicators and assumptions",
    summary: "The scenario's watch list of indicators",
    description: "Every indicator, oldest first, now or as they stood at `asOf`, each with when it was observed.",
    access: "viewer",
    params: SCENARIO,
    query: asOfQuery,
    reply: ok("The indicators", R.IndicatorList),
  },
  {
    method: "post",
    path: "/api/v1/hypotheses/{id}/indicators",
    operationId: "createIndicator",
    tag: "Indicators and assumptions",
    summary: "Add an indicator to a hypothesis",
    description: "Something to watch for that would support or undermine the hypothesis; it starts as `watching`. An archived hypothesis takes none (422).",
    access: "editor",
    params: { id: "The hypothesis's id" },
    body: { name: "CreateIndicatorInput", schema: createIndicatorInput },
    reply: made("The new indicator", R.IndicatorSchema),
    errors: [422],
  },
  {
    method: "patch",
    path: "/api/v1/indicators/{id}",
    operationId: "patchIndicator",
    tag: "Indicators and assumptions",
    summary: "Edit an indicator, observe it, or retire it",
    description:
      "A new version. `evidenceIds` replaces the linked evidence: items of the same scenario, not retracted when newly linked. Marking it `observed` needs at least one evidence item that shows it.",
    access: "editor",
    params: { id: "The indicator's id" },
    body: { name: "PatchIndicatorInput", schema: patchIndicatorInput },
    reply: ok("The indicator as edited", R.IndicatorSchema),
    errors: [409, 422],
  },
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/assumptions",
    operationId: "listAssumptions",
    tag: "Indicators and assumptions",
    summary: "Every question's key assumptions",
    description: "Oldest first, now or as they stood at `asOf`.",
    access: "viewer",
    params: SCENARIO,
    query: asOfQuery,
    reply: ok("The assumptions", R.AssumptionList),
  },
  {
    method: "post",
    path: "/api/v1/questions/{id}/assumptions",
    operationId: "createAssumption",
    tag: "Indicators and assumptions",
    summary: "Add a key assumption to a question",
    description: "It starts as `solid`.",
    access: "editor",
    params: QUESTION,
    body: { name: "CreateAssumptionInput", schema: createAssumptionInput },
    reply: made("The new assumption", R.AssumptionSchema),
  },
  {
    method: "patch",
    path: "/api/v1/assumptions/{id}",
    operationId: "patchAssumption",
    tag: "Indicators and assumptions",
    summary: "Reword, rate or annotate a key assumption",
    description: "A new version; `status` is solid, caveated or unsupported.",
    access: "editor",
    params: { id: "The assumption's id" },
    body: { name: "PatchAssumptionInput", schema: patchAssumptionInput },
    reply: ok("The assumption as edited", R.AssumptionSchema),
    errors: [409],
  },

  // ------------------------------------------------------------ estimates and resolutions
  {
    method: "get",
    path: "/api/v1/questions/{id}/estimates",
    operationId: "listEstimates",
    tag: "Estimates",
    summary: "A page of a question's estimates",
    description:
      "Oldest first (or `order=desc`), optionally by one analyst or in a window. Under independent judgments an analyst who has not estimated the question yet sees only their own (none).",
    access: "viewer",
    params: QUESTION,
    query: estimateHistoryQuery,
    reply: ok("One page of estimates", R.EstimatePage),
  },
  {
    method: "get",
    path: "/api/v1/questions/{id}/standing",
    operationId: "getStanding",
    tag: "Estimates",
    summary: "The team person by person",
    description:
      "Each analyst's estimate in force (now or at `asOf`): probabilities as given, rationale, linked evidence, and whether hypotheses opened since need their review. Under independent judgments an analyst who has not estimated the question yet gets only their own (none).",
    access: "viewer",
    params: QUESTION,
    query: asOfQuery,
    reply: ok("Each analyst's standing estimate", R.StandingList),
  },
  {
    method: "post",
    path: "/api/v1/questions/{id}/estimates",
    operationId: "createEstimate",
    tag: "Estimates",
    summary: "Record the caller's probabilities",
    description: "One probability for every open hypothesis, summing to 1, with a rationale.",
    access: "editor",
    params: QUESTION,
    body: { name: "CreateEstimateInput", schema: createEstimateInput },
    reply: made("The new estimate", R.EstimateSchema),
  },
  {
    method: "get",
    path: "/api/v1/questions/{id}/resolution",
    operationId: "listResolutions",
    tag: "Estimates",
    summary: "Every resolution of a question",
    description: "Newest last.",
    access: "viewer",
    params: QUESTION,
    reply: ok("The resolutions", R.ResolutionList),
  },
  {
    method: "post",
    path: "/api/v1/questions/{id}/resolution",
    operationId: "resolveQuestion",
    tag: "Estimates",
    summary: "Record the true answer, or annul",
    description: "Changing the answer of a resolved question needs a `correction` with a reason.",
    access: "editor",
    params: QUESTION,
    body: { name: "ResolveInput", schema: resolveInput },
    reply: made("The resolution", R.ResolutionSchema),
    errors: [409],
  },

  // ------------------------------------------------------------ analysis
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/matrix",
    operationId: "getMatrix",
    tag: "Analysis",
    summary: "The ACH matrix of one question",
    description:
      "Ratings, Heuer scores, diagnosticity and evidence-implied probabilities beside the stated ones. The scores are over every evidence row; the rows come `limit` at a time (default 100, at most 1,000) in `sort` order (default `logged`, newest first): pass `nextCursor` back as `cursor`, with the same `sort`, for the next rows.",
    access: "viewer",
    params: SCENARIO,
    query: matrixQuery,
    reply: ok("The matrix", R.MatrixSchema),
  },
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/scores",
    operationId: "getScores",
    tag: "Analysis",
    summary: "Scores of the resolved questions",
    description: "Brier, log and time-averaged Brier per analyst and for the team.",
    access: "viewer",
    params: SCENARIO,
    query: scoresQuery,
    reply: ok("The scores", R.ScoresSchema),
  },
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/diff",
    operationId: "getDiff",
    tag: "Analysis",
    summary: "What changed between two times, by whom and why",
    access: "viewer",
    params: SCENARIO,
    query: diffQuery,
    reply: ok("The changes (items a page at a time)", R.DiffSchema),
  },
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/brief",
    operationId: "getBrief",
    tag: "Scenarios",
    summary: "The scenario's brief, as Markdown",
    description:
      "Key judgments per question in ICD 203 words with the team's percentage and spread, outcomes, what moved since `since` (with the rationales and evidence behind it), each question's most diagnostic evidence with grades, indicators by status, key assumptions, resolutions and scores — every figure as the screens show it for the same moment. Team figures a caller may not see yet (independent judgments) are withheld, and the brief says so.",
    access: "viewer",
    params: SCENARIO,
    query: briefQuery,
    reply: {
      ...ok("The brief", z.string().meta({ description: "CommonMark with GFM tables; times in UTC" })),
      contentType: "text/markdown",
      headers: { "Content-Disposition": "inline; filename=\"….brief.md\"" },
    },
  },
  {
    method: "get",
    path: "/api/v1/questions/{id}/sensitivity",
    operationId: "getSensitivity",
    tag: "Analysis",
    summary: "Implied probabilities without each evidence item",
    description: "Largest effect first.",
    access: "viewer",
    params: QUESTION,
    query: sensitivityQuery,
    reply: ok("The sensitivity", R.SensitivitySchema),
  },
  {
    method: "get",
    path: "/api/v1/questions/{id}/series",
    operationId: "getQuestionSeries",
    tag: "Analysis",
    summary: "A question's probabilities over time",
    description: "The team's and each analyst's, with evidence and rationale markers.",
    access: "viewer",
    params: QUESTION,
    query: seriesQuery,
    reply: ok("The series", R.QuestionSeriesSchema),
  },
  {
    method: "get",
    path: "/api/v1/analysts/{id}/calibration",
    operationId: "getCalibration",
    tag: "Analysis",
    summary: "An analyst's calibration",
    description: "Forecast against observed in 10 % buckets, over the scenarios the caller shares with them.",
    access: "account",
    params: { id: "The analyst's user id" },
    reply: ok("The calibration", R.CalibrationSchema),
  },
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/history",
    operationId: "listHistory",
    tag: "Analysis",
    summary: "A page of the scenario's audit log",
    description: "Oldest first (or `order=newest`).",
    access: "viewer",
    params: SCENARIO,
    query: historyQuery,
    reply: ok("One page of events", R.AuditEventPage),
  },

  // ------------------------------------------------------------ members and invitations
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/members",
    operationId: "listMembers",
    tag: "Members",
    summary: "Who has which role",
    description: "People join by invitation (POST /api/v1/scenarios/{id}/invites).",
    access: "viewer",
    params: SCENARIO,
    reply: ok("The members", R.MemberList),
  },
  {
    method: "patch",
    path: "/api/v1/scenarios/{id}/members/{userId}",
    operationId: "changeMemberRole",
    tag: "Members",
    summary: "Change a member's role",
    description: "A scenario always keeps at least one owner.",
    access: "owner",
    params: { ...SCENARIO, userId: "The member's user id" },
    body: { name: "PatchMemberInput", schema: patchMemberInput },
    reply: ok("The member", R.MemberSchema),
  },
  {
    method: "delete",
    path: "/api/v1/scenarios/{id}/members/{userId}",
    operationId: "removeMember",
    tag: "Members",
    summary: "Remove a member",
    description: "A scenario always keeps at least one owner.",
    access: "owner",
    params: { ...SCENARIO, userId: "The member's user id" },
    reply: gone("Removed"),
    errors: [422],
  },
  {
    method: "get",
    path: "/api/v1/scenarios/{id}/invites",
    operationId: "listInvites",
    tag: "Members",
    summary: "Open invitations",
    access: "owner",
    params: SCENARIO,
    reply: ok("The invitations (without their links)", R.InviteList),
  },
  {
    method: "post",
    path: "/api/v1/scenarios/{id}/invites",
    operationId: "createInvite",
    tag: "Members",
    summary: "Make a single-use invitation link",
    description: "The reply holds the link with its secret, shown only this once.",
    access: "owner",
    params: SCENARIO,
    body: { name: "CreateInviteInput", schema: createInviteInput },
    reply: made("The invitation, with its link", R.CreatedInviteSchema),
  },
  {
    method: "delete",
    path: "/api/v1/invites/{id}",
    operationId: "revokeInvite",
    tag: "Members",
    summary: "Revoke an invitation",
    access: "owner",
    params: { id: "The invitation's id" },
    reply: gone("Revoked"),
  },
  {
    method: "post",
    path: "/api/v1/invites/{id}/accept",
    operationId: "acceptInvite",
    tag: "Members",
    summary: "Join a scenario by invitation",
    description: "Join with the invitation's role. 409 when the caller is already a member (the invitation is left for someone else).",
    access: "account",
    params: { id: "The secret token from the invitation link" },
    reply: ok("The scenario joined and the role", R.InviteAcceptedSchema),
    errors: [409],
  },

  // ------------------------------------------------------------ this document
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "Reference",
    summary: "This OpenAPI 3.1 document",
    description: "Public: it describes the API and holds no data. The reference page is at /api/docs.",
    access: "public",
    reply: ok("The document", openApiObject),
  },
];
