// Flow 6: resolve the demo's questions on the Scores tab. Resolving asks for confirmation
// and says what it affects (here: Q2 resolved to "no sources" annuls the conditional Q3);
// the answer list always belongs to the question shown, also after a resolution; a
// resolved question is closed on the overview; a correction needs a reason; each analyst's
// Brier and log score are worked by hand from the demo's last estimates, and the
// calibration chart shows a stand-in demo analyst's forecasts.
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { apiJson, browserSession, expectAccessible, expectWrite, openDemo, screenshot, signUpViaUi } from "../support/e2e-browser";

const ANA = "Ana Petrova (demo analyst)";
const BEN = "Ben Okafor (demo analyst)";

const session = browserSession();
let page: Page;
let demoId: string;
let scenario: any;

beforeAll(async () => {
  page = await session.page();
  await signUpViaUi(page, "Sol Scores");
  demoId = await openDemo(page);
  scenario = await apiJson(page, "GET", `/api/v1/scenarios/${demoId}`);
});

const form = () => page.getByRole("form", { name: "Resolve a question" });
const answers = () => form().getByLabel("Known answer").locator("option").allInnerTexts();

describe("flow 6: resolution, scores and calibration", () => {
  it("resolving asks for confirmation, says what it affects, and keeps the answers with their question", async () => {
    const [q1, q2, q3] = scenario.questions;
    const none = q2.hypotheses[2]; // "Had no sources close to the attacker"
    await page.getByRole("navigation", { name: "Scenario" }).getByRole("link", { name: "Scores" }).click();
    await page.waitForURL(/\/scores$/);
    await page.getByText("No question is resolved yet.", { exact: false }).waitFor();

    await form().getByLabel("Question").selectOption({ label: q2.title });
    expect(await answers()).toEqual(["— choose —", ...q2.hypotheses.map((h: any) => h.title), "Annul (cannot be resolved; not scored)"]);
    await form().getByLabel("Known answer").selectOption({ label: none.title });
    await form().getByLabel("Note").fill("The inquiry found no informants");
    await form().getByRole("button", { name: "Resolve…" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Confirm the resolution" });
    await confirm.waitFor();
    const says = await confirm.innerText();
    expect(says).toContain(`Resolve “${q2.title}” as “${none.title}”?`);
    expect(says).toContain("scored against");
    expect(says).toContain(`annulled automatically, as its condition is false: “${q3.title}”`);
    await screenshot(page, "resolve-confirm");
    await expectWrite(page, `/api/v1/questions/${q2.id}/resolution`, () => confirm.getByRole("button", { name: "Resolve" }).click());

    // Q2 and its conditional Q3 left the form; it moved on to Q1 with Q1's answers only.
    await expect.poll(() => form().getByLabel("Question").locator("option").allInnerTexts()).toEqual([q1.title, scenario.questions[3].title]);
    await expect.poll(answers).toEqual(["— choose —", ...q1.hypotheses.map((h: any) => h.title), "Annul (cannot be resolved; not scored)"]);
    expect(await form().getByRole("button", { name: "Resolve…" }).isDisabled()).toBe(true);
    const resolutions = await apiJson(page, "GET", `/api/v1/questions/${q2.id}/resolution`);
    expect(resolutions.items).toHaveLength(1);
    expect(resolutions.items[0]).toMatchObject({ hypothesisId: none.id, note: "The inquiry found no informants" });
  });

  it("resolving Q1 scores each analyst's last estimate; the calibration chart shows a demo analyst's forecasts", async () => {
    const q1 = scenario.questions[0];
    const no = q1.hypotheses[1]; // "No: ISIS-K acted without insider help"
    await form().getByLabel("Question").selectOption({ label: q1.title });
    await form().getByLabel("Known answer").selectOption({ label: no.title });
    await form().getByRole("button", { name: "Resolve…" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Confirm the resolution" });
    await expectWrite(page, `/api/v1/questions/${q1.id}/resolution`, () => confirm.getByRole("button", { name: "Resolve" }).click());

    const table = page.getByRole("table", { name: `Scores for ${q1.title}` });
    await table.waitFor();
    const row = async (name: string) => (await table.getByRole("row", { name: new RegExp(name.replace(/[()]/g, "\\$&")) }).getByRole("cell").allInnerTexts()).map((t) => t.trim());
    // Last estimates before resolution (demo): Ana 15 / 85, Ben 30 / 70; the truth is "No".
    // Brier = (p_yes − 0)² + (p_no − 1)²; log score = ln p_no.
    const anaBrier = (0.15 ** 2 + 0.15 ** 2).toFixed(3); // 0.045
    const benBrier = (0.3 ** 2 + 0.3 ** 2).toFixed(3); // 0.180
    expect(await row(ANA)).toEqual([ANA, anaBrier, Math.log(0.85).toFixed(3), expect.any(String), "3"]);
    expect(await row(BEN)).toEqual([BEN, benBrier, Math.log(0.7).toFixed(3), expect.any(String), "3"]);
    expect(await page.getByTestId("scored-question").filter({ hasText: q1.title }).innerText()).toContain(`Resolved: ${no.title}`);

    await page.getByLabel("Analyst").selectOption({ label: ANA });
    // Calibration counts every estimate Ana made before resolution: Yes at 25, 20, 15 %
    // (false), No at 75, 80, 85 % (true) — on Q1; her Q2 estimates count too.
    const cal = await apiJson(page, "GET", `/api/v1/analysts/${(await apiJson(page, "GET", `/api/v1/questions/${q1.id}/estimates`)).items.find((e: any) => e.analystName === ANA).analystId}/calibration`);
    await page.getByText(`${cal.forecasts} forecasts on ${cal.questions} resolved question`).waitFor();
    await page.getByTestId("calibration-chart").waitFor();
    const buckets = page.getByRole("table", { name: "Calibration buckets" });
    const counts = (await buckets.locator("tbody tr td:nth-child(2)").allInnerTexts()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(cal.forecasts);
    expect(cal.forecasts).toBeGreaterThanOrEqual(6);
    // the chart is drawn the width of its box, its points among the buckets' forecasts
    const canvas = (await page.getByTestId("calibration-chart").locator("canvas").boundingBox())!;
    expect(canvas.width).toBeGreaterThan(300);
    await expectAccessible(page, "scores");
    await screenshot(page, "scores");
    await page.getByTestId("calibration-chart").scrollIntoViewIfNeeded();
    await screenshot(page, "scores-calibration");

    // Q1's history chart marks the resolution with a labelled line; on a phone, at the
    // chart's right edge, the label stays on screen and the page does not scroll sideways
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(page.url().replace(/\/scores.*$/, "/history"));
      const label = page.getByTestId("probability-chart").locator(".chart-resolution > span");
      await label.waitFor();
      expect(await label.innerText()).toBe("resolved");
      const box = (await label.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
      await screenshot(page, "history-resolved-390");
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    await page.goBack();
  });

  it("a resolved question is closed on the overview, says its answer, and a correction needs a reason", async () => {
    const q1 = scenario.questions[0];
    const [yes, no] = q1.hypotheses;
    await page.getByRole("navigation", { name: "Scenario" }).getByRole("link", { name: "Overview" }).click();
    const block = page.locator(`[data-testid=question][aria-label="${q1.title}"]`).first();
    await block.getByTestId("resolution-note").waitFor();
    expect(await block.getByTestId("resolution-note").innerText()).toContain(`Resolved: “${no.title}”`);
    expect(await block.locator(":scope > .spread").getByRole("button", { name: "Update confidence" }).count()).toBe(0);
    expect(await block.getByRole("button", { name: "+ add hypothesis" }).count()).toBe(0);
    const q3 = scenario.questions[2];
    const q3Block = page.locator(`[data-testid=question][aria-label="${q3.title}"]`).first();
    expect(await q3Block.getByTestId("resolution-note").innerText()).toMatch(/Annulled[\s\S]*automatically/);

    await page.getByRole("navigation", { name: "Scenario" }).getByRole("link", { name: "Scores" }).click();
    const scored = page.getByTestId("scored-question").filter({ hasText: q1.title });
    await scored.getByRole("button", { name: "correct…" }).click();
    const fix = page.getByRole("form", { name: `Correct the resolution of ${q1.title}` });
    await fix.getByLabel("Correct answer").selectOption({ label: yes.title });
    await fix.getByLabel(/Why the earlier resolution was wrong/).fill("too short");
    expect(await fix.getByRole("button", { name: "Correct…" }).isDisabled()).toBe(true);
    await fix.getByLabel(/Why the earlier resolution was wrong/).fill("A defector later named the faction that opened the gate.");
    await fix.getByRole("button", { name: "Correct…" }).click();
    await expectWrite(page, `/api/v1/questions/${q1.id}/resolution`, () => page.getByRole("alertdialog", { name: "Confirm the correction" }).getByRole("button", { name: "Correct" }).click());
    await expect.poll(() => scored.innerText()).toContain(`Resolved: ${yes.title}`);
    const items = (await apiJson(page, "GET", `/api/v1/questions/${q1.id}/resolution`)).items;
    expect(items.map((r: any) => r.hypothesisId)).toEqual([no.id, yes.id]);
  });
});
