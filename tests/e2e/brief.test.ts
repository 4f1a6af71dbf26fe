// The brief in the browser: the Brief tab of a copy of the demo (with an indicator, an
// assumption and a resolution added) prints the overview's
// percentages (the same texts), shows what moved since a date picked in its form, links the
// Markdown, and prints to PDF in Chromium without the app's header, tabs or toolbar. At 390 px
// the page never scrolls sideways. Screenshots: test-results/screens/brief-*.png, the PDF
// beside them.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { apiJson, browserSession, expectAccessible, openDemo, SCREENS_DIR, signUpViaUi } from "../support/e2e-browser";

const session = browserSession();
let page: Page;
let demoId: string;

const texts = async (p: Page, testId: string) => (await p.getByTestId(testId).allInnerTexts()).map((t) => t.trim()).sort();

beforeAll(async () => {
  page = await session.page();
  await signUpViaUi(page, "Bria Brief");
  demoId = await openDemo(page);
  // the demo has no indicators, assumptions or resolutions: one of each, so the brief shows them
  const s = await apiJson(page, "GET", `/api/v1/scenarios/${demoId}`);
  const [q1, , , q4] = s.questions;
  const evidence = (await apiJson(page, "GET", `/api/v1/scenarios/${demoId}/evidence?limit=1`)).items[0];
  const i = await apiJson(page, "POST", `/api/v1/hypotheses/${q4.hypotheses[1].id}/indicators`, { title: "Embassies delay their return", direction: "supports" });
  await apiJson(page, "PATCH", `/api/v1/indicators/${i.id}`, { version: i.version, status: "observed", evidenceIds: [evidence.id] });
  await apiJson(page, "POST", `/api/v1/hypotheses/${q4.hypotheses[2].id}/indicators`, { title: "A second attack on Russian targets", direction: "supports" });
  const a = await apiJson(page, "POST", `/api/v1/questions/${q4.id}/assumptions`, { statement: "ISIS-K's statements reflect its aims" });
  await apiJson(page, "PATCH", `/api/v1/assumptions/${a.id}`, { version: a.version, status: "caveated", note: "propaganda outlet" });
  await apiJson(page, "POST", `/api/v1/questions/${q1.id}/resolution`, { hypothesisId: q1.hypotheses[1].id, note: "The inquiry found no insider" });
  await page.reload();
  await page.getByTestId("question").first().waitFor();
});

describe("the brief page", () => {
  it("prints the overview's percentages, for every open hypothesis", async () => {
    const overview = (await texts(page, "team-probability")).filter((t) => t !== "—");
    expect(overview.length).toBeGreaterThan(5);
    await page.getByRole("navigation", { name: "Scenario" }).getByRole("link", { name: "Brief" }).click();
    await page.waitForURL(/\/brief$/);
    await page.getByRole("heading", { name: "Key judgments" }).waitFor();
    expect((await texts(page, "brief-probability")).filter((t) => t !== "—")).toEqual(overview);
    const scenario = await apiJson(page, "GET", `/api/v1/scenarios/${demoId}`);
    expect(await page.getByTestId("brief-question").count()).toBe(scenario.questions.length);
    expect(await page.getByTestId("brief-diagnostic").count()).toBeGreaterThan(0);
    await expectAccessible(page, "brief");
    fs.mkdirSync(SCREENS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENS_DIR, "brief-1440.png"), fullPage: true });
  });

  it("shows what moved since a date picked in its form, and links that Markdown", async () => {
    await page.getByLabel("Changes since (UTC date)").fill("2022-09-01");
    await page.getByRole("button", { name: "Show changes" }).click();
    await page.waitForURL(/since=2022-09-01/);
    await page.getByRole("heading", { name: /^What moved since 1 Sep 2022/ }).waitFor();
    expect(await page.getByTestId("brief-moved-question").count()).toBeGreaterThan(0);
    const href = await page.getByRole("link", { name: "Download Markdown" }).getAttribute("href");
    expect(href).toBe(`/api/v1/scenarios/${demoId}/brief?format=markdown&since=2022-09-01T00%3A00%3A00.000Z`);
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(await res.text()).toContain("## What moved since 1 Sep 2022 00:00 UTC");
  });

  it("prints to PDF: the document alone, black on white", async () => {
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".app-header").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Print / Save as PDF" }).isVisible()).toBe(false);
    expect(await page.getByRole("heading", { name: "Key judgments" }).isVisible()).toBe(true);
    const pdf = await page.pdf({ path: path.join(SCREENS_DIR, "brief.pdf"), format: "A4", printBackground: true, margin: { top: "16mm", bottom: "16mm", left: "14mm", right: "14mm" } });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(10_000);
    // what the paper looks like, for a reader of the screenshots (A4 at 96 dpi, less margins)
    await page.setViewportSize({ width: 680, height: 960 });
    await page.screenshot({ path: path.join(SCREENS_DIR, "brief-print.png"), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ media: "screen" });
  });

  it("fits a 390 px phone without sideways scroll", async () => {
    const phone = await session.page({ viewport: { width: 390, height: 844 } });
    await phone.context().addCookies(await page.context().cookies());
    await phone.goto(`/scenarios/${demoId}/brief?since=2022-09-01`);
    await phone.getByRole("heading", { name: "Key judgments" }).waitFor();
    await phone.waitForLoadState("load");
    const { scrollWidth, innerWidth } = await phone.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await expectAccessible(phone, "brief at 390 px");
    await phone.screenshot({ path: path.join(SCREENS_DIR, "brief-390.png"), fullPage: true });
    await phone.close();
  });
});
