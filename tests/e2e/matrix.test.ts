// Flow 4: the ACH matrix. An analyst who can rate opens it on their own ratings; rates cells
// by click and keyboard, watching the weighted inconsistency follow the evidence's grade
// (worked by hand below); clears a cell with Delete; undoes with Ctrl+Z (undoing a first
// rating clears the cell, it never records NA); rows keep their place while rating until
// "Re-sort"; filters to rated items; reads the legend; compares with the team's ratings.
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { apiJson, browserSession, expectAccessible, expectWrite, screenshot, signUpViaApi, signUpViaUi } from "../support/e2e-browser";

const session = browserSession();
const E1 = "Claim of responsibility names a local cell"; // graded B2
const E2 = "Detonator traced to a stolen army stock"; // graded C3
const HYPS = ["Intimidate the embassy", "Retaliate for deportations", "Provoke a crackdown"] as const;

// Admiralty weights (lib/math/evidence-weight.ts): reliability B 0.8, C 0.6; credibility 2 0.8, 3 0.6.
const W1 = 0.8 * 0.8; // B2 = 0.64
const W2 = 0.6 * 0.6; // C3 = 0.36

let page: Page;
let scenarioId: string;
let e1: { id: string };
let e2: { id: string };
let q2: any;

beforeAll(async () => {
  page = await session.page();
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
  it("opens on my ratings (I can rate), shows the chosen question's evidence × hypotheses and a legend", async () => {
    await signUpViaUi(page, "Mira Matrix");
    scenarioId = (await apiJson(page, "POST", "/api/v1/scenarios", { title: "Embassy bombing (ACH)" })).id;
    // the team's ratings show before Mira estimates (independent judgments would hide them)
    await apiJson(page, "PATCH", `/api/v1/scenarios/${scenarioId}`, { version: 1, independentElicitation: false });
    await apiJson(page, "POST", `/api/v1/scenarios/${scenarioId}/questions`, { title: "Who carried it out?", hypotheses: [{ title: "A local cell" }, { title: "A foreign network" }] });
    q2 = await apiJson(page, "POST", `/api/v1/scenarios/${scenarioId}/questions`, { title: "What was the aim?", hypotheses: HYPS.map((title) => ({ title })) });
    e1 = await apiJson(page, "POST", `/api/v1/scenarios/${scenarioId}/evidence`, { summary: E1, reliability: "B", credibility: 2 });
    e2 = await apiJson(page, "POST", `/api/v1/scenarios/${scenarioId}/evidence`, { summary: E2, reliability: "C", credibility: 3 });
    // A colleague has already rated E1 against the first aim.
    const colleague = await signUpViaApi(session.baseUrl, "Carl Colleague");
    const link = await apiJson(page, "POST", `/api/v1/scenarios/${scenarioId}/invites`, { role: "editor" });
    const joined = await fetch(`${session.baseUrl}/api/v1/invites/${link.url.split("/invite/")[1]}/accept`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: colleague.cookie, origin: session.baseUrl },
      body: "{}",
    });
    expect(joined.status).toBe(200);
    const res = await fetch(`${session.baseUrl}/api/v1/evidence/${e1.id}/ratings`, {
      method: "PUT",
      headers: { "content-type": "application/json", cookie: colleague.cookie, origin: session.baseUrl },
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

    // I can rate, so my own (empty) ratings show first, with a hint; the team's are one click away.
    expect(await page.getByRole("radio", { name: "my ratings" }).isChecked()).toBe(true);
    expect(await page.getByRole("note").filter({ hasText: "You have not rated this question yet" }).count()).toBe(1);
    expect(await cellValue(E1, HYPS[0])).toBe("·");
    expect(await footer("inconsistency-row")).toEqual(["0.00", "0.00", "0.00"]);
    await page.getByRole("radio", { name: "team" }).check();
    expect(await cellShows(E1, HYPS[0])).toBe("C (1)");
    await page.getByRole("radio", { name: "my ratings" }).check();
    // The legend says on screen what w, bits and the spread labels mean.
    const legend = await page.getByTestId("matrix-legend").innerText();
    for (const words of ["w", "weight from the grade", "bits", "diagnosticity", "consensus", "mild", "large", "extreme", "not applicable"]) expect(legend).toContain(words);
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

    // Ctrl+Z undoes the last rating. E2 × first aim had no rating before: undo clears it
    // (unrated again, not NA), and the score falls back.
    await cell(E2, HYPS[0]).focus();
    await press("Control+z");
    await expect.poll(() => footer("inconsistency-row")).toEqual([W1.toFixed(2), "0.00", "0.00"]);
    expect(await cellValue(E2, HYPS[0])).toBe("·");
    const mine = (await apiJson(page, "GET", `/api/v1/evidence/${e2.id}/ratings`)).items;
    expect(mine).toEqual([]);
    // The other ratings stay.
    expect(await cellValue(E1, HYPS[0])).toBe("I");
    expect(await cellValue(E1, HYPS[1])).toBe("CC");

    // Delete clears the focused cell; Ctrl+Z brings the rating back.
    await cell(E1, HYPS[1]).focus();
    await press("Delete");
    await expect.poll(() => cellValue(E1, HYPS[1])).toBe("·");
    expect(await page.getByRole("gridcell", { name: `${E1} × ${HYPS[1]}: not rated`, exact: true }).count()).toBe(1);
    await press("Control+z");
    await expect.poll(() => cellValue(E1, HYPS[1])).toBe("CC");
  });

  it("rows keep their place while I rate; Re-sort applies the sort again; a filter shows only rated items", async () => {
    // The order was fixed when the matrix opened (both items at 0 bits: newest first) and
    // rating E1 did not move it; Re-sort puts E1 (I and CC: 1.92 bits) above E2 (0 bits).
    const order = () => page.getByTestId("matrix-row").locator("th .summary").allInnerTexts();
    expect(await order()).toEqual([E2, E1]);
    await page.getByRole("button", { name: "Re-sort" }).click();
    await expect.poll(order).toEqual([E1, E2]);
    // Clear E1's CC (E1: 0.64 × log2(1/½) = 0.64 bits, an unrated cell in a rated row counting 1)
    // and rate E2 II and CC (0.36 × log2(4/¼) = 1.44 bits): now E2 tells the aims apart
    // better, yet the rows stay where they are while I work.
    await cell(E1, HYPS[1]).focus();
    await press("Delete");
    await cell(E2, HYPS[0]).focus();
    await press("Shift+I");
    await page.keyboard.press("ArrowRight");
    await press("Shift+C");
    await expect.poll(() => cellValue(E2, HYPS[1])).toBe("CC");
    expect(await order()).toEqual([E1, E2]);
    await page.getByRole("button", { name: "Re-sort" }).click();
    await expect.poll(order).toEqual([E2, E1]);
    expect(await page.getByRole("button", { name: "Re-sort" }).count()).toBe(0);

    // A third item nobody rated: "only rated items" hides it.
    await apiJson(page, "POST", `/api/v1/scenarios/${scenarioId}/evidence`, { summary: "Unrated rumour", reliability: "E", credibility: 5 });
    await page.reload();
    await page.getByTestId("matrix-row").filter({ hasText: "Unrated rumour" }).waitFor();
    await page.getByRole("checkbox", { name: "only rated items" }).check();
    await expect.poll(() => page.getByTestId("matrix-row").count()).toBe(2);
    expect(await page.getByTestId("matrix-row").filter({ hasText: "Unrated rumour" }).count()).toBe(0);
    await page.getByRole("checkbox", { name: "only rated items" }).uncheck();
    expect(q2.hypotheses).toHaveLength(3);
  });

  it("the team view shows both analysts' ratings of a cell", async () => {
    await page.getByRole("radio", { name: "team" }).check();
    await expect.poll(() => cellShows(E1, HYPS[0])).toMatch(/^\S+ \(2\b/); // I and C: rated by two
    expect(await cellShows(E2, HYPS[1])).toBe("CC (1)");
    expect(await page.getByRole("row", { name: /team stated/ }).count()).toBe(1);
    // Ratings are read-only in the team view: keys send nothing.
    const writes: string[] = [];
    page.on("request", (r) => r.method() === "PUT" && writes.push(r.url()));
    await cell(E2, HYPS[2]).focus();
    await page.keyboard.press("c");
    await page.keyboard.press("Delete");
    // a round trip to the server, so a write sent by the key press would have been seen
    await apiJson(page, "GET", `/api/v1/evidence/${e2.id}/ratings`);
    expect(writes).toEqual([]);
    expect(await cell(E2, HYPS[2]).locator(".cell-value").innerText()).toBe("·");
    await expectAccessible(page, "matrix (team view)");
  });

  it("a matrix of 600 items comes a page at a time, holds only the rows in view, and finds and reaches every row", async () => {
    // the scenario above, exported, with 600 more items and ratings of every tenth, imported as a copy
    const doc = await apiJson(page, "GET", `/api/v1/scenarios/${scenarioId}/export`);
    const base = doc.evidence[0];
    const t0 = Date.parse(base.createdAt);
    const bulk = Array.from({ length: 600 }, (_, i) => {
      const at = new Date(t0 + (i + 1) * 1000).toISOString();
      const grading = { ...base, summary: `Bulk item ${i}`, createdAt: at, updatedAt: at };
      return { ...grading, id: `bulk-${i}`, version: 1, versions: [{ ...base.versions[0], summary: `Bulk item ${i}`, version: 1, createdAt: at }] };
    });
    const rater = doc.ratings[0];
    const ratings = bulk
      .filter((_, i) => i % 10 === 0)
      .map((e, i) => ({ ...rater, id: `bulk-rating-${i}`, evidenceId: e.id, hypothesisId: q2.hypotheses[1].id, consistency: "II", createdAt: e.createdAt }));
    doc.evidence.push(...bulk);
    doc.ratings.push(...ratings);
    const copy = await apiJson(page, "POST", "/api/v1/scenarios/import", doc);

    const aim = (await apiJson(page, "GET", `/api/v1/scenarios/${copy.id}`)).questions.find((q: any) => q.title === "What was the aim?");
    await page.goto(`${session.baseUrl}/scenarios/${copy.id}/matrix?q=${aim.id}`);
    const count = page.getByTestId("matrix-count");
    await expect.poll(() => count.innerText(), { timeout: 30_000 }).toBe(`${doc.evidence.length} evidence items.`);
    // only the rows in view and a margin are in the page
    const inPage = await page.getByTestId("matrix-row").count();
    expect(inPage).toBeGreaterThan(5);
    expect(inPage).toBeLessThan(80);
    await screenshot(page, "matrix-600-items");

    // the filter sees rows of every page, not just the first
    await page.getByLabel("Filter evidence").fill("Bulk item 3");
    await expect.poll(() => count.innerText()).toMatch(/, 111 shown\.$/); // 3, 30–39, 300–399
    await page.getByLabel("Filter evidence").fill("");

    // the keyboard walks past the rows first drawn: the focused cell scrolls into view
    await page.locator('[data-cell="0-0"]').focus();
    for (let i = 0; i < 60; i++) await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-cell"))).toBe("60-0");
    const box = await page.locator('[data-cell="60-0"]').boundingBox();
    expect(box && box.y > 0 && box.y < (page.viewportSize()?.height ?? 0)).toBe(true);

    // rating a cell re-reads that row alone (one request, not every page of 600 rows)
    const reads: string[] = [];
    const onRequest = (r: { url(): string; method(): string }) => r.method() === "GET" && r.url().includes("/matrix?") && reads.push(r.url());
    page.on("request", onRequest);
    await press("c");
    await expect.poll(() => page.locator('[data-cell="60-0"] .cell-value').innerText()).toBe("C");
    page.off("request", onRequest);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toContain("evidenceId=");

    // and the last row is there at the bottom, above the scores
    await page.locator(".table-wrap:has(table.matrix)").evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => page.locator(`[data-index="${doc.evidence.length - 1}"]`).count()).toBe(1);
    await expect.poll(() => page.getByTestId("inconsistency-row").isVisible()).toBe(true);
    // the cell the keyboard is on, far out of view now, still holds the focus: Ctrl+Z undoes
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-cell"))).toBe("60-0");
    await Promise.all([
      page.waitForResponse((r) => r.url().includes("evidenceId=") && r.ok()),
      expectWrite(page, "/ratings", () => page.keyboard.press("Control+z"), "PUT"),
    ]);
    await expect.poll(() => page.locator('[data-cell="60-0"] .cell-value').innerText()).toBe("·");
  });
});
