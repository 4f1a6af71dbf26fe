// The one wrapper every API route goes through: resolve the actor from an API token
// (Authorization: Bearer) or the session cookie, read the body within limits, run the
// handler, and turn any error into problem+json.
// Authorization itself happens in the services the handler calls.
import type { ZodType } from "zod";
import { getStore } from "@/lib/server/store";
import { sessionActor } from "@/lib/auth/session";
import { DomainError } from "@/lib/errors";
import { env } from "@/lib/env";
import { jsonDepth, requireJsonBody, requireSameOrigin } from "@/lib/security/origin";
import { limitWrites } from "@/lib/security/rate-limit";
import { actorFromToken } from "@/lib/tokens/service";
import type { Store } from "@/db/store";
import type { Actor } from "@/lib/access/service";
import { NUL_MESSAGE, nulPath } from "@/lib/validation/storable";
import { problem, problemFromError } from "./problem";

export const DEFAULT_BODY_LIMIT = 1_000_000; // 1 MB
// A source's full text may be LIMITS.sourceText characters: up to 4 bytes each in UTF-8, or
// 6 as a JSON \u escape, plus the other fields.
export const SOURCE_BODY_LIMIT = 6_500_000;
const DRAIN_CAP = 64_000_000;
// No request of ours nests deeper; a hostile body nested thousands deep would otherwise
// overflow the stack of a recursive validator.
export const MAX_JSON_DEPTH = 64;

export interface RouteContext<P> {
  req: Request;
  params: P;
  store: Store;
  actor: Actor | null;
  url: URL;
  /** The parsed JSON body, validated by `schema`. */
  body<T>(schema: ZodType<T>): Promise<T>;
  /** Query-string parameters validated by `schema` (absent keys are undefined). */
  query<T>(schema: ZodType<T>): T;
}

export interface RouteOptions {
  /** Bytes; a function when the limit is configured (read per request). */
  bodyLimit?: number | (() => number);
}

/** The API token of `Authorization: Bearer …`, or null when the request carries none. */
function bearerToken(headers: Headers): string | null {
  const header = headers.get("authorization");
  if (header === null) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw new DomainError("unauthenticated", "The Authorization header must read: Bearer <API token>");
  return m[1]!;
}

/** The body as text, refusing (413) as soon as it passes `limit` bytes, declared or streamed. */
async function readLimited(req: Request, limit: number): Promise<string> {
  const tooLarge = () => new DomainError("too_large", `The request body is over the ${limit}-byte limit`);
  if (Number(req.headers.get("content-length") ?? "0") > limit) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Read (and drop) the rest so the connection stays usable for the client's next
      // request; past a hard cap, give up on it.
      while (size <= DRAIN_CAP) {
        const next = await reader.read();
        if (next.done) break;
        size += next.value.byteLength;
      }
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function readJson(req: Request, limit: number): Promise<unknown> {
  const text = await readLimited(req, limit);
  if (text.trim() === "") throw new DomainError("invalid", "The request needs a JSON body", [{ path: "(body)", message: "is empty" }]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DomainError("invalid", "The request body is not valid JSON", [{ path: "(body)", message: "malformed JSON" }]);
  }
  if (jsonDepth(value) > MAX_JSON_DEPTH) {
    throw new DomainError("invalid", `The request body nests deeper than ${MAX_JSON_DEPTH} levels`, [{ path: "(body)", message: "nested too deeply" }]);
  }
  // JSON text can carry U+0000 only as the escape \u0000: without one, spare the walk
  if (text.includes("\\u0000")) refuseNul(value, "The request body");
  return value;
}

export function json(data: unknown, status = 200): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}

export const created = (data: unknown) => json(data, 201);

/** 201 with the created object and a Location header naming where it lives. */
export function createdAt(location: string, data: unknown): Response {
  const res = json(data, 201);
  res.headers.set("location", location);
  return res;
}
export const noContent = () => new Response(null, { status: 204 });

/** The handler for a method a route does not support: 405 with an Allow header, as problem+json. */
export function notAllowed(allowed: string, detail = `This endpoint supports ${allowed} only`) {
  return async (): Promise<Response> => {
    const res = problem(405, detail);
    res.headers.set("allow", allowed);
    return res;
  };
}

function refuseNul(value: unknown, where: string): void {
  const path = nulPath(value);
  if (path) throw new DomainError("invalid", `${where} contains a NUL character (U+0000), which cannot be stored`, [{ path, message: NUL_MESSAGE }]);
}

const limitOf = (l: RouteOptions["bodyLimit"]) => (typeof l === "function" ? l() : (l ?? DEFAULT_BODY_LIMIT));

export function route<P = Record<string, never>>(
  handler: (ctx: RouteContext<P>) => Promise<Response>,
  options: RouteOptions = {},
) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const token = bearerToken(req.headers);
      // a browser's cookie rides along on cross-site requests; a bearer token never does
      if (token === null) requireSameOrigin(req);
      requireJsonBody(req);
      const store = await getStore();
      const actor = token !== null ? await actorFromToken(store, token) : await sessionActor(store, req.headers);
      if (!actor) throw new DomainError("unauthenticated", "Sign in to use the API");
      // a change counts against its author's limit inside its own transaction (lib/security/rate-limit.ts)
      const writes = req.method === "GET" || req.method === "HEAD" ? null : await limitWrites(store, `writes:${actor.id}`, env().BRANCHPOINT_WRITES_PER_MINUTE, 60_000, "changes in a minute");
      try {
        const url = new URL(req.url);
        const params = await context.params;
        // no stored id contains U+0000, and PostgreSQL refuses one even in a lookup
        if (nulPath(params)) throw new DomainError("not_found", "Not found");
        refuseNul(Object.fromEntries(url.searchParams), "The query string");
        return await handler({
          req,
          params,
          store: writes?.store ?? store,
          actor,
          url,
          body: async (schema) => schema.parse(await readJson(req, limitOf(options.bodyLimit))),
          query: (schema) => schema.parse(Object.fromEntries(url.searchParams)),
        });
      } finally {
        await writes?.settle();
      }
    } catch (err) {
      return problemFromError(err);
    }
  };
}
