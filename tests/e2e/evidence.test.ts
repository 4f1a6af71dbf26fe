// Flow 3: add a source with its full text, select a passage in the reader and log it as
// graded evidence; the passage is highlighted and the log lists it with its grade and exact
// excerpt; "Occurred" starts empty (it is not the source's publication date); filter by
// text and tag; edit (two versions side by side); retract with a reason.
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { apiJson, browserSession, expectAccessible, expectWrite, screenshot, signUpViaUi } from "../support/e2e-browser";

const session = browserSession();
const SOURCE_TITLE = "Guards left the visa queue unprotected";
const TEXT =
  "The embassy guard was killed at the gate shortly before the consular section opened.\n\n" +
  "Officials said the queue of visa applicants outside was unprotected, with no Taliban checkpoint on the street. " +
  "A spokesman later claimed the attacker acted alone and had no help from inside.";
const EXCERPT = "the queue of visa applicants outside was unprotected, with no Taliban checkpoint on the street";
const SUMMARY = "Visa queue had no Taliban checkpoint";
const OBSERVATION = "Taliban spokesman blamed foreign agencies within hours";
const REASON = "Officials corrected this: a checkpoint was in place";

let page: Page;
let scenarioId: string;

beforeAll(async () => {
  page = await session.page();
});

const rows = () => page.getByTestId("evidence-row");
const row = (summary: string) => rows().filter({ has: page.getByRole("button", { name: summary }) });

/** Select `text` inside the reader as a user dragging over it would, then release the mouse. */
async function selectPassage(text: string): Promise<void> {
  const ok = await page.evaluate((wanted) => {
    const box = document.querySelector("[data-testid=source-text]")!;
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      box.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      return true;
    }
    return false;
  }, text);
  expect(ok, "passage found in the reader").toBe(true);
}

describe("flow 3: sources and evidence", () => {
  it("adds a source with its full text and opens it in the reader", async () => {
    await signUpViaUi(page, "Eva Evidence");
    scenarioId = (await apiJson(page, "POST", "/api/v1/scenarios", { title: "Embassy attack (evidence)" })).id;
    await page.goto(`/scenarios/${scenarioId}/sources`);
    await page.getByText("No sources yet.", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Add source" }).click();
    const form = page.getByRole("form", { name: "New source" });
    await form.getByLabel("Title").fill(SOURCE_TITLE);
    await form.getByLabel("Publisher").fill("Wire service");
    await form.getByLabel("Author").fill("A. Reporter");
    await form.getByLabel("Published").fill("2022-09-06");
    await form.getByLabel("URL").fill("https://example.test/report");
    await form.getByLabel("Full text").fill(TEXT);
    await expectWrite(page, `/api/v1/scenarios/${scenarioId}/sources`, () => form.getByRole("button", { name: "Add source" }).click());
    await page.waitForURL(/\/sources\/[^/?]+$/);

    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe(SOURCE_TITLE);
    expect(await page.getByText("A. Reporter · Wire service · 6 Sep 2022").isVisible()).toBe(true);
    expect(await page.getByTestId("source-text").innerText()).toBe(TEXT);
    expect(await page.getByText("Nothing logged from this source yet.").isVisible()).toBe(true);
  });

  it("logs a selected passage as evidence: graded, highlighted, listed with its exact excerpt", async () => {
    await selectPassage(EXCERPT);
    await page.getByRole("button", { name: "Log as evidence" }).click();
    const dialog = page.getByRole("dialog", { name: "Log as evidence" });
    expect(await dialog.getByLabel("Excerpt (verbatim from the source)").inputValue()).toBe(EXCERPT);
    // when it happened is the analyst's to say: not copied from the source's publication date
    expect(await dialog.getByLabel("Occurred").inputValue()).toBe("");
    await dialog.getByLabel("Summary").fill(SUMMARY);
    // Each grade reads with its name.
    expect(await dialog.getByLabel("Source reliability").locator("option").allInnerTexts()).toContain("B — usually reliable");
    expect(await dialog.getByLabel("Information credibility").locator("option").allInnerTexts()).toContain("2 — probably true");
    await dialog.getByLabel("Source reliability").selectOption("B");
    await dialog.getByLabel("Information credibility").selectOption("2");
    await dialog.getByLabel("Tags").fill("security, queue");
    const created = await expectWrite(page, `/api/v1/scenarios/${scenarioId}/evidence`, () => dialog.getByRole("button", { name: "Log evidence" }).click());
    expect(created).toMatchObject({ excerpt: EXCERPT, reliability: "B", credibility: 2, tags: ["security", "queue"], occurredAt: null });

    await page.getByText("Logged as evidence.").waitFor();
    const mark = page.getByTestId("source-text").locator("mark");
    await mark.waitFor();
    expect(await mark.innerText()).toBe(EXCERPT);
    expect(await mark.getByRole("link").getAttribute("href")).toContain(`open=${created.id}`);
    expect(await page.getByRole("complementary").innerText()).toContain(`B2 ${SUMMARY}`);
    await expectAccessible(page, "source reader");
    await screenshot(page, "source-reader");

    await page.getByRole("link", { name: "Open the evidence log" }).click();
    await page.waitForURL(/\/evidence$/);
    const r = row(SUMMARY);
    await r.waitFor();
    const cells = r.getByRole("cell");
    expect(await r.locator(".excerpt").innerText()).toBe(EXCERPT);
    expect(await cells.nth(1).innerText()).toBe(SOURCE_TITLE);
    expect(await cells.nth(2).innerText()).toBe("—");
    expect(await cells.nth(3).innerText()).toBe("B2");
    expect(await cells.nth(4).locator(".tag").allInnerTexts()).toEqual(["security", "queue"]);
    expect(await cells.nth(5).innerText()).toContain("Eva Evidence");
  });

  it("filters the log by text and by tag", async () => {
    await page.getByRole("button", { name: "Log an observation" }).click();
    await page.getByLabel("Summary").fill(OBSERVATION);
    await page.getByLabel("Source reliability").selectOption("C");
    await page.getByLabel("Information credibility").selectOption("3");
    await page.getByLabel("Tags").fill("motive");
    await expectWrite(page, `/api/v1/scenarios/${scenarioId}/evidence`, () => page.getByRole("button", { name: "Log evidence" }).click());
    await expect.poll(() => rows().count()).toBe(2);
    expect(await row(OBSERVATION).getByRole("cell").nth(1).innerText()).toBe("observation");
    expect(await row(OBSERVATION).getByRole("cell").nth(3).innerText()).toBe("C3");

    const search = page.getByRole("searchbox", { name: "Search" });
    await search.fill("checkpoint");
    await expect.poll(() => rows().allInnerTexts()).toEqual([expect.stringContaining(SUMMARY)]);
    await search.fill("foreign agencies");
    await expect.poll(() => rows().allInnerTexts()).toEqual([expect.stringContaining(OBSERVATION)]);
    await search.fill("no such words anywhere");
    await page.getByText("No evidence matches these filters.").waitFor();
    await search.fill("");
    await expect.poll(() => rows().count()).toBe(2);

    const tag = page.getByLabel("Tag", { exact: true });
    expect(await tag.locator("option").allInnerTexts()).toEqual(["any", "motive", "queue", "security"]);
    await tag.selectOption("motive");
    await expect.poll(() => rows().allInnerTexts()).toEqual([expect.stringContaining(OBSERVATION)]);
    await tag.selectOption("security");
    await expect.poll(() => rows().allInnerTexts()).toEqual([expect.stringContaining(SUMMARY)]);
    await tag.selectOption("");
    await expect.poll(() => rows().count()).toBe(2);
    await expectAccessible(page, "evidence log");
    await screenshot(page, "evidence");
  });

  it("edits an item (its versions side by side) and retracts it with a reason", async () => {
    await row(SUMMARY).getByRole("button", { name: SUMMARY }).click();
    const dialog = page.getByRole("dialog", { name: SUMMARY });
    await dialog.getByRole("heading", { name: "Versions (1)" }).waitFor();
    await dialog.getByRole("button", { name: "Edit" }).click();
    expect(await dialog.getByLabel("Excerpt (verbatim from the source)").getAttribute("readonly")).not.toBeNull();
    await dialog.getByLabel("Summary").fill(`${SUMMARY} (per officials)`);
    await dialog.getByLabel("Information credibility").selectOption("3");
    await expectWrite(page, "/api/v1/evidence/", () => dialog.getByRole("button", { name: "Save new version" }).click(), "PATCH");

    const edited = page.getByRole("dialog", { name: `${SUMMARY} (per officials)` });
    await edited.getByRole("heading", { name: "Versions (2)" }).waitFor();
    const versions = edited.getByTestId("evidence-version");
    expect(await versions.count()).toBe(2);
    const [v1, v2] = await versions.allInnerTexts();
    expect(v1).toMatch(/^v1 ·/);
    expect(v1).toContain(SUMMARY);
    expect(v1).toContain("B2");
    expect(v2).toMatch(/^v2 ·/);
    expect(v2).toContain(`${SUMMARY} (per officials)`);
    expect(v2).toContain("B3");
    for (const v of [v1, v2]) expect(v).toContain(EXCERPT);
    await expectAccessible(page, "evidence detail dialog");
    await screenshot(page, "evidence-detail");

    await edited.getByRole("button", { name: "Retract…" }).click();
    const retract = edited.getByRole("button", { name: "Retract evidence" });
    expect(await retract.isDisabled()).toBe(true);
    await edited.getByLabel("Why is this evidence retracted?").fill(REASON);
    await expectWrite(page, "/retract", () => retract.click());
    await edited.getByText(`: ${REASON}`).waitFor();
    await edited.getByRole("button", { name: "Close" }).click();

    // Hidden by default …
    await expect.poll(() => rows().allInnerTexts()).toEqual([expect.stringContaining(OBSERVATION)]);
    // … shown greyed, with its reason, on request.
    await page.getByRole("checkbox", { name: "Show retracted" }).check();
    await expect.poll(() => rows().count()).toBe(2);
    const retracted = row(`${SUMMARY} (per officials)`);
    expect(await retracted.getAttribute("class")).toContain("retracted");
    expect(await retracted.innerText()).toContain(`Retracted: ${REASON}`);
    const colorOf = (summary: string) => row(summary).getByRole("cell").nth(3).evaluate((td) => getComputedStyle(td).color);
    expect(await colorOf(`${SUMMARY} (per officials)`)).not.toBe(await colorOf(OBSERVATION)); // greyed

    // The reader no longer highlights a retracted passage.
    await retracted.getByRole("link", { name: SOURCE_TITLE }).click();
    await page.waitForURL(/\/sources\/[^/?]+$/);
    await page.getByTestId("source-text").waitFor();
    expect(await page.getByTestId("source-text").locator("mark").count()).toBe(0);

    // The sources list: the document with its metadata and the length of its text.
    await page.getByRole("navigation", { name: "Scenario" }).getByRole("link", { name: "Sources" }).click();
    await page.waitForURL(/\/sources$/);
    const src = page.getByRole("table", { name: "Sources" }).getByRole("row", { name: new RegExp(SOURCE_TITLE) });
    await src.waitFor();
    expect(await src.innerText()).toMatch(new RegExp(`example\\.test[\\s\\S]*Wire service[\\s\\S]*A\\. Reporter[\\s\\S]*6 Sep 2022[\\s\\S]*${TEXT.length} characters`));
    await expectAccessible(page, "sources list");
    await screenshot(page, "sources");
  });

  it("a long log loads 100 items, then the rest as the reader scrolls to its end", async () => {
    const long = (await apiJson(page, "POST", "/api/v1/scenarios", { title: "A long evidence log" })).id;
    for (let i = 0; i < 130; i++) await apiJson(page, "POST", `/api/v1/scenarios/${long}/evidence`, { summary: `Report ${i + 1}`, reliability: "C", credibility: 3 });
    await page.goto(`/scenarios/${long}/evidence`);
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(100);
    expect(await rows().first().innerText()).toMatch(/Report 130(?!\d)/);
    await rows().last().scrollIntoViewIfNeeded();
    await expect.poll(() => rows().count(), { timeout: 30_000 }).toBe(130);
    await page.getByText("130 items").waitFor();
    expect(await rows().last().innerText()).toMatch(/Report 1(?!\d)/);
  }, 120_000);
});
