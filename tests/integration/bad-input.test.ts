// Bad input over real HTTP: each request gets a 4xx problem+json naming the offending
// field, and the database is unchanged — compared both through the API (everything a
// client can read about the scenario) and as row counts read from the database file.
import { beforeEach, describe, expect, inject, it } from "vitest";
import type { ApiClient } from "../support/client";
import { signUp } from "../support/accounts";
import { buildScenario, expectProblem, snapshot, type Built } from "../support/api";
import { rowCounts } from "../support/store";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");

interface Ctx {
  c: ApiClient;
  x: Built; // the scenario under test
  y: Built; // another scenario of the same user, source of foreign ids
  other: ApiClient;
}
interface Case {
  name: string;
  method: string;
  path: (k: Ctx) => string;
  body?: (k: Ctx) => unknown;
  status: number;
  field?: string | RegExp | ((k: Ctx) => string);
}

const NOWHERE = "00000000-0000-7000-8000-000000000000";
const probs = (k: Ctx, p1 = 0.5, p2 = 0.5) => ({ [k.x.h1.id]: p1, [k.x.h2.id]: p2 });
const est = (k: Ctx) => `/api/v1/questions/${k.x.question.id}/estimates`;
const evPath = (k: Ctx) => `/api/v1/scenarios/${k.x.scenario.id}/evidence`;
const qPath = (k: Ctx) => `/api/v1/scenarios/${k.x.scenario.id}/questions`;
const ev = (extra: Record<string, unknown>) => () => ({ summary: "Item", reliability: "B", credibility: 2, ...extra });

const cases: Case[] = [
  // malformed requests: 400
  { name: "malformed JSON", method: "POST", path: evPath, body: () => '{"summary": "x", ', status: 400, field: "(body)" },
  { name: "an empty body", method: "POST", path: evPath, body: () => "", status: 400, field: "(body)" },
  { name: "a JSON array instead of an object", method: "POST", path: evPath, body: () => "[]", status: 400 },
  { name: "a number for a title", method: "PATCH", path: (k) => `/api/v1/scenarios/${k.x.scenario.id}`, body: () => ({ version: 1, title: 42 }), status: 400, field: "title" },
  { name: "a string for a version", method: "PATCH", path: (k) => `/api/v1/scenarios/${k.x.scenario.id}`, body: () => ({ version: "1", title: "t" }), status: 400, field: "version" },
  { name: "a string for credibility", method: "POST", path: evPath, body: ev({ credibility: "2" }), status: 400, field: "credibility" },
  { name: "a string for a probability", method: "POST", path: est, body: (k) => ({ probabilities: { [k.x.h1.id]: "0.5", [k.x.h2.id]: 0.5 }, rationale: "r" }), status: 400, field: (k) => `probabilities.${k.x.h1.id}` },
  { name: "hypotheses not an array", method: "POST", path: qPath, body: () => ({ title: "Q", hypotheses: "yes,no" }), status: 400, field: "hypotheses" },
  { name: "a missing required field", method: "POST", path: evPath, body: () => ({ summary: "no grades" }), status: 400, field: "reliability" },
  { name: "an unknown top-level field", method: "POST", path: evPath, body: ev({ secret: true }), status: 400 },
  { name: "an unknown nested field", method: "PUT", path: (k) => `/api/v1/evidence/${k.x.evidence.id}/ratings`, body: (k) => ({ ratings: [{ hypothesisId: k.x.h1.id, consistency: "C", weight: 3 }] }), status: 400, field: /^ratings\.0/ },
  { name: "an unknown field on a scenario edit", method: "PATCH", path: (k) => `/api/v1/scenarios/${k.x.scenario.id}`, body: () => ({ version: 1, isDemo: true }), status: 400 },

  // unknown ids in the path: 404
  { name: "unknown scenario", method: "GET", path: () => `/api/v1/scenarios/${NOWHERE}`, status: 404 },
  { name: "unknown question (estimate)", method: "POST", path: () => `/api/v1/questions/${NOWHERE}/estimates`, body: (k) => ({ probabilities: probs(k), rationale: "r" }), status: 404 },
  { name: "unknown evidence (patch)", method: "PATCH", path: () => `/api/v1/evidence/${NOWHERE}`, body: () => ({ version: 1, summary: "s" }), status: 404 },
  { name: "unknown evidence (ratings)", method: "PUT", path: () => `/api/v1/evidence/nope/ratings`, body: (k) => ({ ratings: [{ hypothesisId: k.x.h1.id, consistency: "C" }] }), status: 404 },
  { name: "unknown hypothesis (patch)", method: "PATCH", path: () => `/api/v1/hypotheses/${NOWHERE}`, body: () => ({ version: 1, title: "t" }), status: 404 },
  { name: "unknown member", method: "PATCH", path: (k) => `/api/v1/scenarios/${k.x.scenario.id}/members/${NOWHERE}`, body: () => ({ role: "viewer" }), status: 404 },
  { name: "unknown source", method: "GET", path: () => `/api/v1/sources/${NOWHERE}`, status: 404 },

  // ids from another scenario in bodies: 422
  { name: "parentHypothesisId from another scenario", method: "POST", path: qPath, body: (k) => ({ title: "Q", parentHypothesisId: k.y.h1.id, hypotheses: [{ title: "a" }, { title: "b" }] }), status: 422, field: "parentHypothesisId" },
  { name: "evidenceIds from another scenario", method: "POST", path: est, body: (k) => ({ probabilities: probs(k), rationale: "r", evidenceIds: [k.x.evidence.id, k.y.evidence.id] }), status: 422, field: "evidenceIds.1" },
  { name: "a rating for another scenario's hypothesis", method: "PUT", path: (k) => `/api/v1/evidence/${k.x.evidence.id}/ratings`, body: (k) => ({ ratings: [{ hypothesisId: k.x.h1.id, consistency: "C" }, { hypothesisId: k.y.h1.id, consistency: "C" }] }), status: 422, field: "ratings.1.hypothesisId" },
  { name: "sourceId from another scenario", method: "POST", path: evPath, body: (k) => ev({ sourceId: k.y.source.id })(), status: 422, field: "sourceId" },
  { name: "outcome through another scenario's hypothesis", method: "POST", path: (k) => `/api/v1/scenarios/${k.x.scenario.id}/outcomes`, body: (k) => ({ title: "O", hypothesisIds: [k.y.h1.id] }), status: 422, field: "hypothesisIds.0" },
  { name: "probabilities keyed by another question's hypotheses", method: "POST", path: est, body: (k) => ({ probabilities: { ...probs(k, 0.5, 0.3), [k.x.child.hypotheses[0].id]: 0.2 }, rationale: "r" }), status: 422, field: (k) => `probabilities.${k.x.child.hypotheses[0].id}` },
  { name: "resolution to another scenario's hypothesis", method: "POST", path: (k) => `/api/v1/questions/${k.x.question.id}/resolution`, body: (k) => ({ hypothesisId: k.y.h1.id }), status: 422, field: "hypothesisId" },

  // rules: 422
  { name: "probabilities summing to 0.9", method: "POST", path: est, body: (k) => ({ probabilities: probs(k, 0.6, 0.3), rationale: "r" }), status: 422, field: "probabilities" },
  { name: "probabilities summing to 1.1", method: "POST", path: est, body: (k) => ({ probabilities: probs(k, 0.6, 0.5), rationale: "r" }), status: 422, field: "probabilities" },
  { name: "a missing open hypothesis", method: "POST", path: est, body: (k) => ({ probabilities: { [k.x.h1.id]: 1 }, rationale: "r" }), status: 422, field: (k) => `probabilities.${k.x.h2.id}` },
  { name: "a negative probability", method: "POST", path: est, body: (k) => ({ probabilities: probs(k, 1.5, -0.5), rationale: "r" }), status: 422, field: /^probabilities\./ },
  { name: "a __proto__ key among the probabilities (sum 1.5)", method: "POST", path: est, body: (k) => `{"probabilities":{"__proto__":0.5,"${k.x.h1.id}":0.5,"${k.x.h2.id}":0.5},"rationale":"r"}`, status: 422, field: /^probabilities/ },
  { name: "no probabilities at all", method: "POST", path: est, body: () => ({ probabilities: {}, rationale: "r" }), status: 422, field: "probabilities" },
  { name: "an empty rationale", method: "POST", path: est, body: (k) => ({ probabilities: probs(k), rationale: "" }), status: 422, field: "rationale" },
  { name: "a whitespace rationale", method: "POST", path: est, body: (k) => ({ probabilities: probs(k), rationale: "   \n " }), status: 422, field: "rationale" },
  { name: "reliability G", method: "POST", path: evPath, body: ev({ reliability: "G" }), status: 422, field: "reliability" },
  { name: "credibility 7", method: "POST", path: evPath, body: ev({ credibility: 7 }), status: 422, field: "credibility" },
  { name: "credibility 0", method: "POST", path: evPath, body: ev({ credibility: 0 }), status: 422, field: "credibility" },
  { name: "credibility 2.5", method: "POST", path: evPath, body: ev({ credibility: 2.5 }), status: 422, field: "credibility" },
  { name: "consistency XX", method: "PUT", path: (k) => `/api/v1/evidence/${k.x.evidence.id}/ratings`, body: (k) => ({ ratings: [{ hypothesisId: k.x.h1.id, consistency: "XX" }] }), status: 422, field: "ratings.0.consistency" },
  { name: "likelihood 0", method: "PUT", path: (k) => `/api/v1/evidence/${k.x.evidence.id}/ratings`, body: (k) => ({ ratings: [{ hypothesisId: k.x.h1.id, consistency: "C", likelihood: 0 }] }), status: 422, field: "ratings.0.likelihood" },
  { name: "the same hypothesis rated twice", method: "PUT", path: (k) => `/api/v1/evidence/${k.x.evidence.id}/ratings`, body: (k) => ({ ratings: [{ hypothesisId: k.x.h1.id, consistency: "C" }, { hypothesisId: k.x.h1.id, consistency: "I" }] }), status: 422, field: "ratings.1.hypothesisId" },
  { name: "a question with one hypothesis", method: "POST", path: qPath, body: () => ({ title: "Q", hypotheses: [{ title: "only" }] }), status: 422, field: "hypotheses" },
  { name: "an empty title", method: "POST", path: qPath, body: () => ({ title: "   ", hypotheses: [{ title: "a" }, { title: "b" }] }), status: 422, field: "title" },
  { name: "a 10,000-character scenario title", method: "PATCH", path: (k) => `/api/v1/scenarios/${k.x.scenario.id}`, body: () => ({ version: 1, title: "T".repeat(10_000) }), status: 422, field: "title" },
  { name: "a 10,000-character hypothesis title", method: "POST", path: (k) => `/api/v1/questions/${k.x.question.id}/hypotheses`, body: () => ({ title: "H".repeat(10_000) }), status: 422, field: "title" },
  { name: "an over-long evidence summary", method: "POST", path: evPath, body: ev({ summary: "S".repeat(5_001) }), status: 422, field: "summary" },
  { name: "an invalid occurredAt", method: "POST", path: evPath, body: ev({ occurredAt: "last Tuesday" }), status: 422, field: "occurredAt" },
  { name: "version 0", method: "PATCH", path: (k) => `/api/v1/evidence/${k.x.evidence.id}`, body: () => ({ version: 0, summary: "s" }), status: 422, field: "version" },
{ name: "an unknown role in an invitation", method: "POST", path: (k) => `/api/v1/scenarios/${k.x.scenario.id}/invites`, body: () => ({ role: "admin" }), status: 422, field: "role" },
  { name: "an invitation valid for 0 days", method: "POST", path: (k) => `/api/v1/scenarios/${k.x.scenario.id}/invites`, body: () => ({ role: "viewer", expiresInDays: 0 }), status: 422, field: "expiresInDays" },
  { name: "an invitation valid for 31 days", method: "POST", path: (k) => `/api/v1/scenarios/${k.x.scenario.id}/invites`, body: () => ({ role: "viewer", expiresInDays: 31 }), status: 422, field: "expiresInDays" },
  { name: "an invitation link that never existed", method: "POST", path: () => `/api/v1/invites/${"x".repeat(43)}/accept`, body: () => ({}), status: 404 },
  { name: "adding a member by email (gone)", method: "POST", path: (k) => `/api/v1/scenarios/${k.x.scenario.id}/members`, body: (k) => ({ email: k.other.user!.email, role: "viewer" }), status: 405 },
  { name: "a stale evidence version", method: "PATCH", path: (k) => `/api/v1/evidence/${k.x.evidence.id}`, body: () => ({ version: 2, summary: "s" }), status: 409, field: "version" },

  // size: 413
  { name: "a body over 1 MB", method: "POST", path: evPath, body: () => ({ summary: "x".repeat(1_100_000), reliability: "B", credibility: 2 }), status: 413 },
  { name: "a source body over its 6.5 MB limit", method: "POST", path: (k) => `/api/v1/scenarios/${k.x.scenario.id}/sources`, body: () => ({ title: "Huge", text: "x".repeat(6_600_000) }), status: 413 },
];

let k: Ctx;

beforeEach(async () => {
  const [c, other] = await Promise.all([signUp(baseUrl, "Val"), signUp(baseUrl, "Other")]);
  const [x, y] = await Promise.all([buildScenario(c, "Under test"), buildScenario(c, "Elsewhere")]);
  k = { c, other, x, y };
});

/** Run a request and check nothing changed: everything a client reads, and the rows on disk. */
async function unchanged<T>(run: () => Promise<T>): Promise<T> {
  const before = await snapshot(k.c, k.x.scenario.id);
  const rows = { x: await rowCounts(databaseUrl, k.x.scenario.id), y: await rowCounts(databaseUrl, k.y.scenario.id) };
  const result = await run();
  expect({ x: await rowCounts(databaseUrl, k.x.scenario.id), y: await rowCounts(databaseUrl, k.y.scenario.id) }).toEqual(rows);
  expect(await snapshot(k.c, k.x.scenario.id)).toEqual(before);
  return result;
}

describe("bad input is refused and changes nothing", () => {
  for (const t of cases) {
    it(`${t.name} → ${t.status}`, async () => {
      await unchanged(async () => {
        const res = await k.c.request(t.method, t.path(k), t.body?.(k));
        const field = typeof t.field === "function" ? t.field(k) : t.field;
        expectProblem(res, t.status, field);
      });
    });
  }

  it("a body over 1 MB without a content-length (streamed) is 413 too", async () => {
    await unchanged(async () => {
      const payload = new TextEncoder().encode(JSON.stringify({ summary: "y".repeat(1_200_000), reliability: "B", credibility: 2 }));
      const stream = new ReadableStream({
        start(controller) {
          for (let i = 0; i < payload.length; i += 64 * 1024) controller.enqueue(payload.slice(i, i + 64 * 1024));
          controller.close();
        },
      });
      const res = await fetch(`${baseUrl}/api/v1/scenarios/${k.x.scenario.id}/evidence`, {
        method: "POST",
        headers: { origin: baseUrl, cookie: k.c.cookie, "content-type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ status: 413, title: expect.any(String), detail: expect.any(String) });
    });
  });

  it("an unknown API path or an unsupported method still answers problem+json", async () => {
    await unchanged(async () => {
      expectProblem(await k.c.get("/api/v1/no-such-endpoint"), 404);
      expectProblem(await k.c.get(`/api/v1/scenarios/${k.x.scenario.id}/no-such-thing`), 404);
      expectProblem(await k.c.delete(`/api/v1/scenarios/${k.x.scenario.id}`), 405);
      expectProblem(await k.c.put(`/api/v1/evidence/${k.x.evidence.id}`, { version: 1, summary: "s" }), 405);
    });
  });

  it("a source text at the documented maximum fits under the body limit", async () => {
    // LIMITS.sourceText allows 1,000,000 characters and the route comment says a source's
    // full text fits in the 1 MB body limit; with the JSON around it, it does not.
    const res = await k.c.post(`/api/v1/scenarios/${k.x.scenario.id}/sources`, { title: "Longest allowed", text: "z".repeat(1_000_000) });
    expect(res.status).toBe(201);
  });
});
