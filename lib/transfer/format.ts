// The scenario transfer document, format version 1: every row the store holds for one
// scenario, timestamps as ISO-8601 strings, ids as they were. One zod schema validates an
// import; its refinement (./references.ts) rejects documents whose references dangle.
// Pure: no store, no "server-only", so unit tests import it directly.
import { z } from "zod";
import { CONSISTENCIES, HYPOTHESIS_STATUSES, RELIABILITIES } from "@/db/schema/define";
import { DomainError } from "@/lib/errors";
import { documentIssues } from "./references";

export const DOCUMENT_FORMAT = "branchpoint.scenario";
export const FORMAT_VERSION = 1;
/** Written when a scenario is imported. Not part of the analysis, so never exported. */
export const IMPORT_EVENT_TYPE = "scenario.imported";

// Limits are loose on purpose: the service limits may tighten later, and a document this
// server exported must always import again. The request body limit bounds the total.
const MAX_TEXT = 2_000_000;
const text = z.string().max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`);
const line = z.string().max(10_000, "must be at most 10000 characters");
const id = z.string().min(1, "is required").max(100, "is not a valid id");
const ts = z.iso.datetime({ offset: true, message: "must be an ISO-8601 timestamp" });
const int = z.number().int("must be an integer");
const version = int.min(1, "must be at least 1");
const probability = z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");

const scenario = z.strictObject({
  id,
  title: line,
  summary: text,
  version,
  createdBy: id.nullable(),
  createdAt: ts,
  updatedAt: ts,
  archivedAt: ts.nullable(),
});

const person = z.strictObject({
  id,
  name: line,
  email: z.string().min(3, "must be an email address").max(320, "must be at most 320 characters").includes("@", { message: "must be an email address" }),
});

const questionVersion = z.strictObject({
  version,
  title: line,
  description: text,
  editedBy: id.nullable(),
  createdAt: ts,
});

const question = z.strictObject({
  id,
  parentHypothesisId: id.nullable(),
  title: line,
  description: text,
  position: int,
  version,
  createdAt: ts,
  updatedAt: ts,
  versions: z.array(questionVersion),
});

const hypothesisStatus = z.enum(HYPOTHESIS_STATUSES);

const hypothesisVersion = z.strictObject({
  version,
  title: line,
  description: text,
  status: hypothesisStatus,
  editedBy: id.nullable(),
  createdAt: ts,
});

const hypothesis = z.strictObject({
  id,
  questionId: id,
  title: line,
  description: text,
  status: hypothesisStatus,
  position: int,
  version,
  createdAt: ts,
  updatedAt: ts,
  versions: z.array(hypothesisVersion),
});

const outcome = z.strictObject({
  id,
  title: line,
  description: text,
  hypothesisIds: z.array(id),
  position: int,
  version,
  createdAt: ts,
  updatedAt: ts,
  archivedAt: ts.nullable(),
});

const source = z.strictObject({
  id,
  title: line,
  publisher: line.nullable(),
  author: line.nullable(),
  publishedAt: ts.nullable(),
  url: line.nullable(),
  text: text.nullable(),
  createdBy: id.nullable(),
  createdAt: ts,
});

const grading = {
  summary: text,
  excerpt: text.nullable(),
  sourceId: id.nullable(),
  occurredAt: ts.nullable(),
  reliability: z.enum(RELIABILITIES),
  credibility: int.min(1, "must be 1 to 6").max(6, "must be 1 to 6"),
  tags: z.array(line),
};

const evidenceVersion = z.strictObject({ version, ...grading, editedBy: id.nullable(), createdAt: ts });

const evidence = z.strictObject({
  id,
  ...grading,
  version,
  createdBy: id.nullable(),
  createdAt: ts,
  updatedAt: ts,
  retractedAt: ts.nullable(),
  retractReason: text.nullable(),
  retractedBy: id.nullable(),
  versions: z.array(evidenceVersion),
});

const rating = z.strictObject({
  id,
  evidenceId: id,
  hypothesisId: id,
  analystId: id,
  consistency: z.enum(CONSISTENCIES).nullable(),
  likelihood: z.number().nullable(),
  createdAt: ts,
});

const estimate = z.strictObject({
  id,
  questionId: id,
  analystId: id,
  probabilities: z.record(id, probability),
  rationale: text,
  evidenceIds: z.array(id),
  createdAt: ts,
});

const forecaster = z.strictObject({ questionId: id, analystId: id, firstAt: ts });

const resolution = z.strictObject({
  id,
  questionId: id,
  hypothesisId: id.nullable(),
  annulled: z.boolean(),
  note: text,
  resolvedBy: id.nullable(),
  createdAt: ts,
});

const event = z.strictObject({
  id,
  actorId: id.nullable(),
  at: ts,
  type: line,
  entity: line,
  entityId: id,
  before: z.json(),
  after: z.json(),
});

/** The document without the cross-reference checks: shapes and types only. */
export const documentShape = z.strictObject({
  format: z.literal(DOCUMENT_FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  exportedAt: ts,
  scenario,
  people: z.array(person),
  questions: z.array(question),
  hypotheses: z.array(hypothesis),
  outcomes: z.array(outcome),
  sources: z.array(source),
  evidence: z.array(evidence),
  ratings: z.array(rating),
  estimates: z.array(estimate),
  forecasters: z.array(forecaster),
  resolutions: z.array(resolution),
  events: z.array(event),
});

export type ScenarioDocument = z.infer<typeof documentShape>;
export type DocumentPerson = ScenarioDocument["people"][number];
export type DocumentQuestion = ScenarioDocument["questions"][number];
export type DocumentHypothesis = ScenarioDocument["hypotheses"][number];
export type DocumentEvidence = ScenarioDocument["evidence"][number];
export type DocumentEvent = ScenarioDocument["events"][number];

/** The full schema: shapes, then every reference must resolve inside the document. */
export const scenarioDocumentSchema = documentShape.superRefine((doc, ctx) => {
  for (const issue of documentIssues(doc)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});

const head = z.object({ format: z.unknown(), formatVersion: z.unknown() }, { message: "must be a JSON object" });

/**
 * Validate an uploaded document. Wrong types are a ZodError (400); a document of another
 * kind or format version, or one whose references dangle, is 422 with the field path.
 */
export function parseScenarioDocument(input: unknown): ScenarioDocument {
  const h = head.parse(input);
  if (h.format !== DOCUMENT_FORMAT) {
    throw new DomainError("unprocessable", `This is not a Branchpoint scenario export (format must be "${DOCUMENT_FORMAT}")`, [
      { path: "format", message: `must be "${DOCUMENT_FORMAT}"` },
    ]);
  }
  if (h.formatVersion !== FORMAT_VERSION) {
    throw new DomainError(
      "unprocessable",
      `Unsupported formatVersion ${JSON.stringify(h.formatVersion ?? null)}; this server reads version ${FORMAT_VERSION}`,
      [{ path: "formatVersion", message: `unsupported; expected ${FORMAT_VERSION}` }],
    );
  }
  return scenarioDocumentSchema.parse(input);
}
