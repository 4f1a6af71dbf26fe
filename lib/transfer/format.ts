// The scenario transfer document, format version 1: every row the store holds for one
// scenario, timestamps as ISO-8601 strings, ids as they were. An import passes the same
// rules the API applies to each kind of record — lengths (LIMITS), grades, http(s) links,
// likelihoods in (0, 1], estimates that sum to 1 — checked without changing a value
// (text that the API would have trimmed must arrive trimmed). Its refinement
// (./references.ts) rejects documents whose references dangle.
// Pure: no store, no "server-only", so unit tests import it directly.
import { z } from "zod";
import { ASSUMPTION_STATUSES, CONSISTENCIES, HYPOTHESIS_STATUSES, INDICATOR_DIRECTIONS, INDICATOR_STATUSES, RELIABILITIES } from "@/db/schema/define";
import { DomainError } from "@/lib/errors";
import { sumsToOne } from "@/lib/math/probability";
import { LIMITS } from "@/lib/validation/limits";
import { documentIssues } from "./references";

export const DOCUMENT_FORMAT = "branchpoint.scenario";
export const FORMAT_VERSION = 1;
/** Written when a scenario is imported. Not part of the analysis, so never exported. */
export const IMPORT_EVENT_TYPE = "scenario.imported";
/**
 * Events an export leaves out: how this copy came to be, and invitations (like membership,
 * who may open this copy is not part of the document; their ids name rows it does not hold).
 */
export const UNEXPORTED_EVENT_TYPES = [IMPORT_EVENT_TYPE, "invite.created", "invite.revoked"];

const within = (max: number) => z.string().max(max, `must be at most ${max} characters`);
/** A line the API trims: 1..max characters, no white space at either end. */
const line = (max: number = LIMITS.title) =>
  within(max)
    .min(1, "must not be empty")
    .refine((s) => s === s.trim(), "must not start or end with white space");
const text = (max: number) => within(max);
const id = z.string().min(1, "is required").max(100, "is not a valid id");
const ts = z.iso.datetime({ offset: true, message: "must be an ISO-8601 timestamp" });
const int = z.number().int("must be an integer");
const version = int.min(1, "must be at least 1");
const probability = z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");
/** Only http(s): a javascript: or data: link rendered in the UI would be a hazard. */
const url = within(LIMITS.url).refine((u) => {
  try {
    const parsed = new URL(u);
    return (parsed.protocol === "http:" || parsed.protocol === "https:") && u === u.trim();
  } catch {
    return false;
  }
}, "must be an http(s) URL");
/** P(E|H): a probability, never 0 (that would rule a hypothesis out for good). */
const likelihood = z.number().gt(0, "must be greater than 0").lte(1, "must be at most 1");
const credibility = int.min(1, "must be 1 to 6").max(6, "must be 1 to 6");
const tags = z.array(within(LIMITS.tag).min(1, "must not be empty")).max(LIMITS.tags, `must have at most ${LIMITS.tags} tags`);

const scenario = z.strictObject({
  id,
  title: line(),
  summary: text(LIMITS.summary),
  version,
  createdBy: id.nullable(),
  createdAt: ts,
  updatedAt: ts,
  archivedAt: ts.nullable(),
  // later additions are optional, so documents exported before them still import
  independentElicitation: z.boolean().optional(),
});

const person = z.strictObject({
  id,
  name: line(LIMITS.name),
  email: z.string().min(3, "must be an email address").max(320, "must be at most 320 characters").includes("@", { message: "must be an email address" }),
});

const questionVersion = z.strictObject({
  version,
  title: line(),
  description: text(LIMITS.description),
  resolutionCriteria: text(LIMITS.description).optional(),
  resolveBy: ts.nullable().optional(),
  editedBy: id.nullable(),
  createdAt: ts,
});

const question = z.strictObject({
  id,
  parentHypothesisId: id.nullable(),
  title: line(),
  description: text(LIMITS.description),
  resolutionCriteria: text(LIMITS.description).optional(),
  resolveBy: ts.nullable().optional(),
  position: int,
  version,
  createdAt: ts,
  updatedAt: ts,
  versions: z.array(questionVersion),
});

const hypothesisStatus = z.enum(HYPOTHESIS_STATUSES);

const hypothesisVersion = z.strictObject({
  version,
  title: line(),
  description: text(LIMITS.description),
  status: hypothesisStatus,
  editedBy: id.nullable(),
  createdAt: ts,
});

const hypothesis = z.strictObject({
  id,
  questionId: id,
  title: line(),
  description: text(LIMITS.description),
  status: hypothesisStatus,
  position: int,
  version,
  createdAt: ts,
  updatedAt: ts,
  versions: z.array(hypothesisVersion),
});

const outcome = z.strictObject({
  id,
  title: line(),
  description: text(LIMITS.description),
  hypothesisIds: z.array(id),
  position: int,
  version,
  createdAt: ts,
  updatedAt: ts,
  archivedAt: ts.nullable(),
});

const source = z.strictObject({
  id,
  title: line(),
  publisher: line().nullable(),
  author: line().nullable(),
  publishedAt: ts.nullable(),
  url: url.nullable(),
  text: text(LIMITS.sourceText).nullable(),
  createdBy: id.nullable(),
  createdAt: ts,
});

const grading = {
  summary: line(LIMITS.summary),
  excerpt: text(LIMITS.excerpt).nullable(),
  sourceId: id.nullable(),
  occurredAt: ts.nullable(),
  reliability: z.enum(RELIABILITIES),
  credibility,
  tags,
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
  retractReason: line(LIMITS.reason).nullable(),
  retractedBy: id.nullable(),
  versions: z.array(evidenceVersion),
});

const rating = z.strictObject({
  id,
  evidenceId: id,
  hypothesisId: id,
  analystId: id,
  // null: the analyst cleared the cell
  consistency: z.enum(CONSISTENCIES).nullable(),
  likelihood: likelihood.nullable(),
  createdAt: ts,
});

const estimate = z.strictObject({
  id,
  questionId: id,
  analystId: id,
  probabilities: z
    .record(id, probability)
    .refine((p) => Object.keys(p).length > 0, "must give at least one probability")
    .refine((p) => sumsToOne(p), "must sum to 1 (±0.001)"),
  rationale: line(LIMITS.rationale),
  evidenceIds: z.array(id),
  createdAt: ts,
});

const forecaster = z.strictObject({ questionId: id, analystId: id, firstAt: ts });

const resolution = z.strictObject({
  id,
  questionId: id,
  hypothesisId: id.nullable(),
  annulled: z.boolean(),
  note: text(LIMITS.note),
  // absent in documents written before corrections existed
  correctionReason: line(LIMITS.reason).nullable().default(null),
  causeQuestionId: id.nullable().default(null),
  resolvedBy: id.nullable(),
  createdAt: ts,
});

const indicatorContent = {
  title: line(),
  description: text(LIMITS.description),
  direction: z.enum(INDICATOR_DIRECTIONS),
  status: z.enum(INDICATOR_STATUSES),
  evidenceIds: z.array(id),
};

const indicatorVersion = z.strictObject({ version, ...indicatorContent, editedBy: id.nullable(), createdAt: ts });

const indicator = z.strictObject({
  id,
  hypothesisId: id,
  ...indicatorContent,
  version,
  createdBy: id.nullable(),
  createdAt: ts,
  updatedAt: ts,
  versions: z.array(indicatorVersion),
});

const assumptionContent = {
  statement: line(LIMITS.summary),
  status: z.enum(ASSUMPTION_STATUSES),
  note: text(LIMITS.note),
};

const assumptionVersion = z.strictObject({ version, ...assumptionContent, editedBy: id.nullable(), createdAt: ts });

const assumption = z.strictObject({
  id,
  questionId: id,
  ...assumptionContent,
  version,
  createdBy: id.nullable(),
  createdAt: ts,
  updatedAt: ts,
  versions: z.array(assumptionVersion),
});

const event = z.strictObject({
  id,
  actorId: id.nullable(),
  at: ts,
  type: line(100),
  entity: line(100),
  entityId: id,
  // any JSON; its depth is bounded before parsing (MAX_JSON_DEPTH, lib/http/route.ts)
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
  // absent in documents written before indicators and key assumptions existed
  indicators: z.array(indicator).default([]),
  assumptions: z.array(assumption).default([]),
  events: z.array(event),
});

export type ScenarioDocument = z.infer<typeof documentShape>;
export type DocumentPerson = ScenarioDocument["people"][number];
export type DocumentQuestion = ScenarioDocument["questions"][number];
export type DocumentHypothesis = ScenarioDocument["hypotheses"][number];
export type DocumentEvidence = ScenarioDocument["evidence"][number];
export type DocumentEvent = ScenarioDocument["events"][number];

const COLLECTIONS = ["people", "questions", "hypotheses", "outcomes", "sources", "evidence", "ratings", "estimates", "forecasters", "resolutions", "indicators", "assumptions", "events"] as const;
type Collection = (typeof COLLECTIONS)[number];

/** A collection's schema, and the schema of one of its records. */
const collectionOf = (key: Collection) => documentShape.shape[key];
const elementOf = (key: Collection): z.ZodType => {
  const c = collectionOf(key);
  return (c instanceof z.ZodDefault ? c.unwrap() : c).element as z.ZodType;
};

// The document with every collection left unchecked (optional ones still optional): its
// records are checked one by one below.
const shell = documentShape.extend(
  Object.fromEntries(COLLECTIONS.map((k) => [k, collectionOf(k) instanceof z.ZodDefault ? z.array(z.unknown()).default([]) : z.array(z.unknown())])) as Record<Collection, z.ZodArray<z.ZodUnknown>>,
);

const head = z.object({ format: z.unknown(), formatVersion: z.unknown() }, { message: "must be a JSON object" });

function checkHead(input: unknown): void {
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
}

/** Rows of every kind together, versions included: what an import writes. */
export function documentRows(doc: { [K in Collection]: unknown[] }): number {
  let n = 1; // the scenario
  for (const key of COLLECTIONS) {
    n += doc[key].length;
    for (const row of doc[key]) {
      const versions = (row as { versions?: unknown } | null)?.versions;
      if (Array.isArray(versions)) n += versions.length;
    }
  }
  return n;
}

export interface ParseOptions {
  /** Refuse (413) a document with more rows than this. */
  maxRows?: number;
  /** Called every CHUNK records, so a long check lets other requests run in between. */
  pause?: () => Promise<void>;
}

const CHUNK = 250;
const MAX_ISSUES = 100;

/**
 * Validate an uploaded document. Wrong types are a ZodError (400); a document of another
 * kind or format version, one that breaks a record rule, or one whose references dangle,
 * is 422 with the field path; one with more rows than allowed is 413. Records are checked
 * one by one with a pause every CHUNK, so a large document never holds up other users.
 */
export async function parseScenarioDocument(input: unknown, options: ParseOptions = {}): Promise<ScenarioDocument> {
  checkHead(input);
  const base = shell.parse(input);
  const rows = documentRows(base);
  if (options.maxRows !== undefined && rows > options.maxRows) {
    throw new DomainError("too_large", `The document holds ${rows.toLocaleString("en-GB")} rows; this server imports at most ${options.maxRows.toLocaleString("en-GB")}`, [
      { path: "(body)", message: `too many rows (at most ${options.maxRows})` },
    ]);
  }
  const issues: z.core.$ZodIssue[] = [];
  const checked: Partial<Record<Collection, unknown[]>> = {};
  let seen = 0;
  for (const key of COLLECTIONS) {
    const element = elementOf(key);
    const out: unknown[] = [];
    for (const [i, raw] of base[key].entries()) {
      const r = element.safeParse(raw);
      if (r.success) out.push(r.data);
      else for (const issue of r.error.issues) issues.push({ ...issue, path: [key, i, ...issue.path] });
      if (issues.length >= MAX_ISSUES) throw new z.ZodError(issues);
      if (++seen % CHUNK === 0 && options.pause) await options.pause();
    }
    checked[key] = out;
  }
  if (issues.length > 0) throw new z.ZodError(issues);
  const doc = { ...base, ...checked } as ScenarioDocument;
  const broken = documentIssues(doc);
  if (broken.length > 0) throw new z.ZodError(broken.map((b) => ({ code: "custom", path: b.path, message: b.message, input: undefined })));
  return doc;
}
