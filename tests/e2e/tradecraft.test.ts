// Tradecraft in the browser: a question added with resolution criteria and a resolve-by date
// shows them one click away and is flagged overdue; under independent judgments a second
// analyst sees the team only after estimating, then the team person by person; an indicator is
// added on the watch list and marked observed with evidence, and the overview marks the
// hypothesis for the analyst who estimated before; a key assumption marked unsupported stands
// out; the tree view draws the branches with path probabilities.
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { apiJson, browserSession, expectAccessible, expectWrite, screenshot, signUpViaUi } from "../support/e2e-browser";

const session = browserSession();
let owner: Page;
let second: Page;
let scenarioId: string;
let question: any;

const TITLE = "Did a Taliban faction facilitate the attack?";
const CRITERIA = "Yes if a UN monitoring team report names a faction that helped";

beforeAll(async () => {
  owner = await session.page();
  second = await session.page();
});

const block = (page: Page) => page.locator(`[data-testid=question][aria-label="${TITLE}"]`).first();

describe("tradecraft in the browser", () => {
  it("a question added with criteria and a resolve-by date shows them one click away, flagged overdue", async () => {
    await signUpViaUi(owner, "Tara Tradecraft");
    scenarioId = (await apiJson(owner, "POST", "/api/v1/scenarios", { title: "Embassy attack, Kabul 2022" })).id;
    await owner.goto(`/scenarios/${scenarioId}`);
    await owner.getByRole("button", { name: "Add the first question" }).click();
    const form = owner.getByRole("form", { name: "New question" });
    await form.getByLabel("Question", { exact: true }).fill(TITLE);
    await form.getByLabel("Hypothesis 1").fill("A faction helped");
    await form.getByLabel("Hypothesis 2").fill("No faction helped");
    await form.getByLabel("How will it be resolved? (optional)").fill(CRITERIA);
    await form.getByLabel("Resolve by (optional)").fill("2022-10-01");
    question = await expectWrite(owner, `/api/v1/scenarios/${scenarioId}/questions`, () => form.getByRole("button", { name: "Add question" }).click());
    expect(question).toMatchObject({ resolutionCriteria: CRITERIA, resolveBy: "2022-10-01T00:00:00.000Z" });

    await block(owner).getByTestId("overdue").waitFor();
    const criteria = block(owner).getByTestId("criteria");
    expect(await criteria.locator("summary").innerText()).toMatch(/Resolution criteria · resolve by 1 Oct 2022/);
    await criteria.locator("summary").click();
    expect(await criteria.getByTestId("criteria-text").innerText()).toBe(CRITERIA);
    expect(await criteria.innerText()).toContain("Overdue: past that date and still unresolved.");
    await expectAccessible(owner, "overview with criteria");
  }, 90_000);

  it("a second analyst sees the team only after estimating; then the team person by person", async () => {
    const [yes, no] = question.hypotheses;
    await apiJson(owner, "POST", `/api/v1/scenarios/${scenarioId}/evidence`, { summary: "Guards at the gate were waved through", reliability: "B", credibility: 2 });
    await apiJson(owner, "POST", `/api/v1/questions/${question.id}/estimates`, { probabilities: { [yes.id]: 0.7, [no.id]: 0.3 }, rationale: "the gate was opened" });
    const link = await apiJson(owner, "POST", `/api/v1/scenarios/${scenarioId}/invites`, { role: "editor" });

    await signUpViaUi(second, "Sami Second");
    await apiJson(second, "POST", `/api/v1/invites/${link.url.split("/invite/")[1]}/accept`, {});
    await second.goto(`/scenarios/${scenarioId}`);
    await block(second).getByTestId("team-hidden").waitFor();
    expect(await block(second).getByTestId("team-probability").allInnerTexts()).toEqual(["—", "—"]);
    expect(await block(second).getByTestId("team-by-analyst").count()).toBe(0);
    await screenshot(second, "tradecraft-team-hidden");
    // an export would show the owner's figures: refused, and the header says why instead of saving a file
    session.expectConsoleError(/status of 403/);
    await second.getByRole("link", { name: "Export" }).click();
    await second.getByRole("alert").filter({ hasText: "Independent judgments hide a question that others have judged from you" }).waitFor();

    await block(second).getByRole("button", { name: "Update confidence" }).click();
    const panel = second.getByRole("dialog", { name: "Update confidence" });
    await panel.getByRole("spinbutton", { name: `${yes.title}, percent` }).fill("40");
    await panel.getByRole("spinbutton", { name: `${no.title}, percent` }).fill("60");
    await panel.getByLabel(/Rationale/).fill("the guards may have been bribed, not ordered");
    await expectWrite(second, `/api/v1/questions/${question.id}/estimates`, () => panel.getByRole("button", { name: "Save estimate" }).click());
    await panel.waitFor({ state: "detached" });

    await block(second).getByTestId("team-hidden").waitFor({ state: "detached" });
    await expect.poll(() => block(second).getByTestId("team-probability").first().innerText(), { timeout: 30_000 }).toMatch(/%/);
    const team = block(second).getByTestId("team-by-analyst");
    await team.locator("summary").click();
    await expect.poll(() => team.getByTestId("standing-row").count(), { timeout: 30_000 }).toBe(2);
    const rows = await team.getByTestId("standing-row").allInnerTexts();
    expect(rows.join("\n")).toMatch(/Sami Second[\s\S]*40 %[\s\S]*60 %[\s\S]*bribed/);
    expect(rows.join("\n")).toMatch(/Tara Tradecraft[\s\S]*70 %[\s\S]*30 %[\s\S]*gate was opened/);
    expect(await team.getByTestId("standing-spread").innerText()).toMatch(/40 %–70 %/);
    await screenshot(second, "tradecraft-team-by-analyst");
  }, 90_000);

  it("an indicator added on the watch list and marked observed with evidence marks the hypothesis on the overview", async () => {
    await owner.goto(`/scenarios/${scenarioId}/watch`);
    await owner.getByRole("button", { name: "Add an indicator" }).click();
    await owner.getByLabel("What to look for").fill("A faction commander is detained by the GDI");
    await owner.getByLabel("If seen, it").selectOption("supports");
    await expectWrite(owner, "/indicators", () => owner.getByRole("button", { name: "Add indicator" }).click());
    const item = owner.getByTestId("indicator").filter({ hasText: "A faction commander is detained" });
    await item.waitFor();
    expect(await item.getAttribute("data-status")).toBe("watching");

    await item.getByRole("button", { name: "Mark observed…" }).click();
    await item.getByLabel(/Guards at the gate were waved through/).check();
    await expectWrite(owner, "/api/v1/indicators/", () => item.getByRole("button", { name: "Mark observed" }).click(), "PATCH");
    await owner.getByTestId("watch-group-observed").getByText("A faction commander is detained").waitFor();
    await screenshot(owner, "tradecraft-watch-list");

    // the owner estimated before it was observed: the overview says so on the hypothesis
    await owner.goto(`/scenarios/${scenarioId}`);
    const mark = block(owner).getByTestId("observed-since");
    await mark.waitFor();
    expect(await mark.innerText()).toBe("1 indicator observed since your estimate");
  }, 90_000);

  it("a key assumption marked unsupported stands out", async () => {
    const assumptions = block(owner).getByTestId("assumptions");
    await assumptions.locator("summary").click();
    await assumptions.getByRole("button", { name: "+ add key assumption" }).click();
    await assumptions.getByLabel(`New key assumption for ${TITLE}`).fill("The gate guards answer to the local faction");
    await expectWrite(owner, `/api/v1/questions/${question.id}/assumptions`, () => assumptions.getByRole("button", { name: "Add assumption" }).click());
    const item = assumptions.getByTestId("assumption").filter({ hasText: "The gate guards answer" });
    await item.waitFor();
    await item.getByRole("button", { name: "check" }).click();
    await item.getByLabel("How well supported").selectOption("unsupported");
    await item.getByLabel("Why").fill("no roster or pay records seen");
    await expectWrite(owner, "/api/v1/assumptions/", () => item.getByRole("button", { name: "Save" }).click(), "PATCH");
    await expect.poll(() => assumptions.locator("summary").innerText(), { timeout: 30_000 }).toContain("1 unsupported");
    expect(await item.getAttribute("class")).toContain("assumption-unsupported");
    expect(await item.innerText()).toContain("no roster or pay records seen");
    await screenshot(owner, "tradecraft-assumption-unsupported");
  }, 90_000);

  it("the tree view draws the question's branches with the team's probabilities", async () => {
    await owner.getByRole("button", { name: "Tree", exact: true }).click();
    const tree = owner.getByRole("tree", { name: /Scenario tree/ });
    await tree.waitFor({ timeout: 30_000 });
    const items = await tree.getByRole("treeitem").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
    expect(items.join("\n")).toContain(TITLE);
    expect(items.join("\n")).toMatch(/A faction helped/);
    await expectAccessible(owner, "tree view");
    await screenshot(owner, "tradecraft-tree-1440");
    await owner.setViewportSize({ width: 390, height: 844 });
    expect(await owner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(owner, "tradecraft-tree-390");
    await owner.setViewportSize({ width: 1440, height: 900 });
  }, 90_000);
});
