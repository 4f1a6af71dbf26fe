// Flow 5: update confidence on the demo's questions. A first estimate starts from an even
// split, not the team's figures; typing a number changes only that number and what is
// typed is what is saved; the drawer shows a live total and keeps Save disabled, saying
// why, until the total is 100 % (Normalise rescales on request); dragging a slider moves
// the unlocked others, as the drawer says. Afterwards the overview shows "you NN %".
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { apiJson, browserSession, expectAccessible, expectWrite, openDemo, pctText, screenshot, signUpViaUi } from "../support/e2e-browser";

const session = browserSession();
let page: Page;
let demoId: string;
let q1: any;
let q2: any;
let q4: any;

beforeAll(async () => {
  page = await session.page();
});

const block = (q: { title: string }) => page.locator(`[data-testid=question][aria-label="${q.title}"]`).first();
const panel = () => page.getByRole("dialog", { name: "Update confidence" });
const percent = (title: string) => panel().getByRole("spinbutton", { name: `${title}, percent` });
const total = () => panel().getByTestId("uc-total").innerText();
const save = () => panel().getByRole("button", { name: "Save estimate" });
const ownRow = (q: any, h: any) => block(q).locator(":scope > div > [data-testid=hypothesis-row]").filter({ hasText: h.title });

async function openPanel(q: any): Promise<void> {
  await block(q).locator(":scope > .spread").getByRole("button", { name: "Update confidence" }).click();
  await panel().waitFor();
  expect(await panel().innerText()).toContain(q.title);
}

describe("flow 5: update confidence", () => {
  it("a first estimate starts from an even split, not the team's figures", async () => {
    await signUpViaUi(page, "Conrad Confidence");
    demoId = await openDemo(page);
    const before = await apiJson(page, "GET", `/api/v1/scenarios/${demoId}`);
    [q1, q2, , q4] = before.questions;
    const [yes, no] = q1.hypotheses;
    expect(yes.myProbability).toBeNull();
    expect(yes.probability).not.toBe(0.5); // the team does not stand at 50/50: the split is not theirs

    await openPanel(q1);
    expect(await percent(yes.title).inputValue()).toBe("50");
    expect(await percent(no.title).inputValue()).toBe("50");
    expect(await total()).toBe("Total 100 %");
    expect(await panel().getByTestId("uc-how").innerText()).toMatch(/even split[\s\S]*Typing a number changes only that one[\s\S]*Dragging a slider moves the unlocked others/);
    await page.keyboard.press("Escape");
    await panel().waitFor({ state: "detached" });
  });

  it("typing 10 / 60 / 10 / 10 keeps exactly those numbers; Save waits, saying why, until they total 100 %", async () => {
    expect(q4.hypotheses.filter((h: any) => h.status === "open")).toHaveLength(3);
    // A question with four hypotheses: add one to Q4 first (its three aims and a fourth).
    await block(q4).getByRole("button", { name: "+ add hypothesis" }).click();
    await expectWrite(page, `/api/v1/questions/${q4.id}/hypotheses`, async () => {
      await page.getByLabel(`New hypothesis for ${q4.title}`).fill("Revenge for a specific operation");
      await page.getByRole("button", { name: "Add", exact: true }).click();
    });
    q4 = (await apiJson(page, "GET", `/api/v1/scenarios/${demoId}`)).questions[3];
    const hs = q4.hypotheses as any[];
    expect(hs).toHaveLength(4);

    await openPanel(q4);
    expect(await Promise.all(hs.map((h) => percent(h.title).inputValue()))).toEqual(["25", "25", "25", "25"]);
    await panel().getByLabel("Rationale (required)").fill("Their statement names Russia first; the other aims follow from it.");
    const typed = ["10", "60", "10", "10"];
    for (const [i, h] of hs.entries()) await percent(h.title).fill(typed[i]!);
    // every field shows exactly what was typed — nothing rebalanced behind my back
    expect(await Promise.all(hs.map((h) => percent(h.title).inputValue()))).toEqual(typed);
    expect(await total()).toBe("Total 90 %");
    expect(await save().isDisabled()).toBe(true);
    expect(await panel().getByTestId("uc-total-message").innerText()).toMatch(/add up to 90 %.*must total 100 %/);
    await screenshot(page, "update-confidence-total");

    await percent(hs[2].title).fill("20");
    expect(await Promise.all(hs.map((h) => percent(h.title).inputValue()))).toEqual(["10", "60", "20", "10"]);
    expect(await total()).toBe("Total 100 %");
    expect(await panel().getByTestId("uc-total-message").count()).toBe(0);
    expect(await save().isDisabled()).toBe(false);
    const created = await expectWrite(page, `/api/v1/questions/${q4.id}/estimates`, () => save().click());
    // stored as typed: 10 / 60 / 20 / 10, not 12.8 / 58.27 / 20 / 8.93
    expect(created.probabilities).toEqual({ [hs[0].id]: 0.1, [hs[1].id]: 0.6, [hs[2].id]: 0.2, [hs[3].id]: 0.1 });
    await panel().waitFor({ state: "detached" });
    await expect.poll(() => ownRow(q4, hs[1]).getByTestId("my-probability").innerText()).toBe("you 60 %");
  });

  it("Normalise rescales on request; a slider moves the unlocked others; linked evidence is saved", async () => {
    const [yes, no] = q1.hypotheses;
    await openPanel(q1);
    await percent(yes.title).fill("30");
    await percent(no.title).fill("30");
    expect(await total()).toBe("Total 60 %");
    await panel().getByRole("button", { name: "Normalise" }).click();
    expect(await percent(yes.title).inputValue()).toBe("50");
    expect(await percent(no.title).inputValue()).toBe("50");

    const slider = panel().getByRole("slider", { name: yes.title });
    await slider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    expect(await percent(yes.title).inputValue()).toBe("55");
    expect(await percent(no.title).inputValue()).toBe("45");
    expect(await total()).toBe("Total 100 %");
    await percent(yes.title).fill("30");
    expect(await percent(no.title).inputValue()).toBe("45"); // typing changes only that number
    await percent(no.title).fill("70");
    expect(await panel().innerText()).toMatch(/unlikely[\s\S]*likely/);
    await expectAccessible(page, "update-confidence panel");
    await screenshot(page, "update-confidence");

    expect(await save().isDisabled()).toBe(true); // no rationale yet
    await panel().getByLabel("Rationale (required)").fill("   ");
    expect(await save().isDisabled()).toBe(true);
    await panel().getByLabel("Rationale (required)").fill("Amaq's claim lists Taliban members among the targets; an inside job is less likely.");
    expect(await save().isDisabled()).toBe(false);
    await panel().getByRole("searchbox", { name: "Search evidence" }).fill("Amaq");
    const linkable = panel().locator("label", { hasText: "Amaq" }).getByRole("checkbox");
    expect(await linkable.count()).toBeGreaterThanOrEqual(1);
    await linkable.first().check();

    const created = await expectWrite(page, `/api/v1/questions/${q1.id}/estimates`, () => save().click());
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
    await expect.poll(() => page.getByTestId("activity").innerText()).toContain("Conrad Confidence estimated “" + q1.title + "”: Yes");
  });

  it("re-opening starts from my last estimate with the change since; a locked hypothesis stays put", async () => {
    const [yes] = q1.hypotheses;
    await openPanel(q1);
    expect(await percent(yes.title).inputValue()).toBe("30");
    expect(await panel().innerText()).toContain("±0 since yours");
    await panel().getByRole("slider", { name: yes.title }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await panel().innerText()).toContain("▲2 since yours");
    expect(await panel().innerText()).toContain("▼2 since yours");
    await page.keyboard.press("Escape");
    await panel().waitFor({ state: "detached" });

    // Q2 has three hypotheses: lock the third, drag the first, only the second gives way.
    const [h1, h2, h3] = q2.hypotheses;
    await openPanel(q2);
    const p = await Promise.all([h1, h2, h3].map(async (h: any) => Number(await percent(h.title).inputValue())));
    expect(p).toEqual([33.34, 33.33, 33.33]);
    await panel().getByRole("checkbox", { name: `Lock ${h3.title}` }).check();
    const slider = panel().getByRole("slider", { name: h1.title });
    await slider.focus();
    await page.keyboard.press("ArrowRight"); // to 34 (the next whole step)
    expect(Number(await percent(h3.title).inputValue())).toBe(33.33);
    expect(Number(await percent(h1.title).inputValue()) + Number(await percent(h2.title).inputValue())).toBeCloseTo(66.67, 6);
    expect(await total()).toBe("Total 100 %");
    await panel().getByRole("button", { name: "Cancel" }).click();
    await panel().waitFor({ state: "detached" });
    // Cancel saved nothing.
    const now = await apiJson(page, "GET", `/api/v1/scenarios/${demoId}`);
    expect(now.questions[1].hypotheses.map((h: any) => h.myProbability)).toEqual([null, null, null]);
  });
});
