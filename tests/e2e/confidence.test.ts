// Flow 5: update confidence on the demo's Q1. Sliders and number inputs always total
// 100 %, Save waits for a rationale, evidence can be linked; afterwards the overview shows
// "you NN %" beside each hypothesis and the team percentage moves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { RunningServer } from "../support/server";
import { apiJson, expectAccessible, expectWrite, freshInstance, launchBrowser, newPage, openDemo, pctText, screenshot, signUpViaUi } from "../support/e2e-browser";

let server: RunningServer;
let browser: Browser;
let page: Page;
let demoId: string;
let q1: any;
let q2: any;

beforeAll(async () => {
  [server, browser] = await Promise.all([freshInstance(), launchBrowser()]);
  page = await newPage(browser, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const block = (q: { title: string }) => page.locator(`[data-testid=question][aria-label="${q.title}"]`).first();
const panel = () => page.getByRole("dialog", { name: "Update confidence" });
const percent = (title: string) => panel().getByRole("spinbutton", { name: `${title}, percent` });
const total = () => panel().getByTestId("uc-total").innerText();
const ownRow = (q: any, h: any) => block(q).locator(":scope > div > [data-testid=hypothesis-row]").filter({ hasText: h.title });

async function openPanel(q: any): Promise<void> {
  await block(q).locator(":scope > .spread").getByRole("button", { name: "Update confidence" }).click();
  await panel().waitFor();
  expect(await panel().innerText()).toContain(q.title);
}

describe("flow 5: update confidence", () => {
  it("opens the panel on Q1 with the team's figures; moving one slider rebalances the other", async () => {
    await signUpViaUi(page, "Conrad Confidence");
    demoId = await openDemo(page);
    const before = await apiJson(page, "GET", `/api/v1/scenarios/${demoId}`);
    [q1, q2] = before.questions;
    const [yes, no] = q1.hypotheses;
    expect(yes.myProbability).toBeNull();

    await openPanel(q1);
    // A first estimate starts from the team's figures, rounded to whole percents that total 100.
    const a = Number(await percent(yes.title).inputValue());
    const b = Number(await percent(no.title).inputValue());
    expect(a + b).toBe(100);
    expect(Math.abs(a - yes.probability * 100)).toBeLessThanOrEqual(1);
    expect(await total()).toBe("Total 100 %");

    const slider = panel().getByRole("slider", { name: yes.title });
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    expect(await slider.inputValue()).toBe(String(a + 5));
    expect(await percent(yes.title).inputValue()).toBe(String(a + 5));
    expect(await percent(no.title).inputValue()).toBe(String(b - 5));
    expect(await panel().getByRole("slider", { name: no.title }).inputValue()).toBe(String(b - 5));
    expect(await total()).toBe("Total 100 %");

    // Typing a number rebalances too; each figure reads with its words.
    await percent(yes.title).fill("30");
    expect(await percent(no.title).inputValue()).toBe("70");
    expect(await total()).toBe("Total 100 %");
    expect(await panel().innerText()).toMatch(/unlikely[\s\S]*likely/);
    await screenshot(page, "update-confidence");
    await expectAccessible(page, "update-confidence panel");
  });

  it("Save waits for a rationale; linked evidence and the estimate are saved; the overview shows them", async () => {
    const [yes, no] = q1.hypotheses;
    const save = panel().getByRole("button", { name: "Save estimate" });
    expect(await save.isDisabled()).toBe(true);
    await panel().getByLabel("Rationale (required)").fill("   ");
    expect(await save.isDisabled()).toBe(true);
    await panel().getByLabel("Rationale (required)").fill("Amaq's claim lists Taliban members among the targets; an inside job is less likely.");
    expect(await save.isDisabled()).toBe(false);

    await panel().getByRole("searchbox", { name: "Search evidence" }).fill("Amaq");
    const linkable = panel().locator("label", { hasText: "Amaq" }).getByRole("checkbox");
    expect(await linkable.count()).toBeGreaterThanOrEqual(1);
    await linkable.first().check();

    const created = await expectWrite(page, `/api/v1/questions/${q1.id}/estimates`, () => save.click());
    expect(created.probabilities).toEqual({ [yes.id]: 0.3, [no.id]: 0.7 });
    expect(created.evidenceIds).toHaveLength(1);
    await panel().waitFor({ state: "detached" });

    const after = await apiJson(page, "GET", `/api/v1/scenarios/${demoId}`);
    const [yesAfter, noAfter] = after.questions[0].hypotheses;
    await expect.poll(() => ownRow(q1, yes).getByTestId("my-probability").innerText()).toBe("you 30 %");
    expect(await ownRow(q1, no).getByTestId("my-probability").innerText()).toBe("you 70 %");
    // The team aggregate now includes this analyst: it moved, and the overview shows the new figure.
    expect(pctText(yesAfter.probability)).not.toBe(pctText(yes.probability));
    expect(await ownRow(q1, yes).getByTestId("team-probability").innerText()).toBe(pctText(yesAfter.probability));
    expect(await ownRow(q1, no).getByTestId("team-probability").innerText()).toBe(pctText(noAfter.probability));
    expect(await block(q1).innerText()).toMatch(/3 analysts[\s\S]*your last estimate/);
    await expect.poll(() => page.getByRole("complementary").innerText()).toContain("Conrad Confidence updated confidence: “Amaq's claim");
  });

  it("re-opening shows the change since my last estimate; a locked hypothesis stays put", async () => {
    const [yes] = q1.hypotheses;
    await openPanel(q1);
    expect(await percent(yes.title).inputValue()).toBe("30"); // starts from my own estimate now
    expect(await panel().innerText()).toContain("±0 since yours");
    await panel().getByRole("slider", { name: yes.title }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await panel().innerText()).toContain("▲2 since yours");
    expect(await panel().innerText()).toContain("▼2 since yours");
    await page.keyboard.press("Escape");
    await panel().waitFor({ state: "detached" });

    // Q2 has three hypotheses: lock the third, move the first, only the second gives way.
    const [h1, h2, h3] = q2.hypotheses;
    await openPanel(q2);
    const [p1, p2, p3] = await Promise.all([h1, h2, h3].map(async (h: any) => Number(await percent(h.title).inputValue())));
    expect(p1! + p2! + p3!).toBe(100);
    await panel().getByRole("checkbox", { name: `Lock ${h3.title}` }).check();
    const target = Math.min(p1! + 10, p1! + p2!);
    await percent(h1.title).fill(String(target));
    expect(Number(await percent(h3.title).inputValue())).toBe(p3);
    expect(Number(await percent(h2.title).inputValue())).toBe(100 - target - p3!);
    expect(await total()).toBe("Total 100 %");
    await panel().getByRole("button", { name: "Cancel" }).click();
    await panel().waitFor({ state: "detached" });
    // Cancel saved nothing.
    const now = await apiJson(page, "GET", `/api/v1/scenarios/${demoId}`);
    expect(now.questions[1].hypotheses.map((h: any) => h.myProbability)).toEqual([null, null, null]);
  });
});
