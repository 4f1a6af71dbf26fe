// Helpers shared by the integration tests: problem+json assertions, scenario builders and
// snapshots for "nothing changed" checks (a look at the database itself: ./store.ts).
import { expect } from "vitest";
import type { ApiClient, ApiResponse } from "./client";

/** Assert an RFC 9457 problem response; with `path`, one of `errors[].path` must equal it. */
export function expectProblem(res: ApiResponse, status: number, path?: string | RegExp): void {
  const ctx = `${res.status} ${JSON.stringify(res.body)?.slice(0, 500)}`;
  expect(res.status, ctx).toBe(status);
  expect(res.headers.get("content-type") ?? "", ctx).toMatch(/^application\/problem\+json/);
  expect(res.body, ctx).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  expect((res.body.title as string).length, ctx).toBeGreaterThan(0);
  expect((res.body.detail as string).length, ctx).toBeGreaterThan(0);
  if (path !== undefined) {
    expect(Array.isArray(res.body.errors), ctx).toBe(true);
    const paths = (res.body.errors as { path: string; message: string }[]).map((e) => e.path);
    for (const e of res.body.errors) expect(e.message, ctx).toEqual(expect.any(String));
    if (typeof path === "string") expect(paths, ctx).toContain(path);
    else expect(paths.some((p) => path.test(p)), ctx).toBe(true);
  }
}

/** Expect a 2xx status, with the body in the failure message. */
export function expectOk<T = any>(res: ApiResponse<T>, status = 200): T {
  expect(res.status, JSON.stringify(res.body)?.slice(0, 800)).toBe(status);
  return res.body;
}

/** Await a request and return its body, failing loudly on any status ≥ 300. */
export async function ok<T = any>(p: Promise<ApiResponse<T>>): Promise<T> {
  const r = await p;
  if (r.status >= 300) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function newScenario(c: ApiClient, title = "Test scenario", summary?: string): Promise<any> {
  return expectOk(await c.post("/api/v1/scenarios", summary === undefined ? { title } : { title, summary }), 201);
}

/** Turns independent judgments off, for tests that read the team's figures before estimating. */
export async function showTeamFigures(c: ApiClient, scenario: { id: string; version: number }): Promise<any> {
  return expectOk(await c.patch(`/api/v1/scenarios/${scenario.id}`, { version: scenario.version, independentElicitation: false }));
}

export async function newQuestion(
  c: ApiClient,
  scenarioId: string,
  title: string,
  hypotheses: string[],
  parentHypothesisId?: string,
): Promise<any> {
  const body: Record<string, unknown> = { title, hypotheses: hypotheses.map((t) => ({ title: t })) };
  if (parentHypothesisId) body.parentHypothesisId = parentHypothesisId;
  return expectOk(await c.post(`/api/v1/scenarios/${scenarioId}/questions`, body), 201);
}

export async function estimate(c: ApiClient, questionId: string, probabilities: Record<string, number>, rationale = "because", evidenceIds?: string[]): Promise<any> {
  const body: Record<string, unknown> = { probabilities, rationale };
  if (evidenceIds) body.evidenceIds = evidenceIds;
  return expectOk(await c.post(`/api/v1/questions/${questionId}/estimates`, body), 201);
}

export const SOURCE_TEXT =
  "The embassy guard was killed at the gate. Officials said the queue outside was unprotected. " +
  "A spokesman claimed the attacker acted alone and had no help from inside.";

export async function newSource(c: ApiClient, scenarioId: string, text: string | null = SOURCE_TEXT): Promise<any> {
  const body: Record<string, unknown> = {
    title: "Field report",
    publisher: "Wire service",
    author: "A. Reporter",
    publishedAt: "2022-09-06T10:00:00.000Z",
    url: "https://example.test/report",
  };
  if (text !== null) body.text = text;
  return expectOk(await c.post(`/api/v1/scenarios/${scenarioId}/sources`, body), 201);
}

export async function newEvidence(c: ApiClient, scenarioId: string, fields: Record<string, unknown> = {}): Promise<any> {
  const body = { summary: "An observation", reliability: "B", credibility: 2, ...fields };
  return expectOk(await c.post(`/api/v1/scenarios/${scenarioId}/evidence`, body), 201);
}

/** Every item of a paged list (`{ items, nextCursor }`), following the cursors. */
export async function allPages<T = any>(c: ApiClient, path: string): Promise<T[]> {
  const out: T[] = [];
  for (let cursor: string | null = null; ; ) {
    const sep = path.includes("?") ? "&" : "?";
    const page: { items: T[]; nextCursor: string | null } = expectOk(await c.get(`${path}${sep}limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`));
    out.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return out;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Everything a client can read about a scenario, for before/after comparisons. */
export async function snapshot(c: ApiClient, scenarioId: string): Promise<unknown> {
  const parts = await Promise.all([
    c.get(`/api/v1/scenarios/${scenarioId}`),
    c.get(`/api/v1/scenarios/${scenarioId}/evidence?includeRetracted=true`),
    c.get(`/api/v1/scenarios/${scenarioId}/sources`),
    c.get(`/api/v1/scenarios/${scenarioId}/history`),
    c.get(`/api/v1/scenarios/${scenarioId}/members`),
    c.get(`/api/v1/scenarios/${scenarioId}/outcomes`),
  ]);
  for (const p of parts) expect(p.status).toBe(200);
  const scenario = parts[0]!.body;
  const questions = scenario.questions as { id: string }[];
  const estimates = await Promise.all(questions.map((q) => c.get(`/api/v1/questions/${q.id}/estimates`)));
  const evidence = parts[1]!.body.items as { id: string }[];
  const ratings = await Promise.all(evidence.map((e) => c.get(`/api/v1/evidence/${e.id}/ratings`)));
  const details = await Promise.all(evidence.map((e) => c.get(`/api/v1/evidence/${e.id}`)));
  return {
    ...Object.fromEntries(["scenario", "evidence", "sources", "history", "members", "outcomes"].map((k, i) => [k, parts[i]!.body])),
    estimates: estimates.map((r) => r.body),
    ratings: ratings.map((r) => r.body),
    evidenceDetails: details.map((r) => r.body),
  };
}

export interface Built {
  scenario: any;
  question: any;
  h1: any;
  h2: any;
  child: any;
  source: any;
  evidence: any;
  outcome: any;
  estimate: any;
}

/**
 * A small but complete scenario: a root question (h1/h2), a conditional question under
 * h1, a source with text, an evidence item quoting it (rated against h1/h2), an outcome
 * through h1, and one estimate by the owner.
 */
export async function buildScenario(c: ApiClient, title = "Built scenario"): Promise<Built> {
  const scenario = await newScenario(c, title, "for tests");
  const question = await newQuestion(c, scenario.id, "Root question?", ["Yes", "No"]);
  const [h1, h2] = question.hypotheses;
  const child = await newQuestion(c, scenario.id, "Given yes, why?", ["Reason A", "Reason B"], h1.id);
  const source = await newSource(c, scenario.id);
  const evidence = await newEvidence(c, scenario.id, { sourceId: source.id, excerpt: "the queue outside was unprotected", tags: ["security"] });
  expectOk(await c.put(`/api/v1/evidence/${evidence.id}/ratings`, { ratings: [{ hypothesisId: h1.id, consistency: "C" }, { hypothesisId: h2.id, consistency: "I" }] }));
  const outcome = expectOk(await c.post(`/api/v1/scenarios/${scenario.id}/outcomes`, { title: "Cooperation", hypothesisIds: [h1.id] }), 201);
  const est = await estimate(c, question.id, { [h1.id]: 0.7, [h2.id]: 0.3 }, "initial view", [evidence.id]);
  return { scenario, question, h1, h2, child, source, evidence, outcome, estimate: est };
}

/** `member` joins the owner's scenario with `role`, by invitation (the only way in). */
export async function invite(owner: ApiClient, scenarioId: string, member: ApiClient, role: "owner" | "editor" | "viewer" = "editor"): Promise<void> {
  const link = expectOk(await owner.post(`/api/v1/scenarios/${scenarioId}/invites`, { role }), 201);
  const token = String(link.url).split("/invite/")[1];
  expectOk(await member.post(`/api/v1/invites/${token}/accept`, {}));
}
