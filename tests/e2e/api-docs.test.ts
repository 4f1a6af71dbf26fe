// The API reference: /api/docs, where Scalar (from our own bundle) renders
// the OpenAPI document under the pages' Content-Security-Policy — no CSP violation, no console
// error, and no request to any other origin (no CDN fonts, scripts or telemetry).
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { browserSession, screenshot } from "../support/e2e-browser";

const session = browserSession();
let page: Page;
const foreign: string[] = [];

beforeAll(async () => {
  page = await session.page({ viewport: { width: 1440, height: 900 } });
  const origin = new URL(session.baseUrl).origin;
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== origin) foreign.push(r.url());
  });
});

describe("the API reference page", () => {
  it("renders every tag of the document from /api/docs, within the CSP, from this origin only", async () => {
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto("/api/docs");
    expect(new URL(page.url()).pathname).toBe("/api/docs");
    expect(await page.title()).toBe("API reference · Branchpoint");
    const doc = await (await page.request.get("/api/v1/openapi.json")).json();
    await page.getByRole("heading", { name: doc.info.title }).first().waitFor();
    // the first tag's operations are listed; the sidebar names every tag
    await page.getByText("The signed-in account", { exact: true }).first().waitFor();
    for (const tag of doc.tags as { name: string }[]) expect(await page.getByText(tag.name, { exact: true }).count(), tag.name).toBeGreaterThan(0);
    await screenshot(page, "api-docs");
    expect(foreign).toEqual([]);
  });

  it("shows an operation's parameters, body and replies, errors included", async () => {
    const sidebar = page.locator("aside, nav").first();
    await sidebar.getByText("Evidence", { exact: true }).first().click();
    await sidebar.getByText("Log an evidence item", { exact: true }).first().click();
    const heading = page.getByRole("heading", { name: "Log an evidence item" }).first();
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(300);
    const section = page.locator("section", { has: heading }).last();
    for (const text of ["reliability", "credibility", "201", "422", "429"]) expect(await section.getByText(text).count(), text).toBeGreaterThan(0);
    await screenshot(page, "api-docs-operation");
    expect(foreign).toEqual([]);
  });
});
