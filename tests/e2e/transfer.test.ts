// Flow 8: export the demo from the scenario frame, import the file from the scenario list,
// and find the same scenario — title, questions, figures and confidence history — as a new
// scenario the importer owns.
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { apiJson, browserSession, expectAccessible, openDemo, pctText, scenarioIdFromUrl, screenshot, signUpViaUi } from "../support/e2e-browser";

const session = browserSession();
let page: Page;
let demo: any;
let exportPath: string;
let importedId: string;

beforeAll(async () => {
  page = await session.page();
});

const figures = (s: any) => s.questions.flatMap((q: any) => q.hypotheses.map((h: any) => `${h.title}: ${pctText(h.probability)}`));
const rationaleMarkers = () => page.getByTestId("probability-chart").locator(".chart-mark.estimate").count();

describe("flow 8: export and import", () => {
  it("Export downloads the scenario as a JSON document", async () => {
    await signUpViaUi(page, "Ivo Import");
    const demoId = await openDemo(page);
    demo = await apiJson(page, "GET", `/api/v1/scenarios/${demoId}`);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    exportPath = (await download.path())!;
    const doc = JSON.parse(fs.readFileSync(exportPath, "utf8"));
    expect(doc.scenario.title).toBe(demo.title);
    expect(JSON.stringify(doc)).toContain(demo.questions[0].title);
    // Still on the overview: the download did not navigate away.
    expect(scenarioIdFromUrl(page)).toBe(demoId);
  });

  it("Import from the scenario list lands on a new scenario with the same title, questions and figures", async () => {
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Scenarios" }).click();
    await page.waitForURL(/\/scenarios$/);
    await page.getByRole("button", { name: "Import", exact: true }).waitFor();
    await Promise.all([
      page.waitForURL((u) => /\/scenarios\/[^/?]+$/.test(u.pathname) && !u.pathname.endsWith(demo.id)),
      page.setInputFiles("[data-testid=import-file]", exportPath),
    ]);
    importedId = scenarioIdFromUrl(page);
    expect(importedId).not.toBe(demo.id);

    await page.getByTestId("question").first().waitFor();
    expect(await page.getByRole("heading", { level: 1 }).first().innerText()).toBe(demo.title);
    const titles = await page.getByTestId("question").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
    expect(titles).toEqual(demo.questions.map((q: any) => q.title));
    const imported = await apiJson(page, "GET", `/api/v1/scenarios/${importedId}`);
    expect(imported.role).toBe("owner");
    expect(figures(imported)).toEqual(figures(demo)); // lossless: the same estimates, the same aggregates
    for (const q of demo.questions) {
      const own = page.locator(`[data-testid=question][aria-label="${q.title}"] > div > [data-testid=hypothesis-row] [data-testid=team-probability]`);
      expect(await own.allInnerTexts(), q.title).toEqual(q.hypotheses.map((h: any) => pctText(h.probability)));
    }
    expect(await page.getByTestId("activity").innerText()).toContain("Ivo Import imported this scenario");

    // Both now in the list: the demo and the imported copy, which the importer owns.
    await page.goto("/scenarios");
    const rows = page.getByRole("row", { name: new RegExp(demo.title.slice(0, 30)) });
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.locator(".tag", { hasText: "demo" }).count()).toBe(1); // only the demo copy is marked
    expect(await rows.locator("td:nth-child(2)").allInnerTexts()).toEqual(["owner", "owner"]);
    await screenshot(page, "scenarios");
  });

  it("the imported scenario's history shows the demo's estimates", async () => {
    const demoQ1 = (await apiJson(page, "GET", `/api/v1/questions/${demo.questions[0].id}/estimates`)).items;
    await page.goto(`/scenarios/${importedId}/history`);
    await page.getByTestId("probability-chart").waitFor();
    await expect.poll(rationaleMarkers).toBe(demoQ1.length);
    const series = await page.getByLabel("Series").locator("option").allInnerTexts();
    expect(series).toEqual(expect.arrayContaining(["team", "Ana Petrova (demo analyst)", "Ben Okafor (demo analyst)"]));
    // Timestamps kept: the chart's axis starts in September 2022.
    expect(await page.getByTestId("probability-chart").innerText()).toMatch(/Sep 2022/);
  });

  it("a file that is not an export is refused with a message", async () => {
    session.expectConsoleError(/status of 400/);
    await page.goto("/scenarios");
    await page.getByRole("button", { name: "Import", exact: true }).waitFor();
    await page.setInputFiles("[data-testid=import-file]", { name: "notes.json", mimeType: "application/json", buffer: Buffer.from("these are not JSON") });
    const alert = page.getByRole("alert").filter({ hasText: /\S/ });
    await alert.waitFor();
    expect(await alert.innerText()).toContain("not a Branchpoint export");
    await expectAccessible(page, "scenarios list");
    expect(page.url()).toMatch(/\/scenarios$/);
  });
});
