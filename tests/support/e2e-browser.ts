// Shared helpers for the browser tests (tests/e2e): launch Debian's Chromium through
// playwright-core (one browser per file, pages that fail the test on any console error or
// uncaught exception), sign up / sign in through the real forms, open a copy of the demo,
// run axe-core, save screenshots.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { CHROMIUM } from "./chromium";
import { chromium, type APIResponse, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
export const SCREENS_DIR = path.join(ROOT, "test-results/screens");
export const PASSWORD = "correct horse battery";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export interface ContextOptions {
  /** The browser's time zone (default UTC); dates must render in it without hydration errors. */
  timezoneId?: string;
  viewport?: { width: number; height: number };
}

/**
 * A fresh browser context (its own cookies) at 1440×900, UTC and British English so dates
 * read the same on every machine.
 */
export async function newContext(browser: Browser, baseUrl: string, options: ContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    timezoneId: options.timezoneId ?? "UTC",
    locale: "en-GB",
    acceptDownloads: true,
  });
  // CI machines are busy: generous waits, never fixed sleeps.
  context.setDefaultTimeout(20_000);
  return context;
}

export async function newPage(browser: Browser, baseUrl: string, options: ContextOptions = {}): Promise<Page> {
  const context = await newContext(browser, baseUrl, options);
  return context.newPage();
}

/**
 * One browser for a test file, on the shared test server. Every page it opens is watched:
 * a console error or an uncaught exception fails the test it happened in, unless the test
 * said it expects that message (a 4xx it provoked on purpose: Chromium logs those).
 */
export function browserSession() {
  const baseUrl = inject("baseUrl");
  let browser: Browser | undefined;
  const problems: string[] = [];
  let allowed: RegExp[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    const unexpected = problems.filter((p) => !allowed.some((re) => re.test(p)));
    problems.length = 0;
    allowed = [];
    expect(unexpected, "console errors and uncaught exceptions in the browser").toEqual([]);
  });
  return {
    baseUrl,
    get browser(): Browser {
      if (!browser) throw new Error("browserSession: used before beforeAll ran");
      return browser;
    },
    /** A fresh page on the shared server (or on `options.baseUrl`, a server of the test's own). */
    async page(options: ContextOptions & { baseUrl?: string } = {}): Promise<Page> {
      const page = await newPage(this.browser, options.baseUrl ?? baseUrl, options);
      page.on("console", (m) => {
        // a failed load names no resource in its text: add the URL, or it cannot be traced
        if (m.type() === "error") problems.push(`console: ${m.text()}${m.location().url ? ` (${m.location().url})` : ""}`);
      });
      page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
      return page;
    },
    /** This test provokes a console error matching `pattern` on purpose (e.g. /status of 422/). */
    expectConsoleError(pattern: RegExp) {
      allowed.push(pattern);
    },
  };
}

export interface Account {
  name: string;
  email: string;
  password: string;
}

export const uniqueEmail = (name: string) => `${name.toLowerCase().replace(/\W+/g, ".")}.${randomUUID().slice(0, 8)}@example.test`;

/** Sign up through /sign-up as a new user would; ends on /scenarios (the welcome). */
export async function signUpViaUi(page: Page, name: string, email = uniqueEmail(name)): Promise<Account> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/scenarios(\?welcome=1)?$/);
  await page.getByRole("heading", { name: `Welcome to Branchpoint, ${name}` }).waitFor();
  return { name, email, password: PASSWORD };
}

export async function signInViaUi(page: Page, account: { email: string; password: string }): Promise<void> {
  if (!page.url().includes("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/scenarios/);
}

/** From /scenarios: "Open a copy of the demo"; returns the copy's id. */
export async function openDemo(page: Page): Promise<string> {
  if (!/\/scenarios(\?|$)/.test(page.url())) await page.goto("/scenarios");
  await page.getByRole("button", { name: "Open a copy of the demo" }).click();
  await page.waitForURL(/\/scenarios\/[^/?]+$/);
  await page.getByTestId("question").first().waitFor();
  return scenarioIdFromUrl(page);
}

export function scenarioIdFromUrl(page: Page): string {
  const m = /\/scenarios\/([^/?#]+)/.exec(page.url());
  if (!m) throw new Error(`not on a scenario page: ${page.url()}`);
  return m[1]!;
}

/** The signed-in user's view of the API (the context's session cookie). */
export async function apiJson<T = any>(page: Page, method: "GET" | "POST" | "PUT" | "PATCH", url: string, data?: unknown): Promise<T> {
  const res: APIResponse = await page.request.fetch(url, { method, data, headers: data === undefined ? {} : { "content-type": "application/json" } });
  const text = await res.text();
  if (!res.ok()) throw new Error(`${method} ${url} → ${res.status()}: ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Wait for the next API write whose URL contains `part` to succeed, while `action` runs. */
export async function expectWrite(page: Page, part: string | RegExp, action: () => Promise<unknown>, method = "POST"): Promise<any> {
  const matches = (u: string) => (typeof part === "string" ? u.includes(part) : part.test(u));
  const [res] = await Promise.all([
    page.waitForResponse((r) => matches(r.url()) && r.request().method() === method),
    action(),
  ]);
  expect(res.status(), `${method} ${res.url()}: ${await res.text().catch(() => "")}`).toBeLessThan(300);
  return res.json().catch(() => null);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Sign up an account over the API (for a second person in a flow), from its own client
 * address; returns the account and its session cookie.
 */
export async function signUpViaApi(baseUrl: string, name: string, email = uniqueEmail(name)): Promise<Account & { id: string; cookie: string }> {
  const res = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password: PASSWORD, name }),
  });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(body)}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { name, email, password: PASSWORD, id: body.user.id, cookie };
}

/** Run axe-core on the page; returns violations with impact serious or critical. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) {
    await page.addScriptTag({ path: path.join(ROOT, "node_modules/axe-core/axe.min.js") });
  }
  const result = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { resultTypes: ["violations"] });
  })) as { violations: AxeViolation[] };
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Assert axe finds nothing serious or critical; the message names each rule and element. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // After a client-side navigation the new page's <title> arrives with its metadata, which
  // can trail the content on a busy machine: judge the page once it has one (every page does),
  // not mid-navigation (a CI run once caught axe's document-title rule in that gap).
  await expect.poll(() => page.title(), { message: `${name}: the page has a title`, timeout: 20_000 }).not.toBe("");
  const violations = await seriousA11yViolations(page);
  const report = violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `   ${n.target.join(" ")} — ${(n.failureSummary ?? "").replace(/\s+/g, " ")}`).join("\n")}`,
  );
  // E2E_AXE_REPORT_ONLY=1 lists every page's findings in one run instead of stopping at the first.
  if (process.env.E2E_AXE_REPORT_ONLY === "1") {
    if (report.length) console.warn(`[axe] ${name}:\n${report.join("\n")}`);
    return;
  }
  expect(report, `axe on ${name}`).toEqual([]);
}

/** A 1440×900 screenshot for the lead, in test-results/screens (gitignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`) });
}

/** Team probability as the overview prints it ("38 %"), or "—". */
export const pctText = (p: number | null) => (p === null ? "—" : `${(p * 100).toFixed(0)} %`);
