// Flow 1: a new user signs up through the form, is welcomed, opens a private copy of the
// demo and reads the question tree with team percentages and ICD 203 words; signs out and
// back in; a wrong password is refused with a visible error; a link to a scenario they
// cannot open shows a styled 404 with a way back. Every page renders without a console
// error, also in a browser far from UTC (dates hydrate in the viewer's time zone).
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { icd203Words } from "@/lib/math/probability";
import { apiJson, browserSession, expectAccessible, openDemo, pctText, screenshot, signUpViaUi, type Account } from "../support/e2e-browser";

const session = browserSession();
let page: Page;
let account: Account;
let demoId: string;

beforeAll(async () => {
  // Kolkata is UTC+5:30: a date rendered on the server in UTC would differ in the browser
  page = await session.page({ timezoneId: "Asia/Kolkata" });
});

describe("flow 1: sign up, the demo, sign out and in", () => {
  it("the home page leads a visitor to sign-up, which passes axe", async () => {
    await page.goto("/");
    await expect.poll(() => page.getByRole("heading", { name: "Branchpoint" }).isVisible()).toBe(true);
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL(/\/sign-up/);
    await expect.poll(() => page.getByRole("heading", { name: "Create your Branchpoint account" }).isVisible()).toBe(true);
    await expectAccessible(page, "sign-up");
    await screenshot(page, "sign-up");
  });

  it("sign-up lands on /scenarios with the welcome offering a copy of the demo", async () => {
    account = await signUpViaUi(page, "Nadia Field");
    expect(page.url()).toMatch(/\/scenarios\?welcome=1$/);
    const welcome = page.locator("section", { has: page.getByRole("heading", { name: "Welcome to Branchpoint, Nadia Field" }) });
    expect(await welcome.innerText()).toContain("Start with the demo");
    expect(await welcome.getByRole("button", { name: "Open a copy of the demo" }).count()).toBe(1);
    expect(await page.getByText("You are not a member of any scenario yet.").count()).toBe(1);
    await screenshot(page, "scenarios-welcome");
  });

  it("'Open a copy of the demo' shows Q1..Q4 with team percentages and ICD words", async () => {
    demoId = await openDemo(page);
    const scenario = await apiJson(page, "GET", `/api/v1/scenarios/${demoId}`);
    expect(scenario.questions).toHaveLength(4);
    expect(await page.getByRole("heading", { level: 1 }).first().innerText()).toBe(scenario.title);

    const blocks = page.getByTestId("question");
    expect(await blocks.count()).toBe(4);
    // Labels Q1..Q4 in order, each with its title.
    for (const [i, q] of (scenario.questions as any[]).entries()) {
      const heading = page.getByRole("heading", { level: 2, name: new RegExp(`^Q${i + 1}(?!\\d)`) });
      expect(await heading.innerText()).toContain(q.title);
    }

    // Every hypothesis row: the team percentage and its words, as the API computes them.
    let withEstimate = 0;
    for (const q of scenario.questions as any[]) {
      const block = page.locator(`[data-testid=question][aria-label="${q.title.replace(/"/g, '\\"')}"]`);
      for (const h of q.hypotheses) {
        const row = block.getByTestId("hypothesis-row").filter({ hasText: h.title }).first();
        expect(await row.getByTestId("team-probability").innerText()).toBe(pctText(h.probability));
        if (h.probability !== null) {
          withEstimate++;
          expect(await row.innerText()).toContain(icd203Words(h.probability));
        }
      }
    }
    expect(withEstimate).toBeGreaterThanOrEqual(5); // Q1, Q2 and Q4 carry the demo analysts' estimates

    // Q1 reads as the demo's two analysts see it: "No" more likely than "Yes".
    const q1 = scenario.questions[0];
    const [yes, no] = q1.hypotheses;
    expect(no.probability).toBeGreaterThan(yes.probability);
    const q1Block = blocks.first();
    expect(await q1Block.innerText()).toMatch(/2 analysts/);

    // Q3 is conditional: indented inside Q2's block, labelled "given …".
    const q3 = scenario.questions.find((q: any) => q.parentHypothesisId);
    const parent = scenario.questions.flatMap((q: any) => q.hypotheses).find((h: any) => h.id === q3.parentHypothesisId);
    const q3Block = page.locator(`[data-testid=question][aria-label="${q3.title}"]`);
    expect(await q3Block.getAttribute("class")).toContain("conditional");
    expect(await q3Block.innerText()).toContain(`given “${parent.title}”`);
    const [outer, inner] = await Promise.all([blocks.nth(1).boundingBox(), q3Block.boundingBox()]);
    expect(inner!.x).toBeGreaterThan(outer!.x + 16);

    // Outcomes with probabilities, and recent activity.
    expect(await page.getByTestId("outcome").count()).toBe(scenario.outcomes.length);
    expect(await page.getByTestId("activity").innerText()).toMatch(/Nadia Field opened this copy of the demo/);
    // listed as mine, marked as the demo
    await page.goto("/scenarios");
    const demoRow = page.getByRole("row", { name: /Russian Embassy/ });
    await demoRow.waitFor();
    expect(await demoRow.innerText()).toMatch(/demo/);
    expect(await demoRow.getByRole("cell").nth(1).innerText()).toBe("owner");
    await page.goto(`/scenarios/${demoId}`);
    await page.getByTestId("question").first().waitFor();
    await expectAccessible(page, "overview (demo)");
    await screenshot(page, "overview");
  });

  it("sign out → protected pages ask to sign in; a wrong password shows an error; the right one works", async () => {
    session.expectConsoleError(/status of 401/); // the refused sign-in, on purpose
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto(`/scenarios/${demoId}`);
    await page.waitForURL(/\/sign-in/);
    expect(await page.getByRole("heading", { name: "Sign in to Branchpoint" }).isVisible()).toBe(true);
    await expectAccessible(page, "sign-in");
    await screenshot(page, "sign-in");

    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    // (Next's route announcer is an empty role=alert too: take the one with text.)
    const alert = page.getByRole("alert").filter({ hasText: /\S/ });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/invalid|wrong|incorrect/i);
    expect(page.url()).toMatch(/\/sign-in/);

    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Back where the user was headed: the demo's overview.
    await page.waitForURL(new RegExp(`/scenarios/${demoId}$`));
    await expect.poll(() => page.getByTestId("question").count()).toBe(4);
    expect(await page.getByText(account.name, { exact: true }).first().isVisible()).toBe(true);
  });

  it("after signing in, a `next` that points to another site goes to the scenario list instead", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in/);
    for (const next of ["/\\evil.example", "/%09/evil.example", "/\\/evil.example", "//evil.example"]) {
      await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      await page.getByLabel("Email").fill(account.email);
      await page.getByLabel("Password").fill(account.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/scenarios$/);
      expect(new URL(page.url()).host, next).toBe(new URL(session.baseUrl).host);
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(/\/sign-in/);
    }
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/scenarios/);
  });

  it("a weak password is refused at the password field, saying why", async () => {
    session.expectConsoleError(/status of 400/);
    const other = await session.page();
    await other.goto("/sign-up");
    await other.getByLabel("Name").fill("Weak Walter");
    await other.getByLabel("Email").fill(`weak.${Date.now()}@example.test`);
    await other.getByLabel("Password").fill("password1");
    await other.getByRole("button", { name: "Create account" }).click();
    const why = other.locator("#password-error");
    await why.waitFor();
    expect(await why.innerText()).toMatch(/Choose a stronger password/);
    expect(await other.getByLabel("Password").getAttribute("aria-invalid")).toBe("true");
    expect(other.url()).toMatch(/\/sign-up/);
    await other.context().close();
  });

  it("a scenario I cannot open, and an unknown page, show a styled 404 with a way back", async () => {
    session.expectConsoleError(/status of 404/);
    for (const path of ["/scenarios/not-a-scenario-of-mine", "/no/such/page"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await page.getByRole("heading", { name: "Nothing here" }).waitFor();
      expect(await page.getByRole("link", { name: "Back to your scenarios" }).count()).toBe(1);
    }
    await expectAccessible(page, "not found");
    await screenshot(page, "not-found");
    // the favicon is served, at the address browsers ask for on their own too
    const icon = await page.request.get("/icon.svg");
    expect(icon.status()).toBe(200);
    const ico = await page.request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect(ico.headers()["content-type"]).toMatch(/^image\//);
  });
});
