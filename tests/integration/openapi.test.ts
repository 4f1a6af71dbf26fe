// The OpenAPI document against the real server: GET /api/v1/openapi.json is public JSON, and
// real replies — every operation's success, and problems of each kind — validate (Ajv, JSON
// Schema 2020-12 with formats) against the schema the document declares for their path,
// method and status. An operation the document lists but this file never saw succeed fails
// the last test: a new endpoint gets a call here.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { signUp } from "../support/accounts";
import { ApiClient, type ApiResponse } from "../support/client";
import { buildScenario, invite, newEvidence, newQuestion, newScenario, type Built } from "../support/api";

const baseUrl = inject("baseUrl");

type Json = Record<string, any>;
const METHODS = ["get", "post", "put", "patch", "delete"];

let doc: Json;
let ajv: Ajv2020;
/** "METHOD /path status" of every reply checked. */
const seen = new Set<string>();

const pointer = (...parts: string[]) => `openapi#/${parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;

/**
 * Check a reply against the document: its status is one the operation declares, its
 * content type the declared one, and its body valid against the declared schema.
 */
function conforms<T extends ApiResponse>(res: T, method: string, template: string): T {
  const m = method.toLowerCase();
  const ctx = `${method} ${template} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
  const operation = doc.paths[template]?.[m];
  expect(operation, `${ctx}: not in the document`).toBeDefined();
  const status = String(res.status);
  let response = operation.responses[status];
  expect(response, `${ctx}: status not declared`).toBeDefined();
  let at = ["paths", template, m, "responses", status];
  if (response.$ref) {
    at = (response.$ref as string).slice(2).split("/");
    response = at.reduce((node: Json, key) => node[key], doc);
  }
  const types = Object.keys(response.content ?? {});
  if (types.length === 0) {
    expect(res.body, ctx).toBeNull();
  } else {
    const type = types[0]!;
    expect(res.headers.get("content-type")?.split(";")[0], ctx).toBe(type);
    const validate = ajv.getSchema(pointer(...at, "content", type, "schema"))!;
    const valid = validate(res.body);
    expect(valid, `${ctx}\n${JSON.stringify(validate.errors, null, 1)?.slice(0, 1500)}`).toBe(true);
  }
  seen.add(`${method.toUpperCase()} ${template} ${status}`);
  return res;
}

/** conforms(), and a 2xx status (the body, for chaining). */
function ok(res: ApiResponse, method: string, template: string): any {
  expect(res.status, `${method} ${template}: ${JSON.stringify(res.body)?.slice(0, 500)}`).toBeLessThan(300);
  return conforms(res, method, template).body;
}

let owner: ApiClient;
let colleague: ApiClient;
let b: Built;
let sid: string;

beforeAll(async () => {
  const res = await fetch(`${baseUrl}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  doc = await res.json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, "openapi");
  [owner, colleague] = await Promise.all([signUp(baseUrl, "Olga Spec"), signUp(baseUrl, "Colin Spec")]);
  b = await buildScenario(owner, "Documented");
  sid = b.scenario.id;
});

describe("GET /api/v1/openapi.json", () => {
  it("is public JSON, cached, and describes itself", async () => {
    const res = await fetch(`${baseUrl}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    const text = await res.text();
    expect(JSON.parse(text)).toEqual(doc);
    expect(doc.openapi).toBe("3.1.0");
    // the same text every time: built once per process
    expect(await (await fetch(`${baseUrl}/api/v1/openapi.json`)).text()).toBe(text);
    conforms({ status: 200, headers: res.headers, body: doc }, "GET", "/api/v1/openapi.json");
    const post = await new ApiClient(baseUrl).post("/api/v1/openapi.json", {});
    expect(post.status).toBe(405);
  });

  it("/api/docs is the reference page, under the pages' security policy (not the API's)", async () => {
    const page = await fetch(`${baseUrl}/api/docs`, { redirect: "manual" });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("API reference");
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
    // everything else under /api/ keeps the data policy
    expect((await fetch(`${baseUrl}/api/v1/openapi.json`)).headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe("real replies validate against the document", () => {
  it("account, scenarios and the tree", async () => {
    ok(await owner.get("/api/v1/me"), "GET", "/api/v1/me");
    ok(await owner.get("/api/v1/scenarios"), "GET", "/api/v1/scenarios");
    const made = ok(await owner.post("/api/v1/scenarios", { title: "Another", summary: "spare" }), "POST", "/api/v1/scenarios");
    ok(await owner.get(`/api/v1/scenarios/${sid}`), "GET", "/api/v1/scenarios/{id}");
    ok(await owner.get(`/api/v1/scenarios/${sid}?asOf=2020-01-01&method=median`), "GET", "/api/v1/scenarios/{id}");
    ok(await owner.patch(`/api/v1/scenarios/${made.id}`, { version: made.version, title: "Renamed" }), "PATCH", "/api/v1/scenarios/{id}");
    ok(await owner.post("/api/v1/scenarios/demo"), "POST", "/api/v1/scenarios/demo");
  });

  it("questions, hypotheses, outcomes and sources", async () => {
    const q = ok(await owner.post(`/api/v1/scenarios/${sid}/questions`, { title: "Third question?", hypotheses: [{ title: "P" }, { title: "Q" }] }), "POST", "/api/v1/scenarios/{id}/questions");
    ok(await owner.get(`/api/v1/questions/${q.id}`), "GET", "/api/v1/questions/{id}");
    ok(await owner.patch(`/api/v1/questions/${q.id}`, { version: q.version, description: "described" }), "PATCH", "/api/v1/questions/{id}");
    const h = ok(await owner.post(`/api/v1/questions/${q.id}/hypotheses`, { title: "R" }), "POST", "/api/v1/questions/{id}/hypotheses");
    ok(await owner.patch(`/api/v1/hypotheses/${h.id}`, { version: h.version, status: "archived" }), "PATCH", "/api/v1/hypotheses/{id}");
    ok(await owner.get(`/api/v1/scenarios/${sid}/outcomes`), "GET", "/api/v1/scenarios/{id}/outcomes");
    const o = ok(await owner.post(`/api/v1/scenarios/${sid}/outcomes`, { title: "Split", hypothesisIds: [b.h2.id] }), "POST", "/api/v1/scenarios/{id}/outcomes");
    ok(await owner.patch(`/api/v1/outcomes/${o.id}`, { version: o.version, archived: true }), "PATCH", "/api/v1/outcomes/{id}");
    ok(await owner.get(`/api/v1/scenarios/${sid}/sources`), "GET", "/api/v1/scenarios/{id}/sources");
    const s = ok(await owner.post(`/api/v1/scenarios/${sid}/sources`, { title: "Bare source" }), "POST", "/api/v1/scenarios/{id}/sources");
    ok(await owner.get(`/api/v1/sources/${s.id}`), "GET", "/api/v1/sources/{id}");
    ok(await owner.get(`/api/v1/sources/${b.source.id}`), "GET", "/api/v1/sources/{id}");
  });

  it("evidence, ratings, estimates and resolutions", async () => {
    ok(await owner.get(`/api/v1/scenarios/${sid}/evidence`), "GET", "/api/v1/scenarios/{id}/evidence");
    ok(await owner.get(`/api/v1/scenarios/${sid}/evidence?limit=1&order=asc&includeRetracted=true&tag=security`), "GET", "/api/v1/scenarios/{id}/evidence");
    ok(await owner.get(`/api/v1/scenarios/${sid}/evidence/tags`), "GET", "/api/v1/scenarios/{id}/evidence/tags");
    const e = ok(
      await owner.post(`/api/v1/scenarios/${sid}/evidence`, { summary: "Seen at the gate", reliability: "C", credibility: 3, occurredAt: "2022-09-05T08:00:00Z", tags: ["Gate"] }),
      "POST",
      "/api/v1/scenarios/{id}/evidence",
    );
    ok(await owner.patch(`/api/v1/evidence/${e.id}`, { version: e.version, credibility: 2 }), "PATCH", "/api/v1/evidence/{id}");
    ok(await owner.get(`/api/v1/evidence/${e.id}`), "GET", "/api/v1/evidence/{id}");
    ok(await owner.get(`/api/v1/evidence/${b.evidence.id}`), "GET", "/api/v1/evidence/{id}");
    ok(await owner.put(`/api/v1/evidence/${e.id}/ratings`, { ratings: [{ hypothesisId: b.h1.id, consistency: "CC", likelihood: 0.9 }, { hypothesisId: b.h2.id, consistency: "N" }] }), "PUT", "/api/v1/evidence/{id}/ratings");
    ok(await owner.get(`/api/v1/evidence/${b.evidence.id}/ratings`), "GET", "/api/v1/evidence/{id}/ratings");
    ok(await owner.post(`/api/v1/evidence/${e.id}/retract`, { reason: "Misread" }), "POST", "/api/v1/evidence/{id}/retract");
    ok(await owner.post(`/api/v1/questions/${b.question.id}/estimates`, { probabilities: { [b.h1.id]: 0.55, [b.h2.id]: 0.45 }, rationale: "second look", evidenceIds: [b.evidence.id] }), "POST", "/api/v1/questions/{id}/estimates");
    ok(await owner.get(`/api/v1/questions/${b.question.id}/estimates`), "GET", "/api/v1/questions/{id}/estimates");
    ok(await owner.get(`/api/v1/questions/${b.question.id}/estimates?limit=1&order=desc`), "GET", "/api/v1/questions/{id}/estimates");
    const standing = ok(await owner.get(`/api/v1/questions/${b.question.id}/standing`), "GET", "/api/v1/questions/{id}/standing");
    expect(standing.items).toEqual([expect.objectContaining({ analystId: owner.user!.id, rationale: "second look", needsReview: false })]);
    ok(await owner.get(`/api/v1/questions/${b.question.id}/resolution`), "GET", "/api/v1/questions/{id}/resolution");
  });

  it("indicators and key assumptions", async () => {
    const i = ok(await owner.post(`/api/v1/hypotheses/${b.h1.id}/indicators`, { title: "Guard questioned", description: "by the police", direction: "supports" }), "POST", "/api/v1/hypotheses/{id}/indicators");
    ok(await owner.patch(`/api/v1/indicators/${i.id}`, { version: i.version, status: "observed", evidenceIds: [b.evidence.id] }), "PATCH", "/api/v1/indicators/{id}");
    const listed = ok(await owner.get(`/api/v1/scenarios/${sid}/indicators`), "GET", "/api/v1/scenarios/{id}/indicators");
    expect(listed.items[0].observedAt).toEqual(expect.any(String));
    ok(await owner.get(`/api/v1/scenarios/${sid}/indicators?asOf=2020-01-01`), "GET", "/api/v1/scenarios/{id}/indicators");
    const a = ok(await owner.post(`/api/v1/questions/${b.question.id}/assumptions`, { statement: "The guard was on duty" }), "POST", "/api/v1/questions/{id}/assumptions");
    ok(await owner.patch(`/api/v1/assumptions/${a.id}`, { version: a.version, status: "caveated", note: "one source" }), "PATCH", "/api/v1/assumptions/{id}");
    ok(await owner.get(`/api/v1/scenarios/${sid}/assumptions`), "GET", "/api/v1/scenarios/{id}/assumptions");
    // a rule broken: observed without evidence
    conforms(await owner.patch(`/api/v1/indicators/${i.id}`, { version: 2, evidenceIds: [] }), "PATCH", "/api/v1/indicators/{id}");
  });

  it("analysis, before and after a resolution", async () => {
    const q = b.question.id;
    ok(await owner.get(`/api/v1/scenarios/${sid}/matrix?questionId=${q}`), "GET", "/api/v1/scenarios/{id}/matrix");
    ok(await owner.get(`/api/v1/questions/${q}/sensitivity?scope=mine`), "GET", "/api/v1/questions/{id}/sensitivity");
    ok(await owner.get(`/api/v1/questions/${q}/sensitivity`), "GET", "/api/v1/questions/{id}/sensitivity");
    ok(await owner.get(`/api/v1/questions/${q}/series`), "GET", "/api/v1/questions/{id}/series");
    ok(await owner.post(`/api/v1/questions/${q}/resolution`, { hypothesisId: b.h1.id, note: "it happened" }), "POST", "/api/v1/questions/{id}/resolution");
    ok(await owner.get(`/api/v1/questions/${q}/resolution`), "GET", "/api/v1/questions/{id}/resolution");
    ok(await owner.get(`/api/v1/scenarios/${sid}`), "GET", "/api/v1/scenarios/{id}");
    ok(await owner.get(`/api/v1/questions/${q}/series?method=mean`), "GET", "/api/v1/questions/{id}/series");
    const scores = ok(await owner.get(`/api/v1/scenarios/${sid}/scores`), "GET", "/api/v1/scenarios/{id}/scores");
    expect(scores.items.length).toBeGreaterThan(0);
    ok(await owner.get(`/api/v1/analysts/${owner.user!.id}/calibration`), "GET", "/api/v1/analysts/{id}/calibration");
    const diff = ok(await owner.get(`/api/v1/scenarios/${sid}/diff?from=2020-01-01&to=${new Date(Date.now() + 60_000).toISOString()}`), "GET", "/api/v1/scenarios/{id}/diff");
    expect(diff.items.length).toBeGreaterThan(0);
    const brief = ok(await owner.get(`/api/v1/scenarios/${sid}/brief?since=2020-01-01`), "GET", "/api/v1/scenarios/{id}/brief");
    expect(brief).toContain("## Key judgments");
    const history = ok(await owner.get(`/api/v1/scenarios/${sid}/history`), "GET", "/api/v1/scenarios/{id}/history");
    expect(history.items.length).toBeGreaterThan(5);
    ok(await owner.get(`/api/v1/scenarios/${sid}/history?order=newest&limit=2&kind=evidence`), "GET", "/api/v1/scenarios/{id}/history");
  });

  it("members, invitations and API tokens", async () => {
    ok(await owner.get(`/api/v1/scenarios/${sid}/members`), "GET", "/api/v1/scenarios/{id}/members");
    const link = ok(await owner.post(`/api/v1/scenarios/${sid}/invites`, { role: "viewer" }), "POST", "/api/v1/scenarios/{id}/invites");
    const spare = ok(await owner.post(`/api/v1/scenarios/${sid}/invites`, { role: "editor", expiresInDays: 2 }), "POST", "/api/v1/scenarios/{id}/invites");
    ok(await owner.get(`/api/v1/scenarios/${sid}/invites`), "GET", "/api/v1/scenarios/{id}/invites");
    ok(await colleague.post(`/api/v1/invites/${String(link.url).split("/invite/")[1]}/accept`), "POST", "/api/v1/invites/{id}/accept");
    ok(await owner.delete(`/api/v1/invites/${spare.id}`), "DELETE", "/api/v1/invites/{id}");
    // a viewer's write: 403
    conforms(await colleague.patch(`/api/v1/scenarios/${sid}`, { version: 1, title: "Mine now" }), "PATCH", "/api/v1/scenarios/{id}");
    ok(await owner.patch(`/api/v1/scenarios/${sid}/members/${colleague.user!.id}`, { role: "editor" }), "PATCH", "/api/v1/scenarios/{id}/members/{userId}");
    ok(await owner.delete(`/api/v1/scenarios/${sid}/members/${colleague.user!.id}`), "DELETE", "/api/v1/scenarios/{id}/members/{userId}");

    const token = ok(await owner.post("/api/v1/me/tokens", { name: "spec check", expiresInDays: 1 }), "POST", "/api/v1/me/tokens");
    ok(await owner.get("/api/v1/me/tokens"), "GET", "/api/v1/me/tokens");
    // the bearer scheme the document declares
    const viaToken = await fetch(`${baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token.token}` } });
    ok({ status: viaToken.status, headers: viaToken.headers, body: await viaToken.json() }, "GET", "/api/v1/me");
    ok(await owner.delete(`/api/v1/me/tokens/${token.id}`), "DELETE", "/api/v1/me/tokens/{id}");
  });

  it("export and import", async () => {
    const exported = ok(await owner.get(`/api/v1/scenarios/${sid}/export`), "GET", "/api/v1/scenarios/{id}/export");
    const imported = await colleague.post("/api/v1/scenarios/import", exported);
    ok(imported, "POST", "/api/v1/scenarios/import");
    expect(imported.headers.get("location")).toBe(`/api/v1/scenarios/${imported.body.id}`);
  });

  it("problems: 400, 401, 403, 404, 409, 415 and 422", async () => {
    const anonymous = new ApiClient(baseUrl);
    const s = await newScenario(owner, "Problems");
    const q = await newQuestion(owner, s.id, "Which?", ["One", "Two"]);
    await invite(owner, s.id, colleague, "viewer");
    const e = await newEvidence(owner, s.id);
    const cases: [ApiResponse, string, string, number][] = [
      [await owner.get("/api/v1/scenarios/no-such-scenario"), "GET", "/api/v1/scenarios/{id}", 404],
      [await owner.get(`/api/v1/evidence/no-such-item/ratings`), "GET", "/api/v1/evidence/{id}/ratings", 404],
      [await owner.post(`/api/v1/scenarios/${s.id}/evidence`, { summary: "Off the scale", reliability: "B", credibility: 9 }), "POST", "/api/v1/scenarios/{id}/evidence", 422],
      [await owner.post(`/api/v1/scenarios/${s.id}/evidence`, { summary: "Wrong type", reliability: "B", credibility: "high" }), "POST", "/api/v1/scenarios/{id}/evidence", 400],
      [await owner.request("POST", `/api/v1/scenarios/${s.id}/evidence`, "not json", { "content-type": "text/plain" }), "POST", "/api/v1/scenarios/{id}/evidence", 415],
      [await owner.post(`/api/v1/questions/${q.id}/estimates`, { probabilities: { [q.hypotheses[0].id]: 0.5 }, rationale: "half" }), "POST", "/api/v1/questions/{id}/estimates", 422],
      [await owner.get(`/api/v1/scenarios/${s.id}/evidence?limit=0`), "GET", "/api/v1/scenarios/{id}/evidence", 422],
      [await owner.get(`/api/v1/scenarios/${s.id}/diff?from=2022-01-02&to=2022-01-01`), "GET", "/api/v1/scenarios/{id}/diff", 422],
      [await owner.get(`/api/v1/scenarios/${s.id}/brief?since=2022-01-02&asOf=2022-01-01`), "GET", "/api/v1/scenarios/{id}/brief", 422],
      [await owner.patch(`/api/v1/evidence/${e.id}`, { version: 99, summary: "stale" }), "PATCH", "/api/v1/evidence/{id}", 409],
      [await colleague.post(`/api/v1/scenarios/${s.id}/questions`, { title: "Mine?", hypotheses: [{ title: "A" }, { title: "B" }] }), "POST", "/api/v1/scenarios/{id}/questions", 403],
      [await anonymous.get("/api/v1/scenarios"), "GET", "/api/v1/scenarios", 401],
      [await anonymous.get(`/api/v1/scenarios/${s.id}/matrix?questionId=${q.id}`), "GET", "/api/v1/scenarios/{id}/matrix", 401],
    ];
    for (const [res, method, template, status] of cases) {
      expect(res.status, `${method} ${template}: ${JSON.stringify(res.body)}`).toBe(status);
      conforms(res, method, template);
    }
  });

  it("saw every operation of the document succeed", () => {
    const missing: string[] = [];
    for (const [p, item] of Object.entries(doc.paths as Json)) {
      for (const m of METHODS) {
        const op = item[m];
        if (!op) continue;
        const success = Object.keys(op.responses).find((s) => s.startsWith("2"))!;
        if (!seen.has(`${m.toUpperCase()} ${p} ${success}`)) missing.push(`${m.toUpperCase()} ${p} ${success}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
