// Phone (390 × 844): every page fits the screen's width (the page itself never scrolls
// sideways; wide tables scroll inside their own box), and each page's primary action is on
// screen: the scenario frame's As-of Go, Export and Sign out (inline, or in the header's menu,
// which opens from the keyboard), every tab, the overview's Update confidence and the
// drawer's Save, Log an observation, Add source, Resolve…, Make link, the matrix with its
// first column kept in place, a history chart whose dates do not overlap; axe finds nothing
// serious at that width. On a touch phone (a mobile viewport, which zooms out to show an
// overflowing page whole) the window stays 390 px wide. At 1440 px the header's controls stay
// inline. Screenshots: test-results/screens/phone-*.png (390 px) and wide-*.png (1440 px).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { apiJson, browserSession, expectAccessible, openDemo, SCREENS_DIR, signInViaUi, signUpViaUi, type Account } from "../support/e2e-browser";

const session = browserSession();
const PHONE = { width: 390, height: 844 };

let page: Page;
let account: Account;
let demoId: string;
/** scrollWidth of each page at 390 px, printed at the end for the record. */
const widths: Record<string, number> = {};

beforeAll(async () => {
  page = await session.page({ viewport: PHONE });
});
afterAll(() => {
  console.log(`[phone] page widths at 390 px: ${JSON.stringify(widths)}`);
});

/** The whole page at phone width (test-results/screens/phone-NAME.png). */
async function shoot(p: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  await p.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage });
}

/** No sideways scroll of the page itself. */
async function expectNoSideScroll(p: Page, name: string): Promise<void> {
  // wait until layout settles (charts and tables render after their data arrives)
  await p.waitForLoadState("load");
  const { scrollWidth, innerWidth } = await p.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  widths[name] = scrollWidth;
  expect.soft(scrollWidth, `${name}: the page is ${scrollWidth} px wide on a ${innerWidth} px screen`).toBeLessThanOrEqual(innerWidth);
}

/** Scrolled to vertically (never sideways), the element lies wholly within the screen. */
async function expectOnScreen(p: Page, target: Locator, what: string): Promise<void> {
  await target.waitFor({ state: "visible" });
  await target.evaluate((el) => {
    el.scrollIntoView({ block: "nearest", inline: "nearest" });
    window.scrollTo(0, window.scrollY); // only the page's vertical scroll counts; undo any sideways scroll
  });
  const box = await target.boundingBox();
  const vp = p.viewportSize()!;
  expect(box, `${what} has a box`).not.toBeNull();
  const inside = box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= vp.width + 0.5 && box!.y + box!.height <= vp.height + 0.5;
  expect.soft(inside, `${what} lies within the ${vp.width}×${vp.height} screen: ${JSON.stringify(box)}`).toBe(true);
}

const tab = (p: Page, name: string) => p.getByRole("navigation", { name: "Scenario" }).getByRole("link", { name, exact: true });

/** The tab strip is on screen; the tab is reached inside it and opens its page. */
async function openTab(p: Page, name: string, url: RegExp): Promise<void> {
  const strip = p.getByRole("navigation", { name: "Scenario" });
  const box = await strip.boundingBox();
  expect.soft(box!.x >= 0 && box!.x + box!.width <= PHONE.width + 0.5, `the tab strip fits the screen: ${JSON.stringify(box)}`).toBe(true);
  await expectOnScreen(p, tab(p, name), `the ${name} tab`);
  await tab(p, name).click();
  await p.waitForURL(url);
}

/** As-of Go, Export and Sign out: visible, or visible once the header's menu is open. */
async function expectFrameReachable(p: Page, where: string, { scenario }: { scenario: boolean }): Promise<void> {
  const menu = p.getByRole("button", { name: "Menu" });
  const signOut = p.getByRole("button", { name: "Sign out" });
  let opened = false;
  if (!(await signOut.isVisible())) {
    expect.soft(await menu.isVisible(), `${where}: Sign out is hidden, so the Menu button shows`).toBe(true);
    if (!(await menu.isVisible())) return;
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    // from the keyboard
    await menu.focus();
    await p.keyboard.press("Enter");
    await expect.poll(() => menu.getAttribute("aria-expanded")).toBe("true");
    opened = true;
  }
  await expectOnScreen(p, signOut, `${where}: Sign out`);
  if (scenario) {
    await expectOnScreen(p, p.getByLabel("As of"), `${where}: the As-of field`);
    await expectOnScreen(p, p.getByRole("button", { name: "Go" }), `${where}: the As-of Go button`);
    await expectOnScreen(p, p.getByRole("link", { name: "Export" }), `${where}: Export`);
  }
  if (opened) {
    await expectAccessible(p, `${where} with the menu open (phone)`);
    await shoot(p, `phone-${where}-menu`, false);
    await p.keyboard.press("Escape");
    await expect.poll(() => menu.getAttribute("aria-expanded")).toBe("false");
    expect(await signOut.isVisible(), `${where}: Escape closes the menu`).toBe(false);
    expect(await menu.evaluate((el) => el === document.activeElement), `${where}: focus returns to the Menu button`).toBe(true);
  }
}

describe("every page works on a phone (390 × 844)", () => {
  it("sign in and sign up fit, their buttons on screen", async () => {
    await page.goto("/sign-in");
    await expectNoSideScroll(page, "sign-in");
    await expectOnScreen(page, page.getByRole("button", { name: "Sign in" }), "Sign in");
    await shoot(page, "phone-sign-in");

    await page.goto("/sign-up");
    await expectNoSideScroll(page, "sign-up");
    await expectOnScreen(page, page.getByRole("button", { name: "Create account" }), "Create account");
    await shoot(page, "phone-sign-up");
  });

  it("the scenario list fits; New scenario, the demo and Sign out are on screen", async () => {
    account = await signUpViaUi(page, "Phoebe Phone");
    await expectNoSideScroll(page, "scenarios (welcome)");
    await expectOnScreen(page, page.getByRole("button", { name: "Open a copy of the demo" }), "Open a copy of the demo");
    await expectOnScreen(page, page.getByRole("button", { name: "New scenario" }), "New scenario");
    await expectFrameReachable(page, "scenarios", { scenario: false });
    await shoot(page, "phone-scenarios-welcome");
    demoId = await openDemo(page);
    await page.goto("/scenarios");
    await page.getByRole("table").waitFor();
    await expectNoSideScroll(page, "scenarios");
    await shoot(page, "phone-scenarios");
  });

  it("overview: fits; the frame's controls are reachable; Update confidence opens a full-width drawer with Save on screen", async () => {
    await page.goto(`/scenarios/${demoId}`);
    await page.getByTestId("question").first().waitFor();
    await page.getByTestId("activity").waitFor();
    await expectNoSideScroll(page, "overview");
    await shoot(page, "phone-overview");
    await expectFrameReachable(page, "overview", { scenario: true });

    const update = page.getByRole("button", { name: "Update confidence" }).first();
    await expectOnScreen(page, update, "Update confidence");
    await update.click();
    const panel = page.getByRole("dialog", { name: "Update confidence" });
    await panel.waitFor();
    const box = await panel.boundingBox();
    expect.soft(box!.x, "the drawer starts at the screen's left edge").toBeLessThanOrEqual(0.5);
    expect.soft(box!.width, "the drawer is as wide as the screen").toBeGreaterThanOrEqual(PHONE.width - 0.5);
    expect.soft(box!.width).toBeLessThanOrEqual(PHONE.width + 0.5);
    // Save, without scrolling anything
    const save = panel.getByRole("button", { name: "Save estimate" });
    const saveBox = await save.boundingBox();
    expect.soft(
      saveBox!.x >= 0 && saveBox!.y >= 0 && saveBox!.x + saveBox!.width <= PHONE.width && saveBox!.y + saveBox!.height <= PHONE.height,
      `Save estimate is on screen: ${JSON.stringify(saveBox)}`,
    ).toBe(true);
    // still there with the form scrolled to its end
    await panel.getByLabel("Rationale (required)").fill("Checking the drawer on a phone.");
    await panel.getByRole("searchbox", { name: "Search evidence" }).scrollIntoViewIfNeeded();
    const after = await save.boundingBox();
    expect.soft(after!.y + after!.height <= PHONE.height && after!.y >= 0, `Save stays on screen: ${JSON.stringify(after)}`).toBe(true);
    expect.soft(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth), "the drawer does not scroll sideways").toBe(true);
    await expectNoSideScroll(page, "overview with the drawer open");
    await expectAccessible(page, "the confidence drawer (phone)");
    await shoot(page, "phone-overview-drawer", false);
    await panel.getByRole("button", { name: "Cancel" }).click();
    await panel.waitFor({ state: "detached" });
  });

  it("evidence: fits, the table scrolls in its own box; Log an observation is on screen", async () => {
    await openTab(page, "Evidence", /\/evidence$/);
    await page.getByTestId("evidence-row").first().waitFor();
    await expectNoSideScroll(page, "evidence");
    await expectOnScreen(page, page.getByRole("button", { name: "Log an observation" }), "Log an observation");
    const wrap = page.locator(".table-wrap", { has: page.getByRole("table", { name: "Evidence log" }) });
    expect.soft(((await wrap.boundingBox())!.width), "the evidence table's box fits the screen").toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, "evidence (phone)");
    await shoot(page, "phone-evidence");
  });

  it("sources and a source's reader fit; Add source and the text are on screen", async () => {
    await openTab(page, "Sources", /\/sources$/);
    const sources = page.getByRole("table", { name: "Sources" });
    await sources.waitFor();
    await expectNoSideScroll(page, "sources");
    await expectOnScreen(page, page.getByRole("button", { name: "Add source" }), "Add source");
    await expectAccessible(page, "sources (phone)");
    await shoot(page, "phone-sources");

    await sources.getByRole("link").first().click();
    await page.waitForURL(/\/sources\/[^/?]+$/);
    const text = page.getByTestId("source-text");
    await text.waitFor();
    await expectNoSideScroll(page, "source reader");
    const box = (await text.boundingBox())!;
    expect.soft(box.x >= 0 && box.x + box.width <= PHONE.width, `the source's text fits the screen: ${JSON.stringify(box)}`).toBe(true);
    await shoot(page, "phone-source-reader");
  });

  it("matrix: fits; its table scrolls inside its box with the evidence column kept in place", async () => {
    await page.goto(`/scenarios/${demoId}/matrix`);
    const table = page.locator("table.matrix");
    await table.waitFor();
    await page.getByTestId("matrix-row").first().waitFor();
    await expectNoSideScroll(page, "matrix");
    await expectAccessible(page, "matrix (phone)");
    await expectOnScreen(page, page.getByLabel("Question"), "the matrix's question picker");
    const wrap = page.locator(".table-wrap", { has: table });
    const [wrapBox, scrolls] = await Promise.all([wrap.boundingBox(), wrap.evaluate((el) => el.scrollWidth > el.clientWidth)]);
    expect.soft(wrapBox!.x >= 0 && wrapBox!.x + wrapBox!.width <= PHONE.width, `the matrix's box fits the screen: ${JSON.stringify(wrapBox)}`).toBe(true);
    expect.soft(scrolls, "the matrix is wider than the screen, so it scrolls inside its box").toBe(true);
    const first = page.getByTestId("matrix-row").first().locator("th").first();
    await wrap.evaluate((el) => el.scrollIntoView({ block: "start" }));
    const before = (await first.boundingBox())!;
    await wrap.evaluate((el) => el.scrollBy({ left: 400 }));
    await expect.poll(() => wrap.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const after = (await first.boundingBox())!;
    expect.soft(Math.abs(after.x - before.x), "the evidence column stays put while the matrix scrolls sideways").toBeLessThanOrEqual(1);
    expect.soft(before.width, "the sticky evidence column leaves room for the ratings").toBeLessThanOrEqual(PHONE.width * 0.6);
    await expectNoSideScroll(page, "matrix (scrolled)");
    await wrap.evaluate((el) => el.scrollTo({ left: 0 }));
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, "phone-matrix");
  });

  it("history: fits; the chart fills the width and its dates do not overlap", async () => {
    await page.goto(`/scenarios/${demoId}/history`);
    const chart = page.getByTestId("probability-chart");
    const dates = chart.locator(".chart-date");
    await dates.first().waitFor();
    await page.getByTestId("audit-row").first().waitFor();
    await expectNoSideScroll(page, "history");
    await expectOnScreen(page, chart, "the probability chart");
    const ticks = await dates.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, text: el.textContent };
      }),
    );
    expect.soft(ticks.length, "the time axis has at least two dates").toBeGreaterThanOrEqual(2);
    const sorted = [...ticks].sort((a, b) => a.left - b.left);
    for (let i = 1; i < sorted.length; i++) {
      expect.soft(sorted[i]!.left, `“${sorted[i - 1]!.text}” and “${sorted[i]!.text}” do not overlap`).toBeGreaterThanOrEqual(sorted[i - 1]!.right);
    }
    const chartBox = (await chart.boundingBox())!;
    expect.soft(chartBox.x >= 0 && chartBox.x + chartBox.width <= PHONE.width, `the chart fits: ${JSON.stringify(chartBox)}`).toBe(true);
    await expectAccessible(page, "history (phone)");
    await shoot(page, "phone-history");
  });

  it("scores and members fit; Resolve… and Make link are on screen", async () => {
    await page.goto(`/scenarios/${demoId}/scores`);
    await page.getByRole("heading", { name: "Calibration" }).waitFor();
    await page.getByRole("table", { name: "Calibration buckets" }).waitFor();
    await expectNoSideScroll(page, "scores");
    await expectOnScreen(page, page.getByRole("button", { name: "Resolve…" }), "Resolve…");
    await expectAccessible(page, "scores (phone)");
    await shoot(page, "phone-scores");

    await openTab(page, "Members", /\/members$/);
    await page.getByRole("table", { name: "Members" }).waitFor();
    await expectNoSideScroll(page, "members");
    await expectOnScreen(page, page.getByRole("button", { name: "Make link" }), "Make link");
    await page.getByRole("button", { name: "Make link" }).click();
    await page.getByRole("table", { name: "Open invitations" }).waitFor();
    await expectNoSideScroll(page, "members (with an invitation)");
    await expectAccessible(page, "members (phone)");
    await shoot(page, "phone-members");
  });

  it("the watch list, the brief and the overview's tree view fit; their primary actions are on screen", async () => {
    await page.goto(`/scenarios/${demoId}/watch`);
    await page.getByRole("heading", { name: "Watch list" }).waitFor();
    await expectNoSideScroll(page, "watch list");
    await expectOnScreen(page, page.getByRole("button", { name: "Add an indicator" }), "Add an indicator");
    await expectAccessible(page, "watch list (phone)");
    await shoot(page, "phone-watch");

    await page.goto(`/scenarios/${demoId}/brief`);
    await page.getByRole("heading", { name: "Key judgments" }).waitFor();
    await expectNoSideScroll(page, "brief");
    await expectOnScreen(page, page.getByRole("button", { name: /Save as PDF/ }), "Print / Save as PDF");
    await shoot(page, "phone-brief");

    await page.goto(`/scenarios/${demoId}`);
    await page.getByRole("button", { name: "Tree", exact: true }).click();
    const tree = page.getByRole("tree", { name: /Scenario tree/ });
    await tree.getByRole("treeitem").first().waitFor();
    await expectNoSideScroll(page, "tree view");
    await expectOnScreen(page, tree.getByRole("treeitem").first(), "the tree's first question");
    await expectAccessible(page, "tree view (phone)");
    await tree.scrollIntoViewIfNeeded();
    await shoot(page, "phone-tree", false);
    await page.getByRole("button", { name: "List", exact: true }).click();
  });

  it("an invitation, seen by someone else, fits; Accept is on screen", async () => {
    const link = await apiJson<{ url: string }>(page, "POST", `/api/v1/scenarios/${demoId}/invites`, { role: "viewer" });
    const guest = await session.page({ viewport: PHONE });
    await signUpViaUi(guest, "Gus Guest");
    await guest.goto(new URL(link.url).pathname);
    await guest.getByRole("heading", { name: /^Join “/ }).waitFor();
    await expectNoSideScroll(guest, "invite");
    await expectOnScreen(guest, guest.getByRole("button", { name: "Accept and open the scenario" }), "Accept and open the scenario");
    await expectFrameReachable(guest, "invite", { scenario: false });
    await shoot(guest, "phone-invite");
    await guest.context().close();
  });

  it("the 404 page fits, its way back on screen", async () => {
    session.expectConsoleError(/status of 404/);
    const res = await page.goto("/no/such/page");
    expect(res?.status()).toBe(404);
    await page.getByRole("heading", { name: "Nothing here" }).waitFor();
    await expectNoSideScroll(page, "404");
    await expectOnScreen(page, page.getByRole("link", { name: "Back to your scenarios" }), "Back to your scenarios");
    await shoot(page, "phone-not-found");
  });

  it("on a touch phone (a mobile viewport) no page widens the screen; the drawer covers it, Save on screen", async () => {
    // A mobile browser zooms out to show an overflowing page whole: its window grows wider than the phone.
    const context = await session.browser.newContext({
      baseURL: session.baseUrl,
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      timezoneId: "UTC",
      locale: "en-GB",
      storageState: await page.context().storageState(),
    });
    context.setDefaultTimeout(20_000);
    const touch = await context.newPage();
    const problems: string[] = [];
    touch.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
    touch.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    for (const [suffix, ready] of [
      ["", "[data-testid=question]"],
      ["/evidence", "[data-testid=evidence-row]"],
      ["/matrix", "[data-testid=matrix-row]"],
      ["/history", "[data-testid=probability-chart] .chart-date"],
      ["/members", "table[aria-label=Members]"],
    ] as const) {
      await touch.goto(`/scenarios/${demoId}${suffix}`);
      await touch.locator(ready).first().waitFor();
      const r = await touch.evaluate(() => ({ innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth }));
      expect.soft(r, `${suffix || "overview"} on a touch phone`).toEqual({ innerWidth: PHONE.width, scrollWidth: PHONE.width });
    }
    // a tap on the history chart shows the figures standing at that moment
    await touch.goto(`/scenarios/${demoId}/history`);
    const plot = (await touch.locator("[data-testid=probability-chart] .u-over").boundingBox())!;
    await touch.tap("[data-testid=probability-chart] .u-over", { position: { x: plot.width * 0.9, y: plot.height / 2 } });
    const tip = touch.getByTestId("chart-tooltip");
    await tip.waitFor();
    expect.soft(await tip.innerText(), "the tooltip after a tap names the hypotheses' figures").toMatch(/ %/);
    const tipBox = (await tip.boundingBox())!;
    expect.soft(tipBox.x >= 0 && tipBox.x + tipBox.width <= PHONE.width, `the tooltip fits the phone: ${JSON.stringify(tipBox)}`).toBe(true);
    await shoot(touch, "phone-touch-chart-tooltip", false);
    await touch.goto(`/scenarios/${demoId}`);
    await touch.getByRole("button", { name: "Update confidence" }).first().tap();
    const panel = touch.getByRole("dialog", { name: "Update confidence" });
    await panel.waitFor();
    const box = (await panel.boundingBox())!;
    expect.soft([box.x, box.width], "the drawer covers the phone's width").toEqual([0, PHONE.width]);
    const save = (await panel.getByRole("button", { name: "Save estimate" }).boundingBox())!;
    expect.soft(save.x >= 0 && save.x + save.width <= PHONE.width && save.y >= 0 && save.y + save.height <= PHONE.height, `Save estimate on screen: ${JSON.stringify(save)}`).toBe(true);
    await shoot(touch, "phone-touch-drawer", false);
    await context.close();
    expect(problems, "console errors and uncaught exceptions on the touch phone").toEqual([]);
  });

  it("at 1440 px the header's controls stay inline and nothing scrolls sideways", async () => {
    const wide = await session.page();
    await signInViaUi(wide, account);
    for (const [name, suffix, ready] of [
      ["overview", "", "[data-testid=question]"],
      ["matrix", "/matrix", "[data-testid=matrix-row]"],
      ["history", "/history", "[data-testid=probability-chart] .chart-date"],
    ] as const) {
      await wide.goto(`/scenarios/${demoId}${suffix}`);
      await wide.locator(ready).first().waitFor();
      const { scrollWidth, innerWidth } = await wide.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect.soft(scrollWidth, `${name} at 1440 px`).toBeLessThanOrEqual(innerWidth);
      expect.soft(await wide.getByRole("button", { name: "Menu" }).isVisible(), "no menu button on a wide screen").toBe(false);
      for (const control of [wide.getByRole("button", { name: "Go" }), wide.getByRole("link", { name: "Export" }), wide.getByRole("button", { name: "Sign out" })]) {
        expect.soft(await control.isVisible()).toBe(true);
      }
      await shoot(wide, `wide-${name}`, false);
    }
    await wide.context().close();
  });
});
