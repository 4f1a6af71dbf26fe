// The OpenAPI document (lib/openapi): valid OpenAPI 3.1, every schema in it valid JSON Schema
// 2020-12, and complete — every method a route file under app/api/v1 answers (other than
// with notAllowed) is an operation of it, and it documents nothing the routes do not answer.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { buildDocument, errorStatuses, openApiJson } from "@/lib/openapi/document";
import { OPERATIONS } from "@/lib/openapi/operations";
import { createEstimateInput } from "@/lib/estimates/schema";
import { sampleDocument } from "../transfer/fixture";

const ROOT = path.resolve(__dirname, "../../../app/api/v1");
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/**
 * "METHOD /api/v1/…" for every handler a route file exports, `[param]` written `{param}`;
 * handlers made by notAllowed(…) are 405 answers, not operations. The catch-all
 * ([...path], a problem+json 404 for unknown paths) is no operation either.
 */
function routeOperations(dir = ROOT, prefix = "/api/v1"): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith("[...")) continue;
      out.push(...routeOperations(full, `${prefix}/${entry.name.replace(/^\[(\w+)\]$/, "{$1}")}`));
    } else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
      const src = fs.readFileSync(full, "utf8");
      const exported = /export\s+(?:const\s+(GET|POST|PUT|PATCH|DELETE)\s*(?::[^=]+)?=\s*([\w.]+)|(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b)/g;
      for (const m of src.matchAll(exported)) {
        if (m[2] === "notAllowed") continue;
        out.push(`${m[1] ?? m[3]} ${prefix}`);
      }
    }
  }
  return out.sort();
}

/** Every route file under app/api/v1, relative to it. */
const routeFiles = (): string[] =>
  (fs.readdirSync(ROOT, { recursive: true }) as string[]).filter((f) => /(^|\/)route\.(ts|tsx|js)$/.test(f));

type Doc = ReturnType<typeof buildDocument>;
type Json = Record<string, any>;

function documentOperations(doc: Doc): string[] {
  const out: string[] = [];
  for (const [p, item] of Object.entries(doc.paths ?? {})) {
    for (const m of METHODS) if ((item as Json)[m]) out.push(`${m.toUpperCase()} ${p}`);
  }
  return out.sort();
}

describe("the OpenAPI document", () => {
  const doc = buildDocument();

  it("is a valid OpenAPI 3.1 document whose references all resolve", async () => {
    const validator = new Validator();
    const res = await validator.validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(res.errors ?? [], JSON.stringify(res.errors, null, 1)?.slice(0, 2000)).toEqual([]);
    expect(res.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it("has a valid JSON Schema 2020-12 for every component, parameter and body", () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    ajv.addSchema(structuredClone(doc) as object, "doc");
    const pointer = (...parts: string[]) => `doc#/${parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
    const names = Object.keys(doc.components?.schemas ?? {});
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) expect(() => ajv.getSchema(pointer("components", "schemas", name)), name).not.toThrow();
    for (const [p, item] of Object.entries(doc.paths ?? {})) {
      for (const m of METHODS) {
        const op = (item as Json)[m] as Json | undefined;
        if (!op) continue;
        (op.parameters ?? []).forEach((_: unknown, i: number) => expect(() => ajv.getSchema(pointer("paths", p, m, "parameters", String(i), "schema"))).not.toThrow());
        for (const [status, r] of Object.entries(op.responses as Json)) {
          for (const type of Object.keys((r as Json).content ?? {})) {
            expect(() => ajv.getSchema(pointer("paths", p, m, "responses", status, "content", type, "schema")), `${m} ${p} ${status}`).not.toThrow();
          }
        }
      }
    }
  });

  it("has every method of every route file under app/api/v1, and nothing else", () => {
    const routes = routeOperations();
    expect(routes.length).toBeGreaterThan(40);
    const documented = documentOperations(doc);
    // a route answered here but missing from lib/openapi/operations.ts
    expect(routes.filter((r) => !documented.includes(r)), "routes the document lacks").toEqual([]);
    // an operation in the document that no route file answers
    expect(documented.filter((d) => !routes.includes(d)), "operations without a route").toEqual([]);
  });

  it("documents the very schemas the routes parse: no route file writes its own", () => {
    // a schema written inline in a route file could not be imported here, so the document would
    // need a copy of it, and the two could drift apart
    const inline = routeFiles().filter((file) => /\bz\.(strictObject|object)\(/.test(fs.readFileSync(path.join(ROOT, file), "utf8")));
    expect(inline).toEqual([]);
  });

  it("names each operation once and declares every path parameter", () => {
    const ids = OPERATIONS.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of OPERATIONS) {
      const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(Object.keys(op.params ?? {}).sort(), op.operationId).toEqual(inPath);
      const declared = ((doc.paths?.[op.path] as Json)[op.method].parameters ?? []).filter((p: Json) => p.in === "path").map((p: Json) => p.name).sort();
      expect(declared, op.operationId).toEqual(inPath);
    }
  });

  it("gives each operation its success reply and the problem replies it can give", () => {
    for (const op of OPERATIONS) {
      const responses = (doc.paths?.[op.path] as Json)[op.method].responses as Json;
      expect(Object.keys(responses).map(Number).sort((a, b) => a - b), op.operationId).toEqual([op.reply.status, ...errorStatuses(op)]);
      if (op.reply.status !== 204) expect(responses[op.reply.status].content[op.reply.contentType ?? "application/json"].schema, op.operationId).toBeDefined();
      for (const status of errorStatuses(op)) {
        const ref = responses[status].$ref as string;
        const shared = (doc.components?.responses as Json)[ref.split("/").pop()!];
        expect(shared.content["application/problem+json"].schema).toEqual({ $ref: "#/components/schemas/Problem" });
      }
      // anyone may read the document itself; everything else needs a session or a token
      if (op.access === "public") expect(errorStatuses(op)).toEqual([]);
      else expect(errorStatuses(op)).toContain(401);
    }
  });

  it("declares the session cookie and the bearer token, and keeps token management to sessions", () => {
    const schemes = doc.components?.securitySchemes as Json;
    expect(schemes.sessionCookie).toMatchObject({ type: "apiKey", in: "cookie", name: "better-auth.session_token" });
    expect(schemes.apiToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ sessionCookie: [] }, { apiToken: [] }]);
    expect((doc.paths?.["/api/v1/me/tokens"] as Json).post.security).toEqual([{ sessionCookie: [] }]);
    expect((doc.paths?.["/api/v1/openapi.json"] as Json).get.security).toEqual([]);
  });

  it("describes bodies with the route's own schemas: what zod accepts, the document accepts", () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    ajv.addSchema(structuredClone(doc) as object, "doc");
    const check = (name: string) => ajv.getSchema(`doc#/components/schemas/${name}`)!;
    const estimate = { probabilities: { h1: 0.25, h2: 0.75 }, rationale: "because" };
    expect(createEstimateInput.safeParse(estimate).success).toBe(true);
    expect(check("CreateEstimateInput")(estimate)).toBe(true);
    for (const bad of [{ ...estimate, probabilities: { h1: 2 } }, { ...estimate, extra: 1 }, { probabilities: {} }]) {
      expect(createEstimateInput.safeParse(bad).success).toBe(false);
      expect(check("CreateEstimateInput")(bad), JSON.stringify(bad)).toBe(false);
    }
    // an export document is what the import body and the export reply both describe
    const exported = sampleDocument();
    expect(check("ScenarioDocumentInput")(exported), JSON.stringify(check("ScenarioDocumentInput").errors)).toBe(true);
    expect(check("ScenarioDocument")(exported), JSON.stringify(check("ScenarioDocument").errors)).toBe(true);
  });

  it("is built once and served as the same text", () => {
    const text = openApiJson();
    expect(openApiJson()).toBe(text);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
