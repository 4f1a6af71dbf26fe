// API tokens: made from a signed-in session, shown once, stored hashed; `Authorization:
// Bearer` acts as the owner with the owner's roles, without the browser-origin check; the
// audit log says which token acted; revoked, expired, unknown or malformed tokens are 401;
// a token cannot manage tokens.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { signUp } from "../support/accounts";
import type { ApiClient } from "../support/client";
import { expectOk, expectProblem, invite, newScenario } from "../support/api";
import { storeAt } from "../support/store";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
let ann: ApiClient;
let viewer: ApiClient;
let scenarioId: string;

/** A request as a script sends it: the token, no cookie, no Origin. */
async function withToken(token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(baseUrl + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
  [ann, viewer] = await Promise.all([signUp(baseUrl, "Ann Script"), signUp(baseUrl, "Vic Viewer")]);
  scenarioId = (await newScenario(ann, "Scripted")).id;
  await invite(ann, scenarioId, viewer, "viewer");
});

describe("API tokens", () => {
  it("are made once with their secret, then listed without it", async () => {
    const made = expectOk(await ann.post("/api/v1/me/tokens", { name: "evidence feed", expiresInDays: 30 }), 201);
    expect(made).toMatchObject({ id: expect.any(String), name: "evidence feed", token: expect.stringMatching(/^bp_[\w-]{40,}$/), lastUsedAt: null });
    expect(Date.parse(made.expiresAt) - Date.parse(made.createdAt)).toBe(30 * 24 * 3600 * 1000);
    const list = expectOk(await ann.get("/api/v1/me/tokens")).items;
    const mine = list.find((t: any) => t.id === made.id);
    expect(mine).toEqual({ id: made.id, name: "evidence feed", createdAt: made.createdAt, expiresAt: made.expiresAt, lastUsedAt: null });
    expect(JSON.stringify(list)).not.toContain(made.token);
    // only a hash is stored
    const store = await storeAt(databaseUrl);
    const row = (await store.db.select().from(store.schema.apiTokens).where(eq(store.schema.apiTokens.id, made.id)))[0]!;
    expect(row.tokenHash).not.toContain(made.token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    // other people do not see it
    expect(expectOk(await viewer.get("/api/v1/me/tokens")).items.map((t: any) => t.id)).not.toContain(made.id);
    expectProblem(await ann.post("/api/v1/me/tokens", { name: "" }), 422, "name");
    expectProblem(await ann.post("/api/v1/me/tokens", { name: "x", expiresInDays: 0 }), 422, "expiresInDays");
  });

  it("act as their owner, with the owner's roles, from anywhere; the audit log names the token", async () => {
    const { token, id } = expectOk(await ann.post("/api/v1/me/tokens", { name: "collector" }), 201);
    const scenarios = await withToken(token, "GET", "/api/v1/scenarios");
    expect(scenarios.status).toBe(200);
    expect(scenarios.body.items.map((s: any) => s.id)).toContain(scenarioId);
    // a script sends no Origin (or any): the browser-origin check is for cookies only
    const logged = await withToken(token, "POST", `/api/v1/scenarios/${scenarioId}/evidence`, { summary: "From the collector", reliability: "C", credibility: 3 }, { origin: "https://elsewhere.example" });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    const events = expectOk(await ann.get(`/api/v1/scenarios/${scenarioId}/history`)).items;
    const created = events.find((e: any) => e.type === "evidence.created" && e.entityId === logged.body.id);
    expect(created).toMatchObject({ actorId: ann.user!.id, tokenId: id });
    // a change made in the browser carries no token
    const browser = expectOk(await ann.post(`/api/v1/scenarios/${scenarioId}/evidence`, { summary: "From the browser", reliability: "C", credibility: 3 }), 201);
    expect(expectOk(await ann.get(`/api/v1/scenarios/${scenarioId}/history`)).items.find((e: any) => e.entityId === browser.id).tokenId).toBeNull();
    // last used is recorded
    expect(expectOk(await ann.get("/api/v1/me/tokens")).items.find((t: any) => t.id === id).lastUsedAt).toEqual(expect.any(String));

    // a viewer's token reads but cannot write; nobody's token reaches a scenario they are not in
    const viewerToken = expectOk(await viewer.post("/api/v1/me/tokens", { name: "reader" }), 201).token;
    expect((await withToken(viewerToken, "GET", `/api/v1/scenarios/${scenarioId}`)).status).toBe(200);
    expect((await withToken(viewerToken, "POST", `/api/v1/scenarios/${scenarioId}/evidence`, { summary: "No", reliability: "C", credibility: 3 })).status).toBe(403);
    const other = await newScenario(viewer, "Vic's own");
    expect((await withToken(token, "GET", `/api/v1/scenarios/${other.id}`)).status).toBe(404);
  });

  it("cannot manage tokens: that takes the person, signed in", async () => {
    const { token } = expectOk(await ann.post("/api/v1/me/tokens", { name: "greedy" }), 201);
    for (const [method, path, body] of [
      ["GET", "/api/v1/me/tokens", undefined],
      ["POST", "/api/v1/me/tokens", { name: "minted by a token" }],
    ] as const) {
      const res = await withToken(token, method, path, body);
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    }
  });

  it("revoked, expired, unknown or malformed tokens are 401, and revoking is the owner's alone", async () => {
    const a = expectOk(await ann.post("/api/v1/me/tokens", { name: "to revoke" }), 201);
    const b = expectOk(await ann.post("/api/v1/me/tokens", { name: "to expire", expiresInDays: 1 }), 201);
    expect((await withToken(a.token, "GET", "/api/v1/me")).status).toBe(200);
    // someone else's token does not exist for the caller
    expectProblem(await viewer.delete(`/api/v1/me/tokens/${a.id}`), 404);
    expect((await ann.delete(`/api/v1/me/tokens/${a.id}`)).status).toBe(204);
    expect(expectOk(await ann.get("/api/v1/me/tokens")).items.map((t: any) => t.id)).not.toContain(a.id);
    // time moves on for the second (its expiry set to a moment ago)
    const store = await storeAt(databaseUrl);
    await store.db.update(store.schema.apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(store.schema.apiTokens.id, b.id));
    for (const token of [a.token, b.token, "bp_unknown", "not-ours"]) {
      const res = await withToken(token, "GET", "/api/v1/me");
      expect(res.status, token).toBe(401);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    }
    const malformed = await fetch(`${baseUrl}/api/v1/me`, { headers: { authorization: "Basic abc" } });
    expect(malformed.status).toBe(401);
  });
});
