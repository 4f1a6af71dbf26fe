// What an attacker tried (the outside audit, OWASP ASVS 5.0 level 2), over HTTP against
// real servers: cross-site requests, text/plain bodies, bodies nested thousands deep,
// hostile imports, guessed passwords from rotating addresses, weak passwords, oversized
// names, leaked session tokens, dates that are not dates, missing security headers, and a
// production start without a secret. Each must be refused and change nothing.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/client";
import { authPost, signUp, TEST_PASSWORD, uniqueEmail } from "../support/accounts";
import { expectOk, expectProblem, newScenario } from "../support/api";
import { freePort, startServer, type RunningServer } from "../support/server";

const baseUrl = inject("baseUrl");
const EVIL = "http://evil.example";

/** A request with the caller's cookie but headers of our choosing (what a hostile page can make a browser send). */
async function raw(c: ApiClient, method: string, path: string, body: string | undefined, headers: Record<string, string>) {
  const res = await fetch(c.baseUrl + path, { method, body, headers: { cookie: c.cookie, ...headers } });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

describe("cross-site request forgery", () => {
  it("a foreign Origin is 403 problem+json, whatever the content type, and creates nothing", async () => {
    const a = await signUp(baseUrl, "Csrf Victim");
    const title = `forged ${randomBytes(4).toString("hex")}`;
    for (const type of ["text/plain", "application/json"]) {
      const res = await raw(a, "POST", "/api/v1/scenarios", JSON.stringify({ title }), { origin: EVIL, "content-type": type });
      expectProblem(res, 403);
    }
    const s = await newScenario(a, "Victim's scenario");
    // the audit's second repro: making the attacker a member through the victim's session
    expectProblem(await raw(a, "POST", `/api/v1/scenarios/${s.id}/invites`, JSON.stringify({ role: "owner" }), { origin: EVIL, "content-type": "application/json" }), 403);
    expectProblem(await raw(a, "PATCH", `/api/v1/scenarios/${s.id}`, JSON.stringify({ version: 1, title }), { origin: "null", "content-type": "application/json" }), 403);
    const mine = expectOk(await a.get("/api/v1/scenarios")).items;
    expect(mine.map((x: any) => x.title)).not.toContain(title);
    expect(expectOk(await a.get(`/api/v1/scenarios/${s.id}/invites`)).items).toEqual([]);
  });

  it("without an Origin, Sec-Fetch-Site cross-site or same-site is 403; same-origin is fine", async () => {
    const a = await signUp(baseUrl, "Fetch Site");
    for (const site of ["cross-site", "same-site"]) {
      expectProblem(await raw(a, "POST", "/api/v1/scenarios", JSON.stringify({ title: "x" }), { "sec-fetch-site": site, "content-type": "application/json" }), 403);
    }
    const ok = await raw(a, "POST", "/api/v1/scenarios", JSON.stringify({ title: "from our own page" }), { "sec-fetch-site": "same-origin", "content-type": "application/json" });
    expect(ok.status).toBe(201);
  });

  it("a body that is not application/json is 415 problem+json, even from our own origin", async () => {
    const a = await signUp(baseUrl, "Media Type");
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const res = await raw(a, "POST", "/api/v1/scenarios", JSON.stringify({ title: "x" }), { origin: baseUrl, "content-type": type });
      expectProblem(res, 415, "(content-type)");
    }
    expect(expectOk(await a.get("/api/v1/scenarios")).items).toEqual([]);
    // with a charset it is JSON still
    expect((await raw(a, "POST", "/api/v1/scenarios", JSON.stringify({ title: "charset" }), { origin: baseUrl, "content-type": "application/json; charset=utf-8" })).status).toBe(201);
  });
});

describe("imports hold to the API's rules", () => {
  it("javascript: links, zero likelihoods and over-long texts are 422; a body nested 3,000 deep is 400, never 500", async () => {
    const a = await signUp(baseUrl, "Importer");
    const s = await newScenario(a, "To export");
    const doc = expectOk(await a.get(`/api/v1/scenarios/${s.id}/export`));
    const bad = structuredClone(doc);
    bad.sources.push({ id: "src-js", title: "Click me", publisher: null, author: null, publishedAt: null, url: "javascript:alert(document.cookie)", text: null, createdBy: null, createdAt: doc.scenario.createdAt });
    expectProblem(await a.post("/api/v1/scenarios/import", bad), 422, "sources.0.url");
    const long = structuredClone(doc);
    long.scenario.summary = "x".repeat(2_000_000);
    expectProblem(await a.post("/api/v1/scenarios/import", long), 422, "scenario.summary");

    let deep: unknown = 1;
    for (let i = 0; i < 3000; i++) deep = [deep];
    const nested = structuredClone(doc);
    nested.events[0].after = deep;
    const res = await a.post("/api/v1/scenarios/import", nested);
    expectProblem(res, 400);
    expect(res.body.detail).toContain("nests deeper");
    expect(expectOk(await a.get("/api/v1/scenarios")).items).toHaveLength(1);
  });

  it("more rows than the configured limit is 413 and creates nothing", async () => {
    const a = await signUp(baseUrl, "Big Importer");
    const s = await newScenario(a, "Small");
    const doc = expectOk(await a.get(`/api/v1/scenarios/${s.id}/export`));
    for (let i = 0; i < 20_001; i++) doc.people.push({ id: `p-${i}`, name: `P${i}`, email: `p${i}@example.test` });
    expectProblem(await a.post("/api/v1/scenarios/import", doc), 413);
    expect(expectOk(await a.get("/api/v1/scenarios")).items).toHaveLength(1);
  });
});

/**
 * Resolves once at least `ms` are left in the current one-minute window. The limits count
 * per fixed window of the wall clock (lib/security/rate-limit.ts: windows start at whole
 * minutes), so a run of requests that crossed into the next window would start counting
 * again halfway through and see fewer refusals than it should.
 */
async function roomInWindow(ms: number): Promise<void> {
  const WINDOW = 60_000;
  await expect.poll(() => WINDOW - (Date.now() % WINDOW) >= ms, { interval: 100, timeout: ms + 10_000 }).toBe(true);
}

describe("sign-in limits, counted per real address and per account, in the database", () => {
  let limited: RunningServer;
  let proxied: RunningServer;
  const secret = randomBytes(32).toString("hex");

  beforeAll(async () => {
    limited = await startServer({ env: { BRANCHPOINT_SIGN_IN_PER_MINUTE: "5", BRANCHPOINT_WRITES_PER_MINUTE: "20", BETTER_AUTH_SECRET: secret } });
    // a second instance on the same database, behind one trusted proxy
    proxied = await startServer({ databaseUrl: limited.databaseUrl, env: { BRANCHPOINT_SIGN_IN_PER_MINUTE: "5", TRUST_PROXY: "1", BETTER_AUTH_SECRET: secret } });
  }, 120_000);

  afterAll(async () => {
    await proxied?.stop();
    await limited?.stop();
  });

  it("a fresh X-Forwarded-For per request does not escape the limit; 429 carries Retry-After; the count holds on another instance", async () => {
    const victim = uniqueEmail("victim");
    expect((await authPost(new ApiClient(limited.url), "/api/auth/sign-up/email", { email: victim, password: TEST_PASSWORD, name: "Victim" })).status).toBe(200);
    await roomInWindow(20_000);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const res = await new ApiClient(limited.url).request("POST", "/api/auth/sign-in/email", { email: uniqueEmail("guess"), password: "wrong password" }, { "x-forwarded-for": `10.0.${i}.1` });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get("retry-after");
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // the other instance shares the count (the socket is the same address: no X-Forwarded-For here)
    expect((await new ApiClient(proxied.url).request("POST", "/api/auth/sign-in/email", { email: victim, password: TEST_PASSWORD })).status).toBe(429);
  }, 60_000);

  it("behind a trusted proxy each client has its own count; repeated wrong passwords make the account wait, whatever the address", async () => {
    const email = uniqueEmail("target");
    expect((await new ApiClient(proxied.url).request("POST", "/api/auth/sign-up/email", { email, password: TEST_PASSWORD, name: "Target" }, { "x-forwarded-for": "198.51.100.1" })).status).toBe(200);
    const attempt = (password: string, i: number) =>
      new ApiClient(proxied.url).request("POST", "/api/auth/sign-in/email", { email, password }, { "x-forwarded-for": `203.0.113.${i}` });
    for (let i = 0; i < 5; i++) expect((await attempt("wrong password", i)).status).toBe(401);
    // the sixth try, from yet another address and with the right password, must wait
    const locked = await attempt(TEST_PASSWORD, 99);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(locked.body.message).toMatch(/wrong passwords for this account/);
  });

  it("API writes per user are limited generously: the 21st in a minute is 429 with Retry-After", async () => {
    const c = new ApiClient(limited.url);
    const up = await c.request("POST", "/api/auth/sign-up/email", { email: uniqueEmail("writer"), password: TEST_PASSWORD, name: "Writer" }, { "x-forwarded-for": "1.2.3.4" });
    expect(up.status).toBe(200);
    await roomInWindow(25_000);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await c.post("/api/v1/scenarios", { title: `s${i}` })).status);
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    const last = await c.post("/api/v1/scenarios", { title: "one too many" });
    expectProblem(last, 429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    // reads are not limited, and the refused writes created nothing
    const mine = expectOk(await c.get("/api/v1/scenarios"));
    expect(mine.items.filter((x: any) => /^s\d+$/.test(x.title)).length).toBe(20);
    expect(mine.items.some((x: any) => x.title === "one too many")).toBe(false);
  }, 60_000);

  it("25 writes at once with 20 allowed: exactly 20 land, each with its count, however they interleave", async () => {
    const c = new ApiClient(limited.url);
    const up = await c.request("POST", "/api/auth/sign-up/email", { email: uniqueEmail("burst"), password: TEST_PASSWORD, name: "Burst" }, { "x-forwarded-for": "1.2.3.5" });
    expect(up.status).toBe(200);
    await roomInWindow(15_000);
    const statuses = await Promise.all(Array.from({ length: 25 }, (_, i) => c.post("/api/v1/scenarios", { title: `burst ${i}` }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const mine = expectOk(await c.get("/api/v1/scenarios"));
    expect(mine.items.filter((x: any) => x.title.startsWith("burst ")).length).toBe(20);
  }, 60_000);
});

describe("accounts", () => {
  it("weak passwords are refused with the reason; strong ones pass", async () => {
    for (const password of ["        ", "password", "12345678", "qwertyuiop"]) {
      const res = await authPost(new ApiClient(baseUrl), "/api/auth/sign-up/email", { email: uniqueEmail("weak"), password, name: "Weak" });
      expect(res.status, password).toBe(400);
      expect(res.body).toMatchObject({ code: "PASSWORD_TOO_WEAK", message: expect.stringMatching(/stronger password/) });
    }
    expect((await authPost(new ApiClient(baseUrl), "/api/auth/sign-up/email", { email: uniqueEmail("strong"), password: "kestrel-nine-lantern", name: "Strong" })).status).toBe(200);
  });

  it("a display name is limited to 100 characters, at sign-up and when changed", async () => {
    const tooLong = "N".repeat(200_000);
    const res = await authPost(new ApiClient(baseUrl), "/api/auth/sign-up/email", { email: uniqueEmail("long"), password: TEST_PASSWORD, name: tooLong });
    expect([400, 413]).toContain(res.status); // refused: too long a name, or too large a body
    const c = await signUp(baseUrl, "Short Name");
    const update = await c.post("/api/auth/update-user", { name: "N".repeat(101) });
    expect(update.status).toBe(400);
    expect(expectOk(await c.get("/api/v1/me")).name).toBe("Short Name");
  });

  it("the session list hands no session tokens to page scripts", async () => {
    const c = await signUp(baseUrl, "Sessions");
    const res = await c.get("/api/auth/list-sessions");
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    for (const s of res.body) expect(s).not.toHaveProperty("token");
    expect(JSON.stringify(res.body)).not.toMatch(/"token"/);
  });
});

describe("dates in query strings", () => {
  it("asOf=0, from=abc and other non-dates are 4xx problem+json, never 500 and never guessed", async () => {
    const c = await signUp(baseUrl, "Dates");
    const s = await newScenario(c, "Dates");
    for (const path of [
      `/api/v1/scenarios/${s.id}?asOf=0`,
      `/api/v1/scenarios/${s.id}?asOf=yesterday`,
      `/api/v1/scenarios/${s.id}/diff?from=abc&to=2022-09-10T00:00:00Z`,
      `/api/v1/scenarios/${s.id}/diff?from=2022-09-10T00:00:00Z&to=1e12`,
      `/api/v1/scenarios/${s.id}/history?from=42`,
      `/api/v1/scenarios/${s.id}/evidence?asOf=NaN`,
    ]) {
      const res = await c.get(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expectProblem(res, res.status);
    }
    expect((await c.get(`/api/v1/scenarios/${s.id}?asOf=2022-09-10`)).status).toBe(200);
  });
});

describe("security headers", () => {
  it("every page and API reply carries CSP (nonce, no unsafe-eval), frame-ancestors 'none', nosniff and a referrer policy", async () => {
    for (const path of ["/", "/sign-in", "/api/v1/me", "/api/v1/nowhere"]) {
      const res = await fetch(baseUrl + path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain("unsafe-eval");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("x-frame-options"), path).toBe("DENY");
      expect(res.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("permissions-policy"), path).toContain("camera=()");
    }
    const page = await fetch(`${baseUrl}/sign-in`);
    const csp = page.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const html = await page.text();
    // Next's scripts carry this response's nonce; no script lacks one
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });
});

describe("the environment", () => {
  it("in production the server refuses to start without a secret of at least 32 characters, saying so in one line", async () => {
    const root = path.resolve(__dirname, "../..");
    for (const secret of [undefined, "too-short"]) {
      const child = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
        cwd: root,
        env: { ...process.env, NODE_ENV: "production", PORT: String(await freePort()), BETTER_AUTH_SECRET: secret ?? "", DATABASE_URL: "file::memory:" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      expect(code).not.toBe(0);
      expect(output).toMatch(/Branchpoint cannot start: Invalid environment:\s+BETTER_AUTH_SECRET: must be set to a random secret of at least 32 characters in production\n$/);
    }
  }, 60_000);
});
