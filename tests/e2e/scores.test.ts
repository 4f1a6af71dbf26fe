// Issue 4's browser bits, when the Scores page is built: resolve the demo's Q1 and read each
// analyst's Brier and log score (worked by hand from the demo's last estimates), then the
// calibration chart. Skipped when the build has no Scores page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { RunningServer } from "../support/server";
import { apiJson, expectAccessible, expectWrite, freshInstance, launchBrowser, newPage, openDemo, screenshot, signUpViaUi } from "../support/e2e-browser";

const ANA = "Ana Petrova (demo analyst)";
const BEN = "Ben Okafor (demo analyst)";

let server: RunningServer;
let browser: Browser;
let page: Page;
let demoId: string;
let built = false;

beforeAll(async () => {
  [server, browser] = await Promise.all([freshInstance(), launchBrowser()]);
  page = await newPage(browser, server.url);
  await signUpViaUi(page, "Sol Scores");
  demoId = await openDemo(page);
  built = (await page.request.get(`/scenarios/${demoId}/scores`)).status() === 200;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("flow 6 (issue 4): resolution, scores and calibration", () => {
  it("resolving Q1 scores each analyst's last estimate; the calibration chart shows all their forecasts", async (ctx) => {
    if (!built) ctx.skip();
    const q1 = (await apiJson(page, "GET", `/api/v1/scenarios/${demoId}`)).questions[0];
    const no = q1.hypotheses[1]; // "No: ISIS-K acted without insider help"
    await page.getByRole("navigation", { name: "Scenario" }).getByRole("link", { name: "Scores" }).click();
    await page.waitForURL(/\/scores$/);
    await page.getByText("No question is resolved yet.", { exact: false }).waitFor();

    const form = page.getByRole("form", { name: "Resolve a question" });
    await form.getByLabel("Question").selectOption({ label: q1.title });
    await form.getByLabel("Known answer").selectOption({ label: no.title });
    await form.getByLabel("Note").fill("Test resolution");
    await expectWrite(page, `/api/v1/questions/${q1.id}/resolution`, () => form.getByRole("button", { name: "Resolve" }).click());

    const table = page.getByRole("table", { name: `Scores for ${q1.title}` });
    await table.waitFor();
    const row = async (name: string) => (await table.getByRole("row", { name: new RegExp(name.replace(/[()]/g, "\\$&")) }).getByRole("cell").allInnerTexts()).map((t) => t.trim());
    // Last estimates before resolution (demo): Ana 15 / 85, Ben 30 / 70; the truth is "No".
    // Brier = (p_yes − 0)² + (p_no − 1)²; log score = ln p_no.
    const anaBrier = (0.15 ** 2 + 0.15 ** 2).toFixed(3); // 0.045
    const benBrier = (0.3 ** 2 + 0.3 ** 2).toFixed(3); // 0.180
    expect(await row(ANA)).toEqual([ANA, anaBrier, Math.log(0.85).toFixed(3), expect.any(String), "3"]);
    expect(await row(BEN)).toEqual([BEN, benBrier, Math.log(0.7).toFixed(3), expect.any(String), "3"]);
    expect(await page.getByTestId("scored-question").innerText()).toContain(`Resolved: ${no.title}`);

    await page.getByLabel("Analyst").selectOption({ label: ANA });
    // Calibration counts every estimate Ana made before resolution (issue 4: "all of an
    // analyst's resolved estimates"): Yes at 25, 20, 15 % (false), No at 75, 80, 85 % (true).
    await page.getByText("6 forecasts on 1 resolved question").waitFor();
    await page.getByTestId("calibration-chart").waitFor();
    const buckets = page.getByRole("table", { name: "Calibration buckets" });
    const bucket = async (label: string) => (await buckets.getByRole("row", { name: new RegExp(`^${label}`) }).getByRole("cell").allInnerTexts()).map((t) => t.trim());
    expect(await bucket("10–20 %")).toEqual(["10–20 %", "1", "15.0 %", "0.0 %"]);
    expect(await bucket("20–30 %")).toEqual(["20–30 %", "2", "22.5 %", "0.0 %"]);
    expect(await bucket("70–80 %")).toEqual(["70–80 %", "1", "75.0 %", "100.0 %"]);
    expect(await bucket("80–90 %")).toEqual(["80–90 %", "2", "82.5 %", "100.0 %"]);
    const counts = (await buckets.locator("tbody tr td:nth-child(2)").allInnerTexts()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(6);
    await expectAccessible(page, "scores");
    await screenshot(page, "scores");
  });
});
