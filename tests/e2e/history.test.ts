// Flow 7: review. The Q1 chart gains a rationale marker after an estimate; its lines run to
// now; its tooltip names the moment under the cursor; dragging selects a range (never the
// axis text) that can be zoomed into; "As of" a date between two demo estimates shows the
// older numbers read-only, and "back to now" restores them; what changed between two dates
// reads one line per question; the audit log describes each event and filters by person.
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { apiJson, browserSession, expectAccessible, expectWrite, openDemo, pctText, screenshot, signUpViaUi } from "../support/e2e-browser";

const ME = "Hana History";
const ANA = "Ana Petrova (demo analyst)";
const RATIONALE = "Nothing since the 15th names an insider; I lean further towards ISIS-K acting alone.";

const session = browserSession();
let page: Page;
let demoId: string;
let q1: any;

beforeAll(async () => {
  page = await session.page();
});

const tab = (name: string) => page.getByRole("navigation", { name: "Scenario" }).getByRole("link", { name, exact: true });
const chart = () => page.getByTestId("probability-chart");
/** ◆ rationale markers (estimates) on the chart; ● are evidence. */
const rationaleMarkers = () => chart().locator(".chart-mark.estimate").count();
const evidenceMarkers = () => chart().getByRole("link", { name: /^Evidence: / }).count();
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
    await panel.getByRole("spinbutton", { name: `${q1.hypotheses[1].title}, percent` }).fill("90");
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
    // the same figures and markers as a table, for keyboards and screen readers: my rationale
    // newest, the team's figures as they stood, the evidence as links
    await chart().getByText("The figures as a table").click();
    const table = chart().getByRole("table", { name: "Probability over time, newest first" });
    const rows = table.locator("tbody tr");
    await expect.poll(() => rows.count()).toBeGreaterThan(demoEstimates);
    expect(await rows.first().innerText()).toContain(`◆ ${ME}: ${RATIONALE}`);
    expect(await table.locator("tbody td.num").first().innerText()).toMatch(/^\d+\.\d %$/);
    expect(await table.getByRole("link").count()).toBe(await evidenceMarkers());
    await expectAccessible(page, "history, the figures as a table");
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, "history-table");
    await chart().getByText("The figures as a table").click();
    await expectAccessible(page, "history");
    await screenshot(page, "history");
  });

  it("the lines run to now; the tooltip names the moment under the cursor; a dragged range zooms, selecting no text", async () => {
    const box = (await chart().locator(".u-over").boundingBox())!; // the plotting area
    const y = box.y + box.height / 2;
    // the step lines reach the right edge of the plot: there the tooltip still gives every
    // hypothesis its figure, the last one given, which holds until now
    await page.mouse.move(box.x + box.width - 2, y);
    const edge = chart().getByTestId("chart-tooltip");
    await edge.waitFor();
    const latest = (await apiJson(page, "GET", `/api/v1/scenarios/${demoId}`)).questions[0];
    const edgeText = await edge.innerText();
    for (const h of latest.hypotheses) expect(edgeText).toMatch(new RegExp(`${h.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: \\d+(\\.\\d)? %`));

    // Drag across the middle of the 2022 weeks (the first fifth of an axis that runs to now
    // is all 2022 here), then zoom to the selection.
    await page.mouse.move(box.x + box.width * 0.02, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.06, y, { steps: 8 });
    await page.mouse.up();
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? "")).toBe("");
    // a click elsewhere on the chart keeps the selected range and its box
    await page.mouse.click(box.x + box.width * 0.5, y);
    const dragged = (await chart().locator(".u-select").boundingBox())!;
    expect(dragged.width).toBeGreaterThan(box.width * 0.02);
    await page.getByRole("button", { name: "Zoom to selection" }).click();
    await page.getByRole("button", { name: "Show everything" }).waitFor();

    // Hovering at a quarter, a half and three quarters of the zoomed axis: the tooltip's time
    // follows the cursor in even steps, not the nearest estimate.
    const times: number[] = [];
    for (const at of [0.25, 0.5, 0.75]) {
      await page.mouse.move(box.x + box.width * at, y);
      const tip = chart().getByTestId("chart-tooltip");
      await tip.waitFor();
      const text = (await tip.locator(".faint").first().innerText()).trim(); // "12 Sep 2022 14:05"
      times.push(Date.parse(`${text.replace(/^(\d+) (\w+) (\d+) (\d+:\d+)$/, "$2 $1, $3 $4")} UTC`));
    }
    expect(times.every((t) => Number.isFinite(t))).toBe(true);
    const [a, b, c] = times as [number, number, number];
    expect(b).toBeGreaterThan(a);
    expect(c).toBeGreaterThan(b);
    expect(Math.abs((c - b) - (b - a))).toBeLessThan(0.15 * (c - a));
    await page.getByRole("button", { name: "Show everything" }).click();
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
    // One line per question first: the question shown (Q1), its team figures before → after,
    // who estimated, with their rationale; each name once.
    const lines = diff.getByTestId("diff-questions");
    await lines.waitFor();
    const text = await lines.innerText();
    expect(text).toContain(q1.title);
    expect(text).toMatch(/team: .*→/);
    expect(text).toContain("Ben Okafor (demo analyst)");
    expect(text).toContain("Suspicion of insiders is already circulating");
    expect(text).not.toContain(RATIONALE);
    expect(text.split("Ben Okafor (demo analyst)").length - 1).toBe(1);
    // the details, in the audit log's words
    await diff.getByText(/^Every change/).click();
    expect(await diff.getByTestId("diff-items").innerText()).toContain("Ben Okafor (demo analyst)");

    const audit = page.locator("section", { has: page.getByRole("heading", { name: "Audit log" }) });
    const who = () => audit.getByTestId("audit-row").locator("td:nth-child(2)").allInnerTexts();
    await expect.poll(async () => new Set(await who()).size).toBeGreaterThan(2);
    await audit.getByLabel("Person").selectOption({ label: ANA });
    await expect.poll(async () => [...new Set(await who())]).toEqual([ANA]);
    await audit.getByLabel("Person").selectOption({ label: ME });
    await expect.poll(async () => [...new Set(await who())]).toEqual([ME]);
    const mine = await audit.getByTestId("audit-row").allInnerTexts();
    expect(mine).toHaveLength(2);
    expect(mine[0]).toContain("opened this copy of the demo");
    expect(mine[1]).toContain(`estimated “${q1.title}”: ${q1.hypotheses[0].title} 10 %`);
    expect(mine[1]).toContain(`“${RATIONALE}”`);
    // newest first, on request
    await audit.getByLabel("Order").selectOption("newest");
    await expect.poll(async () => (await audit.getByTestId("audit-row").allInnerTexts())[0]).toContain(RATIONALE);
    // every kind of event can be filtered on: here, only estimates
    await audit.getByLabel("Person").selectOption({ label: ANA });
    await audit.getByLabel("Kind").selectOption({ label: "estimate made" });
    await expect.poll(async () => (await audit.getByTestId("audit-row").allInnerTexts()).every((r) => r.includes("estimated"))).toBe(true);
  });
});
