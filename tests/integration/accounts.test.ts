// Accounts over real HTTP: sign-up starts a session, sign-in works with the password,
// every API endpoint refuses a request without a session (401 problem+json), every account
// can open its own copy of the demo, and demo analysts cannot sign in.
import { describe, expect, inject, it } from "vitest";
import { demoContent } from "@/db/seed/demo-content";
import { ApiClient } from "../support/client";
import { authPost, signUp, TEST_PASSWORD as PASSWORD, uniqueEmail } from "../support/accounts";
import { estimate, expectOk, expectProblem, newEvidence, newQuestion, newScenario, newSource } from "../support/api";
import { storeAt } from "../support/store";
import { eq } from "drizzle-orm";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");

const freshEmail = uniqueEmail;

describe("sign-up and sign-in", () => {
  it("sign-up creates the account, sets a session cookie and the session reaches the API", async () => {
    const c = new ApiClient(baseUrl);
    const email = freshEmail("newcomer");
    const res = await authPost(c, "/api/auth/sign-up/email", { email, password: PASSWORD, name: "Newcomer" });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email, name: "Newcomer", id: expect.any(String) });
    expect(res.headers.getSetCookie().some((h) => /session_token=/.test(h))).toBe(true);
    expect(c.cookie).toMatch(/session_token=/);

    const session = await c.get("/api/auth/get-session");
    expect(session.status).toBe(200);
    expect(session.body.user).toMatchObject({ id: res.body.user.id, email });

    const list = await c.get("/api/v1/scenarios");
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body.items)).toBe(true);
  });

  it("sign-in with the password gives a working session; a wrong password does not", async () => {
    const email = freshEmail("returning");
    const first = new ApiClient(baseUrl);
    expectOk(await authPost(first, "/api/auth/sign-up/email", { email, password: PASSWORD, name: "Returning" }));
    const scenario = await newScenario(first, "Mine before signing in again");

    const wrong = new ApiClient(baseUrl);
    const bad = await authPost(wrong, "/api/auth/sign-in/email", { email, password: "not the password" });
    expect(bad.status).not.toBe(200);
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    expectProblem(await wrong.get("/api/v1/scenarios"), 401);

    const again = new ApiClient(baseUrl);
    const ok = await authPost(again, "/api/auth/sign-in/email", { email, password: PASSWORD });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ email });
    const list = expectOk(await again.get("/api/v1/scenarios"));
    expect(list.items.map((s: { id: string }) => s.id)).toContain(scenario.id);
  });

  it("an email can only be registered once", async () => {
    const email = freshEmail("twice");
    expectOk(await authPost(new ApiClient(baseUrl), "/api/auth/sign-up/email", { email, password: PASSWORD, name: "Once" }));
    const second = await authPost(new ApiClient(baseUrl), "/api/auth/sign-up/email", { email, password: PASSWORD, name: "Twice" });
    expect(second.status).toBeGreaterThanOrEqual(400);
    expect(second.status).toBeLessThan(500);
  });

  it("after sign-out the old cookie no longer reaches the API", async () => {
    const c = await signUp(baseUrl, "Leaver");
    expectOk(await c.get("/api/v1/scenarios"));
    const out = await c.post("/api/auth/sign-out", {});
    expect(out.status).toBe(200);
    expectProblem(await c.get("/api/v1/scenarios"), 401);
  });
});

describe("the session cookie, checked on every request", () => {
  const SESSION = "better-auth.session_token";
  /** The cookie's token and signature, as the browser holds them. */
  const parts = (c: ApiClient) => {
    const value = decodeURIComponent(c.cookie.split("; ").find((x) => x.startsWith(`${SESSION}=`))!.slice(SESSION.length + 1));
    const dot = value.lastIndexOf(".");
    return { token: value.slice(0, dot), signature: value.slice(dot + 1) };
  };
  const withCookie = (value: string) => {
    const c = new ApiClient(baseUrl);
    c.cookie = `${SESSION}=${encodeURIComponent(value)}`;
    return c;
  };
  const sessionRow = async (token: string) => {
    const store = await storeAt(databaseUrl);
    return (await store.db.select().from(store.schema.session).where(eq(store.schema.session.token, token)))[0];
  };
  const setExpiry = async (token: string, expiresAt: Date) => {
    const store = await storeAt(databaseUrl);
    await store.db.update(store.schema.session).set({ expiresAt }).where(eq(store.schema.session.token, token));
  };
  const DAY = 86400_000;

  it("a token or signature changed by one character is refused", async () => {
    const c = await signUp(baseUrl, "Tamperer");
    const { token, signature } = parts(c);
    expectOk(await withCookie(`${token}.${signature}`).get("/api/v1/scenarios"));
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
    expectProblem(await withCookie(`${flip(token, 3)}.${signature}`).get("/api/v1/scenarios"), 401);
    expectProblem(await withCookie(`${token}.${flip(signature, 10)}`).get("/api/v1/scenarios"), 401);
    expectProblem(await withCookie(token).get("/api/v1/scenarios"), 401);
  });

  it("an expired session is refused, and removed", async () => {
    const c = await signUp(baseUrl, "Expired");
    const { token } = parts(c);
    await setExpiry(token, new Date(Date.now() - 1000));
    expectProblem(await c.get("/api/v1/scenarios"), 401);
    await expect.poll(() => sessionRow(token)).toBeUndefined();
  });

  it("a session last refreshed over a day ago still works, and is extended to a week from now", async () => {
    const c = await signUp(baseUrl, "Returning");
    const { token } = parts(c);
    // as if signed in (or refreshed) 25 hours ago: it expires in 7 days less 25 hours
    const stale = new Date(Date.now() + 7 * DAY - 25 * 3600_000);
    await setExpiry(token, stale);
    expectOk(await c.get("/api/v1/scenarios"));
    const row = (await sessionRow(token))!;
    expect(row.expiresAt.getTime()).toBeGreaterThan(stale.getTime() + 3600_000);
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 7 * DAY);
    expectOk(await c.get("/api/v1/scenarios"));
  });
});

describe("no session → 401 problem+json on every /api/v1 endpoint", () => {
  it("refuses anonymous and forged-cookie requests, even for ids that exist", async () => {
    const owner = await signUp(baseUrl, "Owner");
    const scenario = await newScenario(owner, "Secret scenario");
    const q = await newQuestion(owner, scenario.id, "Q?", ["yes", "no"]);
    const [h1, h2] = q.hypotheses;
    const source = await newSource(owner, scenario.id);
    const ev = await newEvidence(owner, scenario.id);
    await estimate(owner, q.id, { [h1.id]: 0.6, [h2.id]: 0.4 });
    const outcome = expectOk(await owner.post(`/api/v1/scenarios/${scenario.id}/outcomes`, { title: "End", hypothesisIds: [h1.id] }), 201);

    const calls: [string, string, unknown?][] = [
      ["GET", "/api/v1/scenarios"],
      ["POST", "/api/v1/scenarios", { title: "x" }],
      ["GET", `/api/v1/scenarios/${scenario.id}`],
      ["GET", `/api/v1/scenarios/${scenario.id}?asOf=2020-01-01T00:00:00Z`],
      ["PATCH", `/api/v1/scenarios/${scenario.id}`, { version: 1, title: "hijacked" }],
      ["POST", `/api/v1/scenarios/${scenario.id}/questions`, { title: "x", hypotheses: [{ title: "a" }, { title: "b" }] }],
      ["GET", `/api/v1/questions/${q.id}`],
      ["PATCH", `/api/v1/questions/${q.id}`, { version: 1, title: "x" }],
      ["POST", `/api/v1/questions/${q.id}/hypotheses`, { title: "c" }],
      ["PATCH", `/api/v1/hypotheses/${h1.id}`, { version: 1, title: "x" }],
      ["GET", `/api/v1/questions/${q.id}/estimates`],
      ["POST", `/api/v1/questions/${q.id}/estimates`, { probabilities: { [h1.id]: 0.5, [h2.id]: 0.5 }, rationale: "x" }],
      ["GET", `/api/v1/questions/${q.id}/resolution`],
      ["POST", `/api/v1/questions/${q.id}/resolution`, { hypothesisId: h1.id }],
      ["GET", `/api/v1/scenarios/${scenario.id}/sources`],
      ["POST", `/api/v1/scenarios/${scenario.id}/sources`, { title: "x" }],
      ["GET", `/api/v1/sources/${source.id}`],
      ["GET", `/api/v1/scenarios/${scenario.id}/evidence`],
      ["POST", `/api/v1/scenarios/${scenario.id}/evidence`, { summary: "x", reliability: "A", credibility: 1 }],
      ["GET", `/api/v1/evidence/${ev.id}`],
      ["PATCH", `/api/v1/evidence/${ev.id}`, { version: 1, summary: "x" }],
      ["POST", `/api/v1/evidence/${ev.id}/retract`, { reason: "x" }],
      ["GET", `/api/v1/evidence/${ev.id}/ratings`],
      ["PUT", `/api/v1/evidence/${ev.id}/ratings`, { ratings: [{ hypothesisId: h1.id, consistency: "C" }] }],
      ["GET", `/api/v1/scenarios/${scenario.id}/outcomes`],
      ["POST", `/api/v1/scenarios/${scenario.id}/outcomes`, { title: "x", hypothesisIds: [h1.id] }],
      ["PATCH", `/api/v1/outcomes/${outcome.id}`, { version: 1, title: "x" }],
      ["GET", `/api/v1/scenarios/${scenario.id}/history`],
      ["GET", `/api/v1/scenarios/${scenario.id}/members`],
      ["POST", `/api/v1/scenarios/${scenario.id}/invites`, { role: "viewer" }],
      ["PATCH", `/api/v1/scenarios/${scenario.id}/members/${owner.user!.id}`, { role: "viewer" }],
      ["DELETE", `/api/v1/scenarios/${scenario.id}/members/${owner.user!.id}`],
      ["GET", `/api/v1/scenarios/${scenario.id}/export`],
      ["POST", "/api/v1/scenarios/import", { format: "branchpoint.scenario" }],
    ];

    const anonymous = new ApiClient(baseUrl);
    const forged = new ApiClient(baseUrl);
    forged.cookie = "better-auth.session_token=forged.token-value";
    for (const client of [anonymous, forged]) {
      for (const [method, path, body] of calls) {
        const res = await client.request(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(401);
        expectProblem(res, 401);
      }
    }

    // nothing the anonymous calls attempted happened
    const after = expectOk(await owner.get(`/api/v1/scenarios/${scenario.id}`));
    expect(after.title).toBe("Secret scenario");
    expect(after.version).toBe(1);
    expect(after.questions).toHaveLength(1);
    const members = expectOk(await owner.get(`/api/v1/scenarios/${scenario.id}/members`));
    expect(members.items).toEqual([expect.objectContaining({ userId: owner.user!.id, role: "owner" })]);
  });
});

describe("the demo scenario", () => {
  const demoEmails = new Set(demoContent.analysts.map((a) => a.email));

  it("every newcomer can open a private copy of the demo; the template itself is nobody's", async () => {
    const [first, second] = [await signUp(baseUrl, "Early"), await signUp(baseUrl, "Later")];
    for (const c of [first, second]) expect(expectOk(await c.get("/api/v1/scenarios")).items).toEqual([]);

    const copies = [];
    for (const c of [first, second]) {
      const res = await c.post("/api/v1/scenarios/demo", {});
      const copy = expectOk(res, 201);
      expect(res.headers.get("location")).toBe(`/api/v1/scenarios/${copy.id}`);
      expect(copy).toMatchObject({ role: "owner", isDemo: true, title: demoContent.scenario.title });
      expect(copy.questions.map((q: any) => q.title)).toEqual(demoContent.questions.map((q) => q.title));
      // the demo's estimates came along: every root question has a team figure
      for (const q of copy.questions.filter((x: any) => !x.parentHypothesisId)) expect(q.hypotheses[0].probability).not.toBeNull();
      const list = expectOk(await c.get("/api/v1/scenarios")).items;
      expect(list).toEqual([expect.objectContaining({ id: copy.id, isDemo: true, role: "owner" })]);
      copies.push(copy);
    }
    expect(copies[0].id).not.toBe(copies[1].id);
    // private: neither sees the other's copy
    expectProblem(await second.get(`/api/v1/scenarios/${copies[0].id}`), 404);
    expectProblem(await first.get(`/api/v1/scenarios/${copies[1].id}`), 404);
    // the copy's members are its owner alone; the demo analysts appear as stand-ins in its history
    const members = expectOk(await first.get(`/api/v1/scenarios/${copies[0].id}/members`)).items;
    expect(members).toEqual([expect.objectContaining({ userId: first.user!.id, role: "owner" })]);
    const estimates = expectOk(await first.get(`/api/v1/questions/${copies[0].questions[0].id}/estimates`)).items;
    const names = new Set(estimates.map((e: any) => e.analystName));
    expect([...names].sort()).toEqual(demoContent.analysts.map((x) => x.name).filter((n) => names.has(n)).sort());
    expect(names.size).toBeGreaterThan(0);

    // the template: one per instance, marked, with only the demo analysts as members
    const store = await storeAt(databaseUrl);
    const s = store.schema;
    const templates = await store.db.select({ id: s.scenarios.id }).from(s.scenarios).where(eq(s.scenarios.template, true));
    expect(templates).toHaveLength(1);
    const emails = (
      await store.db.select({ email: s.user.email }).from(s.members).innerJoin(s.user, eq(s.user.id, s.members.userId)).where(eq(s.members.scenarioId, templates[0]!.id))
    ).map((r) => r.email);
    expect(emails.every((e) => demoEmails.has(e))).toBe(true);
    expectProblem(await first.get(`/api/v1/scenarios/${templates[0]!.id}`), 404);
  });

  it("demo analysts cannot sign in", async () => {
    for (const a of demoContent.analysts) {
      for (const password of [PASSWORD, "", "password", a.key]) {
        const c = new ApiClient(baseUrl);
        const res = await authPost(c, "/api/auth/sign-in/email", { email: a.email, password });
        expect(res.status, `${a.email} / "${password}"`).not.toBe(200);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(c.cookie).not.toMatch(/session_token=[^;]+/);
        expectProblem(await c.get("/api/v1/scenarios"), 401);
      }
    }
  });

  it("a demo analyst's email cannot be taken over by signing up", async () => {
    const email = demoContent.analysts[0]!.email;
    const c = new ApiClient(baseUrl);
    const res = await authPost(c, "/api/auth/sign-up/email", { email, password: PASSWORD, name: "Impostor" });
    expect(res.status).not.toBe(200);
    const signIn = await authPost(new ApiClient(baseUrl), "/api/auth/sign-in/email", { email, password: PASSWORD });
    expect(signIn.status).not.toBe(200);
  });
});
