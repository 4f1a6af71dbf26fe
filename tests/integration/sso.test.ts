// Single sign-on over HTTP against a real OpenID Connect provider on localhost: a newcomer's
// first sign-in makes the account from the provider's verified email and name; an existing
// password account is never joined by its email (refused, and no second account is made);
// once its owner links the provider while signed in, the provider signs that account in.
// Without the OIDC settings there is no single sign-on; half of them stop the server.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/client";
import { authPost, TEST_PASSWORD, uniqueEmail } from "../support/accounts";
import { countRows } from "../support/store";
import { CookieJar, signInAtProvider, startIdp, type TestIdp } from "../support/oidc";
import { freePort } from "../support/ports";
import { startServer, type RunningServer } from "../support/server";
import { eq } from "drizzle-orm";

let idp: TestIdp;
let app: RunningServer;

beforeAll(async () => {
  const port = await freePort();
  idp = await startIdp(`http://localhost:${port}`);
  app = await startServer({ port, env: { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_NAME: "Test IdP" } });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await idp?.stop();
});

/** Start at the app (sign-in or link), go through the provider as `login`, land back on the app. */
async function viaProvider(jar: CookieJar, endpoint: "sign-in/social" | "link-social", body: Record<string, unknown>, login: string): Promise<URL> {
  const start = `${app.url}/api/auth/${endpoint}`;
  const res = await fetch(start, {
    method: "POST",
    headers: { cookie: jar.header(start), origin: app.url, "content-type": "application/json" },
    body: JSON.stringify({ provider: "oidc", ...body }),
  });
  jar.take(start, res);
  const reply = await res.json();
  expect(res.status, JSON.stringify(reply)).toBe(200);
  return signInAtProvider(jar, reply.url, login, app.url);
}

async function me(jar: CookieJar) {
  const res = await fetch(`${app.url}/api/v1/me`, { headers: { cookie: jar.header(app.url) } });
  return { status: res.status, body: res.status === 200 ? await res.json() : null };
}

describe("single sign-on", () => {
  it("a newcomer's first sign-in makes the account from the provider's verified email and name", async () => {
    const email = uniqueEmail("newcomer");
    idp.identity(email, "Nora from the provider");
    const jar = new CookieJar();
    const landed = await viaProvider(jar, "sign-in/social", { callbackURL: "/scenarios", newUserCallbackURL: "/scenarios?welcome=1", errorCallbackURL: "/sign-in" }, email);
    expect(landed.pathname + landed.search).toBe("/scenarios?welcome=1");
    const who = await me(jar);
    expect(who.status).toBe(200);
    expect(who.body).toMatchObject({ name: "Nora from the provider", email });
  });

  it("a password account with the same email is not joined: refused, no second account; linked by its owner, then it signs in", async () => {
    const email = uniqueEmail("pat");
    const password = new ApiClient(app.url);
    expect((await authPost(password, "/api/auth/sign-up/email", { email, password: TEST_PASSWORD, name: "Pat Password" })).status).toBe(200);
    const patId = password.user?.id ?? (await password.get("/api/v1/me")).body.id;
    idp.identity(email, "Pat from the provider");

    const stranger = new CookieJar();
    const refused = await viaProvider(stranger, "sign-in/social", { callbackURL: "/scenarios", errorCallbackURL: "/sign-in" }, email);
    expect(refused.pathname).toBe("/sign-in");
    expect(refused.searchParams.get("error")).toBe("account_not_linked");
    expect((await me(stranger)).status).toBe(401);
    expect(await countRows(app.databaseUrl, "user", (u) => eq(u.email, email))).toBe(1);
    // the sign-in page says what to do
    const page = await (await fetch(`${app.url}${refused.pathname}${refused.search}`)).text();
    expect(page).toContain("An account with this email already exists. Sign in with your password, then link Test IdP on your account page");

    // the owner, signed in with the password, links the provider
    const owner = new CookieJar();
    const signIn = await fetch(`${app.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { origin: app.url, "content-type": "application/json" },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    owner.take(app.url, signIn);
    expect(signIn.status).toBe(200);
    const linked = await viaProvider(owner, "link-social", { callbackURL: "/account", errorCallbackURL: "/account?error=link" }, email);
    expect(linked.pathname + linked.search).toBe("/account");
    const accounts = await (await fetch(`${app.url}/api/auth/list-accounts`, { headers: { cookie: owner.header(app.url) } })).json();
    expect(accounts.map((a: { providerId: string }) => a.providerId).sort()).toEqual(["credential", "oidc"]);

    // from now on the provider signs this account in — the same account, its own name kept
    const later = new CookieJar();
    const back = await viaProvider(later, "sign-in/social", { callbackURL: "/scenarios", errorCallbackURL: "/sign-in" }, email);
    expect(back.pathname).toBe("/scenarios");
    const who = await me(later);
    expect(who.body).toMatchObject({ id: patId, name: "Pat Password", email });
    expect(await countRows(app.databaseUrl, "user", (u) => eq(u.email, email))).toBe(1);
  });
});

describe("without single sign-on", () => {
  it("the shared server (no OIDC settings) offers no provider, and refuses one", async () => {
    const baseUrl = inject("baseUrl");
    expect(await (await fetch(`${baseUrl}/sign-in`)).text()).not.toContain("Sign in with");
    const res = await fetch(`${baseUrl}/api/auth/sign-in/social`, {
      method: "POST",
      headers: { origin: baseUrl, "content-type": "application/json" },
      body: JSON.stringify({ provider: "oidc", callbackURL: "/scenarios" }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it("half the settings stop the server at start, naming the missing ones", async () => {
    const root = path.resolve(__dirname, "../..");
    const child = spawn(process.execPath, [path.join(root, "scripts/server.mjs")], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", PORT: String(await freePort()), BETTER_AUTH_SECRET: "x".repeat(40), DATABASE_URL: "file::memory:", OIDC_ISSUER: "https://login.example.org" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).not.toBe(0);
    expect(output).toMatch(/Branchpoint cannot start: Invalid environment: OIDC_CLIENT_ID: must be set too.*; OIDC_CLIENT_SECRET: must be set too/);
  }, 60_000);
});
