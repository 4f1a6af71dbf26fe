// Flow 4: the ACH matrix. Choose a question, rate cells by click and keyboard, watch the
// weighted inconsistency follow the evidence's grade (worked by hand below), undo with
// Ctrl+Z, and compare with the team's ratings.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { apiJson, expectAccessible, expectWrite, launchBrowser, newPage, screenshot, signUpViaApi, signUpViaUi } from "../support/e2e-browser";

const baseUrl = inject("baseUrl");
const E1 = "Claim of responsibility names a local cell"; // graded B2
const E2 = "Detonator traced to a stolen army stock"; // graded C3
const HYPS = ["Intimidate the embassy", "Retaliate for deportations", "Provoke a crackdown"] as const;

// Admiralty weights (PRODUCT.md / issue 4): reliability B 0.8, C 0.6; credibility 2 0.8, 3 0.6.
const W1 = 0.8 * 0.8; // B2 = 0.64
const W2 = 0.6 * 0.6; // C3 = 0.36

let browser: Browser;
let page: Page;
let scenarioId: string;
let e1: { id: string };

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser, baseUrl);
});

afterAll(async () => {
  await browser?.close();
});

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A cell by its accessible name, "<evidence> × <hypothesis>: <rating> — <words>". */
const cell = (evidence: string, hypothesis: string) => page.getByRole("gridcell", { name: new RegExp(`^${esc(evidence)} × ${esc(hypothesis)}:`) });
const cellValue = (evidence: string, hypothesis: string) => cell(evidence, hypothesis).locator(".cell-value").innerText();
/** What the cell shows: the rating and, in the team view, "(raters, disagreement)". */
const cellShows = (evidence: string, hypothesis: string) =>
  cell(evidence, hypothesis).evaluate((td) => [...td.querySelectorAll(".cell-value, .small")].map((n) => n.textContent).join(""));
const footer = (testId: string) => page.getByTestId(testId).getByRole("cell").allInnerTexts();

/** Press a rating key on the focused cell and wait for the rating to save and the matrix to reload. */
async function press(key: string): Promise<void> {
  await Promise.all([
    page.waitForResponse((r) => r.url().includes("/matrix?") && r.request().method() === "GET" && r.ok()),
    expectWrite(page, "/ratings", () => page.keyboard.press(key), "PUT"),
  ]);
}

describe("flow 4: the ACH matrix", () => {
  it("shows the chosen question's evidence × hypotheses, with the team's ratings before mine", async () => {
    await signUpViaUi(page, "Mira Matrix");
    scenarioId = (await apiJson(page, "POST", "/api/v1/scenarios", { title: "Embassy bombing (ACH)" })).id;
    await apiJson(page, "POST", `/api/v1/scenarios/${scenarioId}/questions`, { title: "Who carried it out?", hypotheses: [{ title: "A local cell" }, { title: "A foreign network" }] });
    const q2 = await apiJson(page, "POST", `/api/v1/scenarios/${scenarioId}/questions`, { title: "What was the aim?", hypotheses: HYPS.map((title) => ({ title })) });
    e1 = await apiJson(page, "POST", `/api/v1/scenarios/${scenarioId}/evidence`, { summary: E1, reliability: "B", credibility: 2 });
    await apiJson(page, "POST", `/api/v1/scenarios/${scenarioId}/evidence`, { summary: E2, reliability: "C", credibility: 3 });
    // A colleague has already rated E1 against the first aim.
    const colleague = await signUpViaApi(baseUrl, "Carl Colleague");
    await apiJson(page, "POST", `/api/v1/scenarios/${scenarioId}/members`, { email: colleague.email, role: "editor" });
    const res = await fetch(`${baseUrl}/api/v1/evidence/${e1.id}/ratings`, {
      method: "PUT",
      headers: { "content-type": "application/json", cookie: colleague.cookie, origin: baseUrl },
      body: JSON.stringify({ ratings: [{ hypothesisId: q2.hypotheses[0].id, consistency: "C" }] }),
    });
    expect(res.status).toBe(200);

    await page.goto(`/scenarios/${scenarioId}/matrix`);
    await page.getByLabel("Question", { exact: true }).selectOption({ label: "Q2 What was the aim?" });
    await page.waitForURL(/[?&]q=/);
    const table = page.getByRole("table", { name: "ACH matrix: What was the aim?" });
    await table.waitFor();
    expect(await table.getByRole("columnheader").allInnerTexts()).toEqual(["Evidence", "Grade", "Diagnosticity", ...HYPS]);
    expect(await page.getByTestId("matrix-row").count()).toBe(2);
    const row1 = page.getByTestId("matrix-row").filter({ hasText: E1 });
    expect(await row1.innerText()).toContain("B2");
    expect(await row1.innerText()).toContain(`w ${W1.toFixed(2)}`);
    expect(await page.getByTestId("matrix-row").filter({ hasText: E2 }).innerText()).toContain(`w ${W2.toFixed(2)}`);

    // I have rated nothing, so the team's view shows first: the colleague's C, by one analyst.
    expect(await page.getByRole("radio", { name: "team" }).isChecked()).toBe(true);
    expect(await cellShows(E1, HYPS[0])).toBe("C (1)");
    await page.getByRole("radio", { name: "my ratings" }).check();
    expect(await cellValue(E1, HYPS[0])).toBe("·");
    expect(await footer("inconsistency-row")).toEqual(["0.00", "0.00", "0.00"]);
  });

  it("rates cells by click and keys; the weighted inconsistency follows the grade; Ctrl+Z undoes", async () => {
    // Click a cell, press "i": Inconsistent. Heuer's weighted score for that column = w(B2) × 1.
    await cell(E1, HYPS[0]).click();
    await press("i");
    await expect.poll(() => cellValue(E1, HYPS[0])).toBe("I");
    expect(await page.getByRole("gridcell", { name: `${E1} × ${HYPS[0]}: I — inconsistent`, exact: true }).count()).toBe(1);
    await expect.poll(() => footer("inconsistency-row")).toEqual([W1.toFixed(2), "0.00", "0.00"]);
    expect(await page.getByRole("row", { name: /inconsistent items/ }).getByRole("cell").allInnerTexts()).toEqual(["1", "0", "0"]);

    // Arrow right, Shift+C: very consistent, which adds nothing to inconsistency.
    await cell(E1, HYPS[0]).focus();
    await page.keyboard.press("ArrowRight");
    expect(await cell(E1, HYPS[1]).evaluate((td) => td === document.activeElement)).toBe(true);
    expect(await page.getByRole("gridcell", { name: `${E1} × ${HYPS[1]}: not rated`, exact: true }).count()).toBe(1);
    await press("Shift+C");
    await expect.poll(() => cellValue(E1, HYPS[1])).toBe("CC");
    expect(await footer("inconsistency-row")).toEqual([W1.toFixed(2), "0.00", "0.00"]);

    // E2 against the first aim, Shift+I: very inconsistent counts twice its weight.
    await cell(E2, HYPS[0]).focus();
    await press("Shift+I");
    await expect.poll(() => cellValue(E2, HYPS[0])).toBe("II");
    await expect.poll(() => footer("inconsistency-row")).toEqual([(W1 + 2 * W2).toFixed(2), "0.00", "0.00"]); // 1.36
    // The most inconsistent hypothesis ranks last.
    const ranks = (await page.getByRole("row", { name: /rank/ }).getByRole("cell").allInnerTexts()).map(Number);
    expect(ranks[0]).toBeGreaterThan(Math.max(ranks[1]!, ranks[2]!));
    await expectAccessible(page, "matrix");
    await screenshot(page, "matrix");

    // Ctrl+Z: the last rating is undone and the score falls back.
    await cell(E2, HYPS[0]).focus();
    await press("Control+z");
    await expect.poll(() => footer("inconsistency-row")).toEqual([W1.toFixed(2), "0.00", "0.00"]);
    expect(await cellValue(E2, HYPS[0])).not.toBe("II");
    // The other ratings stay.
    expect(await cellValue(E1, HYPS[0])).toBe("I");
    expect(await cellValue(E1, HYPS[1])).toBe("CC");
  });

  it("the team view shows both analysts' ratings of a cell", async () => {
    await page.getByRole("radio", { name: "team" }).check();
    await expect.poll(() => cellShows(E1, HYPS[0])).toMatch(/^\S+ \(2\b/); // I and C: rated by two
    expect(await cellShows(E1, HYPS[1])).toBe("CC (1)");
    expect(await page.getByRole("row", { name: /team stated/ }).count()).toBe(1);
    // Ratings are read-only in the team view: keys do nothing.
    await cell(E2, HYPS[2]).focus();
    await page.keyboard.press("c");
    await page.waitForTimeout(300); // a write would have started by now
    expect(await cell(E2, HYPS[2]).locator(".cell-value").innerText()).toBe("·");
    await expectAccessible(page, "matrix (team view)");
  });
});
