// Flow 2: create a scenario from the list, build its tree (a question, a conditional
// question under one of its hypotheses, an outcome); over-long text is refused at the field,
// never cut; two hypotheses cannot share a title; archiving asks first and can be undone;
// inline edits can be cancelled; a second account joins as viewer through an invitation
// link and sees it read-only. Each of the frame's tabs names its page in the window title.
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { browserSession, expectAccessible, expectWrite, scenarioIdFromUrl, screenshot, signUpViaUi } from "../support/e2e-browser";

const session = browserSession();
const TITLE = `Ceasefire watch ${Date.now().toString(36)}`;
const Q1 = "Will the ceasefire hold through the winter?";
const Q2 = "Why would it break?";

let owner: Page;
let viewer: Page;

let scenarioId: string;

beforeAll(async () => {
  [owner, viewer] = await Promise.all([session.page(), session.page()]);
});

const questionBlock = (page: Page, title: string) => page.locator(`[data-testid=question][aria-label="${title}"]`);

describe("flow 2: scenarios, the question tree, members", () => {
  it("creates a scenario from the list and lands on its empty overview", async () => {
    await signUpViaUi(owner, "Olga Owner");
    await expectAccessible(owner, "scenarios list");
    await owner.getByRole("button", { name: "New scenario" }).click();
    const form = owner.getByRole("form", { name: "New scenario" });
    await form.getByLabel("Title").fill(TITLE);
    await form.getByLabel("Summary").fill("Will the truce between the two parties survive the winter?");
    await form.getByRole("button", { name: "Create scenario" }).click();
    await owner.waitForURL(/\/scenarios\/[^/?]+$/);
    scenarioId = scenarioIdFromUrl(owner);

    await owner.getByText("No questions yet.", { exact: false }).waitFor();
    expect(await owner.getByRole("heading", { level: 1 }).first().innerText()).toBe(TITLE);
    expect(await owner.getByText("No outcomes yet.", { exact: false }).isVisible()).toBe(true);
    expect(await owner.getByRole("complementary").innerText()).toContain(`Olga Owner created the scenario “${TITLE}”`);
    await screenshot(owner, "overview-empty");
  });

  it("each tab opens its page and names it in the window's title", async () => {
    // tabs from the frame itself, so a tab added later is covered too; back to the overview last
    const strip = owner.getByRole("navigation", { name: "Scenario" });
    const names = await strip.getByRole("link").allInnerTexts();
    expect(names.length, "the scenario frame's tabs").toBeGreaterThanOrEqual(9);
    for (const name of [...names.slice(1), names[0]!]) {
      await strip.getByRole("link", { name, exact: true }).click();
      await expect.poll(() => owner.title(), { message: `the ${name} tab's title`, timeout: 20_000 }).toBe(`${name} · Branchpoint`);
    }
    await owner.getByText("No questions yet.", { exact: false }).waitFor();
  });

  it("adds a question with two hypotheses", async () => {
    await owner.getByRole("button", { name: "Add the first question" }).click();
    const form = owner.getByRole("form", { name: "New question" });
    await form.getByLabel("Question", { exact: true }).fill(Q1);
    await form.getByLabel("Hypothesis 1").fill("Yes, it holds");
    await form.getByLabel("Hypothesis 2").fill("No, fighting resumes");
    await expectWrite(owner, `/api/v1/scenarios/${scenarioId}/questions`, () => form.getByRole("button", { name: "Add question" }).click());

    const q1 = questionBlock(owner, Q1);
    await q1.waitFor();
    const rows = q1.getByTestId("hypothesis-row");
    expect(await rows.allInnerTexts()).toEqual([expect.stringContaining("Yes, it holds"), expect.stringContaining("No, fighting resumes")]);
    // No estimates yet: no percentage, and it says so.
    expect(await q1.getByTestId("team-probability").allInnerTexts()).toEqual(["—", "—"]);
    expect(await rows.first().innerText()).toContain("no estimate");
    expect(await q1.getByRole("heading", { level: 2 }).innerText()).toMatch(/^Q1/);
    expect(await owner.getByRole("button", { name: "Update confidence" }).count()).toBe(1);
  });

  it("adds a conditional question under one hypothesis: indented and labelled “given …”", async () => {
    await owner.getByRole("button", { name: "Add question", exact: true }).click();
    const form = owner.getByRole("form", { name: "New question" });
    await form.getByLabel("Question", { exact: true }).fill(Q2);
    await form.getByLabel("Conditional on (optional)").selectOption({ label: "Q1: given “No, fighting resumes”" });
    await form.getByLabel("Hypothesis 1").fill("Spoilers on either side");
    await form.getByLabel("Hypothesis 2").fill("A deliberate decision");
    await expectWrite(owner, `/api/v1/scenarios/${scenarioId}/questions`, () => form.getByRole("button", { name: "Add question" }).click());

    const q1 = questionBlock(owner, Q1);
    const child = q1.locator(`[data-testid=question][aria-label="${Q2}"]`); // nested inside Q1's block
    await child.waitFor();
    expect(await child.getAttribute("class")).toContain("conditional");
    const heading = await child.getByRole("heading", { level: 2 }).innerText();
    expect(heading).toMatch(/^Q2/);
    expect(heading).toContain("given “No, fighting resumes”");
    // Indented, and placed under the hypothesis it depends on.
    const [parentBox, childBox, noRow] = await Promise.all([
      q1.boundingBox(),
      child.boundingBox(),
      q1.getByTestId("hypothesis-row").filter({ hasText: "No, fighting resumes" }).first().boundingBox(),
    ]);
    expect(childBox!.x).toBeGreaterThanOrEqual(parentBox!.x + 24);
    expect(childBox!.y).toBeGreaterThan(noRow!.y);
    expect(await child.getByTestId("hypothesis-row").count()).toBe(2);
  });

  it("refuses over-long text at the field without cutting it; titles stay distinct; archive asks and can be undone", async () => {
    session.expectConsoleError(/status of 422/); // the duplicate title, refused on purpose
    const q1 = questionBlock(owner, Q1);
    await q1.locator(":scope > .row-wrap").getByRole("button", { name: "+ add hypothesis" }).click();
    const input = owner.getByLabel(`New hypothesis for ${Q1}`);
    const long = "A very long answer ".repeat(20).slice(0, 343);
    await input.fill(long);
    // kept as typed (343 characters), with a counter and Add disabled
    expect((await input.inputValue()).length).toBe(343);
    expect(await q1.locator(":scope > form").getByTestId("char-counter").innerText()).toBe("343 / 300 — 43 too many; shorten it to save");
    expect(await q1.getByRole("button", { name: "Add", exact: true }).isDisabled()).toBe(true);
    // a title another open hypothesis has (case and spaces aside) is refused, saying why
    await input.fill("  yes, it HOLDS ");
    await q1.getByRole("button", { name: "Add", exact: true }).click();
    await expect.poll(() => q1.locator(":scope > form").getByRole("alert").innerText()).toContain("already called “Yes, it holds”");
    await input.fill("Partly: a frozen conflict");
    await expectWrite(owner, "/hypotheses", () => q1.getByRole("button", { name: "Add", exact: true }).click());
    // (by position: while it is being edited its title is an input's value, not its text)
    const third = q1.locator(":scope > div > [data-testid=hypothesis-row]").nth(2);
    await expect.poll(() => third.innerText()).toContain("Partly: a frozen conflict");

    // inline edit: Cancel is clickable (not under the probability bar) and changes nothing
    await third.hover();
    await third.getByRole("button", { name: /^Edit hypothesis title/ }).click();
    await third.getByRole("textbox", { name: "Hypothesis title" }).fill("Something else");
    await third.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => third.innerText()).toContain("Partly: a frozen conflict");

    // archive asks first, and restore undoes it
    await third.hover();
    await third.getByRole("button", { name: "archive" }).click();
    const confirm = owner.getByRole("alertdialog", { name: "Archive “Partly: a frozen conflict”?" });
    expect(await confirm.innerText()).toContain("you can restore it");
    await expectWrite(owner, "/api/v1/hypotheses/", () => confirm.getByRole("button", { name: "Archive" }).click(), "PATCH");
    await expect.poll(() => third.innerText()).toContain("archived");
    await expectWrite(owner, "/api/v1/hypotheses/", () => third.getByRole("button", { name: "restore" }).click(), "PATCH");
    await expect.poll(() => third.innerText()).not.toContain("archived");
    await screenshot(owner, "overview-restored");
  });

  it("adds an outcome reached through a hypothesis", async () => {
    await owner.getByRole("button", { name: "Add outcome" }).click();
    const card = owner.locator("section", { has: owner.getByRole("heading", { name: "Outcomes" }) });
    await card.getByLabel("Outcome", { exact: true }).fill("Renewed war by spring");
    await card.getByRole("checkbox", { name: "A deliberate decision" }).check();
    await expectWrite(owner, `/api/v1/scenarios/${scenarioId}/outcomes`, () => card.getByRole("button", { name: "Add outcome" }).click());
    const outcome = owner.getByTestId("outcome");
    await outcome.waitFor();
    const text = await outcome.innerText();
    expect(text).toContain("Renewed war by spring");
    expect(text).toContain("← Q2 “A deliberate decision”");
    expect(text).toContain("needs estimates on every path");
    await expectAccessible(owner, "overview (own scenario)");
    await screenshot(owner, "overview-tree");
  });

  it("a second account, added as viewer, sees the scenario read-only with its role", async () => {
    await signUpViaUi(viewer, "Victor Viewer");
    // Every newcomer is offered the demo, however many accounts came before.
    expect(await viewer.getByRole("button", { name: "Open a copy of the demo" }).count()).toBe(1);
    expect(await viewer.getByRole("row", { name: new RegExp(TITLE) }).count()).toBe(0);

    await owner.getByRole("navigation", { name: "Scenario" }).getByRole("link", { name: "Members" }).click();
    await owner.waitForURL(/\/members$/);
    const form = owner.getByRole("form", { name: "Make an invitation link" });
    await form.getByLabel("Role").selectOption("viewer");
    await expectWrite(owner, `/api/v1/scenarios/${scenarioId}/invites`, () => form.getByRole("button", { name: "Make link" }).click());
    const link = await owner.getByLabel(/Link for a new viewer/).inputValue();
    expect(link).toMatch(/\/invite\/[\w-]{40,}$/);
    await expect.poll(() => owner.getByRole("table", { name: "Open invitations" }).getByRole("row").count()).toBe(2); // header + one
    await expectAccessible(owner, "members");
    await screenshot(owner, "members");

    // the viewer opens the link, sees what it offers, accepts, and lands on the scenario
    await viewer.goto(new URL(link).pathname);
    await viewer.getByRole("heading", { name: `Join “${TITLE}”` }).waitFor();
    expect(await viewer.getByText("You are invited as viewer").count()).toBe(1);
    await viewer.getByRole("button", { name: "Accept and open the scenario" }).click();
    await viewer.waitForURL(new RegExp(`/scenarios/${scenarioId}$`));
    await owner.reload();
    const row = owner.getByRole("row", { name: /Victor Viewer/ });
    await row.waitFor();
    expect(await row.getByRole("combobox", { name: "Role of Victor Viewer" }).inputValue()).toBe("viewer");
    expect(await owner.getByRole("row", { name: /Olga Owner/ }).innerText()).toContain("(you)");
    expect(await owner.getByRole("table", { name: "Open invitations" }).count()).toBe(0); // used up

    await viewer.goto("/scenarios");
    const listed = viewer.getByRole("row", { name: new RegExp(TITLE) });
    await listed.waitFor();
    expect(await listed.getByRole("cell").nth(1).innerText()).toBe("viewer");
    await listed.getByRole("link", { name: TITLE }).click();
    await viewer.waitForURL(new RegExp(`/scenarios/${scenarioId}$`));
    await questionBlock(viewer, Q1).waitFor();
    expect(await viewer.getByTestId("question").count()).toBe(2);
    expect(await viewer.getByTestId("outcome").innerText()).toContain("Renewed war by spring");
    // Read-only: nothing to change.
    for (const name of ["Update confidence", "Add question", "Add outcome", "+ add hypothesis"]) {
      expect(await viewer.getByRole("button", { name }).count(), name).toBe(0);
    }
    expect(await viewer.getByRole("button", { name: /^Edit / }).count()).toBe(0);

    await viewer.getByRole("navigation", { name: "Scenario" }).getByRole("link", { name: "Members" }).click();
    await viewer.waitForURL(/\/members$/);
    await viewer.getByRole("table", { name: "Members" }).waitFor();
    expect(await viewer.getByRole("form", { name: "Make an invitation link" }).count()).toBe(0);
    expect(await viewer.getByRole("row", { name: /Victor Viewer/ }).innerText()).toMatch(/\(you\)[\s\S]*viewer/);
  });
});
