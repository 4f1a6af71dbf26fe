// API tokens in the browser: the Account page (reached from the name in the header) makes a
// token and shows its secret once, the secret works as a Bearer token, the list shows when it
// was last used, and revoking it (after a confirmation) stops it at once.
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { browserSession, expectAccessible, screenshot, signUpViaUi } from "../support/e2e-browser";

const session = browserSession();
let page: Page;

beforeAll(async () => {
  page = await session.page();
});

describe("API tokens on the account page", () => {
  it("makes a token shown once, which a script can use until it is revoked", async () => {
    const me = await signUpViaUi(page, "Tessa Token");
    await page.getByRole("link", { name: me.name }).first().click();
    await page.waitForURL(/\/account$/);
    await page.getByText("No tokens yet.").waitFor();
    await page.getByLabel("What it is for").fill("Notebook");
    await page.getByLabel("Expires").selectOption({ label: "in 30 days" });
    await page.getByRole("button", { name: "Make a token" }).click();
    const shown = page.getByTestId("new-token");
    await shown.getByText("copy the token now — it is shown only once").waitFor();
    const token = (await shown.locator("code").innerText()).trim();
    expect(token).toMatch(/^bp_[\w-]{40,}$/);
    const row = page.getByTestId("token-row").filter({ hasText: "Notebook" });
    await row.waitFor();
    expect(await row.innerText()).toContain("never"); // not used yet
    await expectAccessible(page, "account page");
    await screenshot(page, "account-tokens");

    // a script (no cookie, no Origin) uses it
    const base = new URL(page.url()).origin;
    const me1 = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me1.status).toBe(200);
    expect((await me1.json()).name).toBe("Tessa Token");
    await page.reload();
    await expect.poll(async () => (await page.getByTestId("token-row").filter({ hasText: "Notebook" }).innerText()).includes("ago")).toBe(true);

    // the secret is never shown again
    expect(await page.getByText(token).count()).toBe(0);

    // revoke, confirming
    page.once("dialog", (d) => void d.accept());
    await page.getByTestId("token-row").filter({ hasText: "Notebook" }).getByRole("button", { name: "Revoke" }).click();
    await page.getByText("No tokens yet.").waitFor();
    expect((await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  }, 90_000);
});
