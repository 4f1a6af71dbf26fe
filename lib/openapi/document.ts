// The OpenAPI 3.1 document of /api/v1, built by zod-openapi from the list in ./operations.ts:
// request schemas are the ones the routes validate with, replies are ./responses.ts. Built
// once per process on first use (openApiJson) and served by app/api/v1/openapi.json.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from "zod-openapi";
import { OPERATIONS, type Operation } from "./operations";
import { Problem } from "./responses";

export const SESSION_COOKIE = "better-auth.session_token";

const ERRORS: Record<number, { id: string; description: string }> = {
  400: { id: "BadRequest", description: "Malformed request: malformed JSON, a field or query value of the wrong type, a missing field, an unknown field" },
  401: { id: "Unauthorized", description: "No session and no API token, or a token that is unknown, revoked or expired" },
  403: {
    id: "Forbidden",
    description: "The caller's role does not allow this (or an API token where a browser session is needed), or a browser request that changes data came from another site",
  },
  404: { id: "NotFound", description: "No such thing, or it is in a scenario the caller is not a member of" },
  409: { id: "Conflict", description: "The `version` sent is stale (someone changed it since: reload and retry), or the change conflicts with the current state" },
  413: { id: "PayloadTooLarge", description: "The body is over this endpoint's size limit" },
  415: { id: "UnsupportedMediaType", description: "The body is not sent as `Content-Type: application/json`" },
  422: { id: "UnprocessableContent", description: "Well-formed input that breaks a rule: a length, a range, a reference, a sum" },
  429: { id: "TooManyRequests", description: "Too many changes in a minute; `Retry-After` says when to try again" },
};

/** The problem statuses an operation can answer with, from what it takes and who may call it. */
export function errorStatuses(op: Operation): number[] {
  if (op.access === "public") return [];
  const write = op.method !== "get";
  // 400: any query string (a NUL character is refused everywhere), 401: no one signed in
  const out = new Set<number>([400, 401]);
  // 403: a role too low, a token where a session is needed, a cross-site browser write
  if (write || op.access === "session" || op.access === "editor" || op.access === "owner") out.add(403);
  if (op.params) out.add(404);
  if (op.body) [413, 415, 422].forEach((s) => out.add(s));
  if (op.query) out.add(422);
  if (write) out.add(429);
  for (const s of op.errors ?? []) out.add(s);
  return [...out].sort((a, b) => a - b);
}

// One registered response per status: each operation refers to it ($ref).
const problemResponses: Record<number, ZodOpenApiResponseObject> = Object.fromEntries(
  Object.entries(ERRORS).map(([status, { id, description }]) => [
    status,
    {
      id,
      description,
      ...(status === "429" ? { headers: z.object({ "Retry-After": z.string().meta({ description: "Seconds to wait" }) }) } : {}),
      content: { "application/problem+json": { schema: Problem } },
    },
  ]),
);

/** Query parameters whose schemas carry no description of their own. */
const QUERY_DESCRIPTIONS: Record<string, string> = {
  asOf: "Read the state as it stood at this time: an ISO-8601 timestamp with a zone, or a date (midnight UTC)",
  method: "How the analysts' probabilities are pooled into the team's (default geometric)",
  limit: "Page size",
  cursor: "The `nextCursor` of the previous page",
  order: "Sort order",
  from: "From this time (ISO-8601 timestamp with a zone, or a date)",
  to: "Up to this time (ISO-8601 timestamp with a zone, or a date)",
  q: "Text the summary or excerpt contains",
  includeRetracted: "Include retracted items",
  tag: "Only items with this tag",
  sourceId: "Only items from this source",
  minReliability: "Source reliability at least this good (A best)",
  maxCredibility: "Credibility at least this good (1 best)",
  occurredFrom: "Happened (else logged) at or after this time",
  occurredTo: "Happened (else logged) at or before this time",
  questionId: "The question whose matrix to read",
  evidenceId: "Only this evidence item's row (the scores are still over every row); `limit` and `cursor` are then ignored",
  sort: "The order of the matrix's rows: largest first by `diagnosticity` (the caller's), `teamDiagnosticity` or `weight`, or newest `logged` first (the default)",
  analystId: "Only this analyst's estimates",
  actorId: "Only events by this user",
  kind: "An entity kind (`evidence`) or an event type prefix (`estimate.created`)",
  scope: "Whose ratings: the caller's (`mine`) or the team's (default)",
  since: "Also say what moved from this time up to `asOf` (or now), and why (ISO-8601 timestamp with a zone, or a date)",
  format: "The reply's format (`markdown`, the default)",
};

const isEmpty = (o: object) => Object.keys(o).length === 0;

function operationObject(op: Operation): ZodOpenApiOperationObject {
  const responses: ZodOpenApiOperationObject["responses"] = {
    [op.reply.status]: {
      description: op.reply.description,
      ...(op.reply.headers
        ? { headers: z.object(Object.fromEntries(Object.entries(op.reply.headers).map(([name, d]) => [name, z.string().meta({ description: d })]))) }
        : {}),
      ...(op.reply.schema ? { content: { [op.reply.contentType ?? "application/json"]: { schema: op.reply.schema } } } : {}),
    },
  };
  for (const status of errorStatuses(op)) responses[`${status}` as `${1 | 2 | 3 | 4 | 5}${string}`] = problemResponses[status]!;
  const pathParams = op.params ? z.object(Object.fromEntries(Object.entries(op.params).map(([name, d]) => [name, z.string().meta({ description: d })]))) : undefined;
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.access === "public" ? { security: [] } : op.access === "session" ? { security: [{ sessionCookie: [] }] } : {}),
    ...(pathParams || op.query ? { requestParams: { ...(pathParams ? { path: pathParams } : {}), ...(op.query ? { query: op.query } : {}) } } : {}),
    // a copy of the body's schema that carries its component name (the route's own is left alone)
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: op.body.schema.meta({ id: op.body.name }) } } } } : {}),
    responses,
  };
}

type JsonSchema = Record<string, unknown>;

/**
 * zod names the schemas it lifts out to break a cycle `__schema0`, `__schema1`, …; once the
 * override above has made them plain (z.json() → "any JSON value"), put them back inline.
 */
function inlineAnonymous(schemas: Record<string, JsonSchema> | undefined, root: object): void {
  if (!schemas) return;
  const anonymous = new Map<string, JsonSchema>();
  for (const [name, schema] of Object.entries(schemas)) {
    if (/^__schema\d+$/.test(name) && !JSON.stringify(schema).includes(`"#/components/schemas/${name}"`)) anonymous.set(`#/components/schemas/${name}`, schema);
  }
  if (anonymous.size === 0) return;
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    for (const value of Object.values(node)) visit(value);
    const ref = (node as JsonSchema).$ref;
    if (typeof ref === "string" && anonymous.has(ref)) {
      delete (node as JsonSchema).$ref;
      Object.assign(node, anonymous.get(ref));
    }
  };
  visit(root);
  for (const ref of anonymous.keys()) delete schemas[ref.slice("#/components/schemas/".length)];
}

/** The document as a plain object (see openApiJson for the cached text). */
export function buildDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const op of OPERATIONS) paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) };

  const doc = createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Branchpoint API",
        version: "1",
        description:
          "Scenarios of competing hypotheses, the evidence for them, and how confidence changes over time. " +
          "Every reply is JSON; every error is `application/problem+json` (RFC 9457) with `errors: [{ path, message }]` for field problems. " +
          "Call it with the browser session cookie (changes must then come from the app's own origin) or with an API token as `Authorization: Bearer <token>`.",
      },
      security: [{ sessionCookie: [] }, { apiToken: [] }],
      tags: [
        { name: "Account", description: "The signed-in account and its API tokens" },
        { name: "Scenarios", description: "Scenarios as a whole" },
        { name: "Questions", description: "Questions and their competing hypotheses" },
        { name: "Outcomes", description: "Outcomes reached through hypotheses" },
        { name: "Evidence", description: "The evidence log and ratings of evidence against hypotheses" },
        { name: "Sources", description: "Sources that evidence quotes" },
        { name: "Indicators and assumptions", description: "The watch list of indicators for hypotheses, and each question's key assumptions" },
        { name: "Estimates", description: "Probabilities over time, and the true answers" },
        { name: "Analysis", description: "The ACH matrix, scores, calibration, changes, sensitivity, series and the audit log" },
        { name: "Members", description: "Roles and invitations" },
        { name: "Transfer", description: "Export and import of whole scenarios" },
        { name: "Reference", description: "This document" },
      ],
      paths,
      components: {
        securitySchemes: {
          sessionCookie: {
            type: "apiKey",
            in: "cookie",
            name: SESSION_COOKIE,
            description: `The session cookie that signing in sets (named __Secure-${SESSION_COOKIE} when the app is served over https). Requests that change data must come from the app's own origin.`,
          },
          apiToken: {
            type: "http",
            scheme: "bearer",
            description: "An API token made with POST /api/v1/me/tokens, sent as `Authorization: Bearer bp_…`. It acts as its owner, with the owner's roles; it cannot manage tokens.",
          },
        },
      },
    },
    {
      override: ({ jsonSchema, zodSchema, io }) => {
        const js = jsonSchema as JsonSchema;
        const def = zodSchema._zod.def;
        // zod writes its own regex beside format: date-time; the format says it (RFC 3339)
        if (js.format === "date-time") delete js.pattern;
        // .includes()/.startsWith()/.endsWith(): zod names a format no validator knows; the pattern says it
        if (js.format === "includes" || js.format === "starts_with" || js.format === "ends_with") delete js.format;
        // .int() writes the safe-integer range, which says nothing here
        if (js.minimum === Number.MIN_SAFE_INTEGER) delete js.minimum;
        if (js.maximum === Number.MAX_SAFE_INTEGER) delete js.maximum;
        // z.json(): any JSON value, said plainly rather than as a recursive union
        if (def.type === "lazy") {
          for (const key of Object.keys(js)) delete js[key];
          js.description = "Any JSON value";
        }
        // A guard in front of the real schema (`z.unknown().superRefine(…).pipe(record)`)
        // accepts anything in JSON Schema terms: describe what it pipes into.
        if (def.type === "pipe" && io === "input" && isEmpty(js)) {
          const { $schema: _drop, ...out } = z.toJSONSchema((def as z.core.$ZodPipeDef).out, { io: "input", target: "draft-2020-12" }) as JsonSchema;
          void _drop;
          Object.assign(js, out);
        }
      },
    },
  );

  inlineAnonymous(doc.components?.schemas as Record<string, JsonSchema> | undefined, doc);

  // query parameters described by name where their schema says nothing
  for (const item of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(item as Record<string, { parameters?: { in: string; name: string; description?: string }[] }>)) {
      for (const p of operation.parameters ?? []) {
        if (p.in === "query" && !p.description && QUERY_DESCRIPTIONS[p.name]) p.description = QUERY_DESCRIPTIONS[p.name];
      }
    }
  }
  return doc;
}

export type OpenApiDocument = ReturnType<typeof buildDocument>;

let cached: string | undefined;

/** The document as JSON text, built on first use and kept for the life of the process. */
export function openApiJson(): string {
  cached ??= JSON.stringify(buildDocument());
  return cached;
}
