// Single sign-on against a real OpenID Connect provider started on localhost (oidc-provider):
// a newcomer signs in through it and lands on the scenario list with an account made from the
// provider's verified email and name; a password account's email is never joined to the
// provider behind its back — the SSO sign-in is refused with a message saying how to link —
// and once its owner links the provider on the account page, it signs in through it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page, Request } from "playwright-core";
import { browserSession, screenshot, signUpViaUi, uniqueEmail } from "../support/e2e-browser";
import { startIdp, type TestIdp } from "../support/oidc";
import { freePort } from "../support/ports";
import { startServer, type RunningServer } from "../support/server";

const session = browserSession();
const NAME = "Test IdP";
let idp: TestIdp;
let server: RunningServer;

beforeAll(async () => {
  const port = await freePort();
  idp = await startIdp(`http://localhost:${port}`);
  server = await startServer({
    port,
    env: { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_NAME: NAME },
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await idp?.stop();
});

/**
 * `start` sends the browser to the provider (a click on the app); then through the provider's
 * pages: log in as `login` (its development form takes any password) and consent — each only
 * if the provider asks (it remembers this browser) — until the browser is back on the app.
 */
async function throughProvider(page: Page, login: string, start: () => Promise<unknown>): Promise<void> {
  // the provider's development pages load a web font from the internet, which this machine has not
  session.expectConsoleError(/ERR_NAME_NOT_RESOLVED|status of 404/);
  const form = page.locator("input[name=login]");
  const consent = page.locator("button[type=submit]", { hasText: /continue/i });
  // back on the app only once the provider has answered the app's callback
  let answered = false;
  const seen = (r: Request) => {
    if (r.url().startsWith(`${server.url}/api/auth/callback/`)) answered = true;
  };
  // watching before the click: a provider that remembers the browser answers at once, and the
  // callback can come before a listener added after the click would see it
  page.on("request", seen);
  await Promise.all([page.waitForRequest((r) => r.url().startsWith(idp.issuer)), start()]);
  const onApp = () => answered && page.url().startsWith(server.url) && !page.url().includes("/api/auth/");
  for (;;) {
    let next: "form" | "consent" | "app" | null = null;
    await expect
      .poll(async () => (next = onApp() ? "app" : (await form.isVisible()) ? "form" : (await consent.isVisible()) ? "consent" : null), { timeout: 30_000 })
      .not.toBeNull();
    if (next === "app") {
      page.off("request", seen);
      return;
    }
    if (next === "form") {
      await form.fill(login);
      await page.locator("input[name=password]").fill("any password");
      await Promise.all([page.waitForURL((u) => !u.pathname.endsWith("/login")), page.locator("button[type=submit]").click()]);
    } else {
      await consent.click();
      await page.waitForLoadState();
    }
  }
}

describe("single sign-on (OpenID Connect)", () => {
  it("a newcomer signs in with the provider and lands on the scenario list, named as the provider says", async () => {
    const email = uniqueEmail("newcomer");
    idp.identity(email, "Nora Newcomer");
    const page = await session.page({ baseUrl: server.url });
    await page.goto("/sign-in");
    await throughProvider(page, email, () => page.getByRole("button", { name: `Sign in with ${NAME}` }).click());
    await page.waitForURL(/\/scenarios/);
    await page.getByRole("heading", { name: "Welcome to Branchpoint, Nora Newcomer" }).waitFor();
    await screenshot(page, "sso-newcomer");
    await page.context().close();
  }, 120_000);

  it("a password account is not joined silently; once linked on the account page it signs in through the provider", async () => {
    const page = await session.page({ baseUrl: server.url });
    const account = await signUpViaUi(page, "Pat Password", uniqueEmail("pat"));
    idp.identity(account.email, "Pat from the provider");
    // sign out, then try the provider with the same email
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    await throughProvider(page, account.email, () => page.getByRole("button", { name: `Sign in with ${NAME}` }).click());
    await page.waitForURL(/\/sign-in\?error=/);
    await page.getByText(`An account with this email already exists. Sign in with your password, then link ${NAME} on your account page`).waitFor();
    await screenshot(page, "sso-refused");

    // sign in with the password and link the provider
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(/\/scenarios/);
    await page.goto("/account");
    // this browser's session at the provider is Pat's from the refused attempt: it may not ask again
    await throughProvider(page, account.email, () => page.getByRole("button", { name: `Link ${NAME}` }).click());
    await page.waitForURL((u) => u.pathname === "/account");
    await page.getByTestId("sso-linked").waitFor();
    await screenshot(page, "sso-linked");

    // from now on the provider signs this account in
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    await throughProvider(page, account.email, () => page.getByRole("button", { name: `Sign in with ${NAME}` }).click());
    await page.waitForURL(/\/scenarios/);
    // the same account, under the name it was made with
    await page.getByText("Pat Password").first().waitFor();
    expect(await page.getByText("Pat from the provider").count()).toBe(0);
    await page.context().close();
  }, 180_000);
});
