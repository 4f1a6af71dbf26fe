// Flow 7: review. The Q1 chart gains a rationale marker after an estimate; "As of" a date
// between two demo estimates shows the older numbers read-only, and "back to now" restores
// them; what changed between two dates; the audit log filtered by person.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { RunningServer } from "../support/server";
import { apiJson, expectAccessible, expectWrite, freshInstance, launchBrowser, newPage, openDemo, pctText, screenshot, signUpViaUi } from "../support/e2e-browser";

const ME = "Hana History";
const ANA = "Ana Petrova (demo analyst)";
const RATIONALE = "Nothing since the 15th names an insider; I lean further towards ISIS-K acting alone.";

let server: RunningServer;
let browser: Browser;
let page: Page;
let demoId: string;
let q1: any;

beforeAll(async () => {
  [server, browser] = await Promise.all([freshInstance(), launchBrowser()]);
  page = await newPage(browser, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const tab = (name: string) => page.getByRole("navigation", { name: "Scenario" }).getByRole("link", { name, exact: true });
const chart = () => page.getByTestId("probability-chart");
/** ◆ rationale markers (estimates) on the chart; ● are evidence. */
const rationaleMarkers = () => chart().locator('path[fill="#cc79a7"]').count();
const evidenceMarkers = () => chart().locator('circle[fill="#0072b2"]').count();
const banner = () => page.getByRole("status").filter({ hasText: "Viewing the scenario as it stood on" });
/** Per question (API order), the team percentages its own rows show (conditional questions sit nested in the DOM). */
const teamFigures = (s: any) =>
  Promise.all(
    s.questions.map((q: any) =>
      page.locator(`[data-testid=question][aria-label="${q.title}"] > div > [data-testid=hypothesis-row] [data-testid=team-probability]`).allInnerTexts(),
    ),
  );
const expected = (s: any) => s.questions.map((q: any) => q.hypotheses.map((h: any) => pctText(h.probability)));

describe("flow 7: history, as-of and the audit log", () => {
  it("the Q1 chart gains one ◆ point after an estimate", async () => {
    await signUpViaUi(page, ME);
    demoId = await openDemo(page);
    q1 = (await apiJson(page, "GET", `/api/v1/scenarios/${demoId}`)).questions[0];
    const demoEstimates = (await apiJson(page, "GET", `/api/v1/questions/${q1.id}/estimates`)).items.length;
    expect(demoEstimates).toBe(6);

    await tab("History").click();
    await page.waitForURL(/\/history$/);
    expect(await page.getByRole("tab", { name: "Q1" }).getAttribute("aria-selected")).toBe("true");
    await chart().waitFor();
    await expect.poll(rationaleMarkers).toBe(demoEstimates);
    expect(await evidenceMarkers()).toBeGreaterThan(0);
    expect(await chart().getAttribute("aria-label")).toBe(`Probability over time for ${q1.title}`);

    // An estimate through the overview's panel …
    await tab("Overview").click();
    await page.locator(`[data-testid=question][aria-label="${q1.title}"]`).getByRole("button", { name: "Update confidence" }).first().click();
    const panel = page.getByRole("dialog", { name: "Update confidence" });
    await panel.getByRole("spinbutton", { name: `${q1.hypotheses[0].title}, percent` }).fill("10");
    await panel.getByLabel("Rationale (required)").fill(RATIONALE);
    await expectWrite(page, `/api/v1/questions/${q1.id}/estimates`, () => panel.getByRole("button", { name: "Save estimate" }).click());
    await panel.waitFor({ state: "detached" });

    // … is one more ◆ on the chart, and the only one in my own series.
    await tab("History").click();
    await page.waitForURL(/\/history$/);
    await expect.poll(rationaleMarkers).toBe(demoEstimates + 1);
    await page.getByLabel("Series").selectOption({ label: ME });
    await expect.poll(rationaleMarkers).toBe(1);
    await page.getByLabel("Series").selectOption({ label: ANA });
    await expect.poll(rationaleMarkers).toBe(3);
    await page.getByLabel("Series").selectOption("team");
    await expectAccessible(page, "history");
    await screenshot(page, "history");
  });

  it("As of 10 Sep 2022 shows the scenario as it stood then, read-only; back to now restores it", async () => {
    const now = await apiJson(page, "GET", `/api/v1/scenarios/${demoId}`);
    await page.getByLabel("As of").fill("2022-09-10T12:00");
    await page.getByRole("button", { name: "Go" }).click();
    await page.waitForURL(/asOf=2022-09-10T12%3A00%3A00.000Z/);
    await banner().waitFor();
    expect(await banner().innerText()).toBe("Viewing the scenario as it stood on 10 Sep 2022 12:00 — read-only · back to now");
    // The chart stops at that date: only the four Q1 estimates made before it.
    await expect.poll(rationaleMarkers).toBe(4);

    await tab("Overview").click();
    await page.waitForURL(/\/scenarios\/[^/]+\?asOf=/);
    const asOf = new URL(page.url()).searchParams.get("asOf")!;
    const then = await apiJson(page, "GET", `/api/v1/scenarios/${demoId}?asOf=${encodeURIComponent(asOf)}`);
    await expect.poll(() => teamFigures(then)).toEqual(expected(then));
    expect(expected(then)).not.toEqual(expected(now)); // older numbers, not today's
    expect(await banner().isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Update confidence" }).count()).toBe(0);
    expect(await page.getByTestId("my-probability").count()).toBe(0); // my estimate came later
    await expectAccessible(page, "overview as of a past date");
    await screenshot(page, "overview-as-of");

    await banner().getByRole("link", { name: "back to now" }).click();
    await page.waitForURL(new RegExp(`/scenarios/${demoId}$`));
    await banner().waitFor({ state: "detached" });
    await expect.poll(() => teamFigures(now)).toEqual(expected(now));
    expect(await page.getByLabel("As of").inputValue()).toBe("");
    expect(await page.getByRole("button", { name: "Update confidence" }).count()).toBe(4);
  });

  it("lists what changed between two dates, and filters the audit log by person", async () => {
    await tab("History").click();
    await page.waitForURL(/\/history$/);
    const diff = page.locator("section", { has: page.getByRole("heading", { name: "What changed" }) });
    await diff.getByLabel("From").fill("2022-09-07T00:00");
    await diff.getByLabel("To").fill("2022-09-08T00:00");
    await diff.getByRole("button", { name: "Compare" }).click();
    const items = diff.getByTestId("diff-items");
    await items.waitFor();
    const text = await items.innerText();
    expect(text).toContain("Ben Okafor (demo analyst)");
    expect(text).toContain("Suspicion of insiders is already circulating");
    expect(text).not.toContain(RATIONALE);

    const audit = page.locator("section", { has: page.getByRole("heading", { name: "Audit log" }) });
    const who = () => audit.getByTestId("audit-row").locator("td:nth-child(2)").allInnerTexts();
    await expect.poll(async () => new Set(await who()).size).toBeGreaterThan(2);
    await audit.getByLabel("Person").selectOption({ label: ANA });
    await expect.poll(async () => [...new Set(await who())]).toEqual([ANA]);
    await audit.getByLabel("Person").selectOption({ label: ME });
    await expect.poll(async () => [...new Set(await who())]).toEqual([ME]);
    const mine = await audit.getByTestId("audit-row").allInnerTexts();
    expect(mine).toHaveLength(2);
    expect(mine[0]).toContain("joined the demo scenario as owner");
    expect(mine[1]).toContain(`updated confidence: “${RATIONALE}”`);
  });
});
