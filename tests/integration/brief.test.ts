// The brief over HTTP: Markdown whose figures are the ones the scenario view, the matrix and
// the scores return for the same moment; what moved since a time, with rationales and
// evidence; viewers read it, non-members get 404, anonymous callers 401; independent
// judgments withhold a question's figures from an analyst who has not estimated it; a bad
// `since` is a problem naming the field.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/client";
import { signUp } from "../support/accounts";
import { estimate, expectOk, expectProblem, invite, newEvidence, newQuestion, newScenario, sleep } from "../support/api";

const baseUrl = inject("baseUrl");

let owner: ApiClient;
let analyst: ApiClient;
let viewer: ApiClient;
let newcomer: ApiClient;
let outsider: ApiClient;
let sid: string;
let q1: any;
let q2: any;
let evidence: any;
let firstAt: string;
let between: string;

/** The same percentage the overview prints (lib/client/format.ts pct). */
const pct = (p: number) => `${(p * 100).toFixed(0)} %`;

const brief = async (c: ApiClient, query = "") => {
  const res = await c.get(`/api/v1/scenarios/${sid}/brief${query}`);
  expect(res.status, String(res.body).slice(0, 500)).toBe(200);
  return res.body as string;
};

/** The `### Qn · title` block of one question inside the `## title` section. */
function block(md: string, section: string, title: string): string {
  const s = md.split(`\n## ${section}`)[1]!.split("\n## ")[0]!;
  const start = s.indexOf(` · ${title}\n`);
  expect(start, `${section} / ${title}`).toBeGreaterThan(0);
  const rest = s.slice(start);
  const end = rest.indexOf("\n### ");
  return end < 0 ? rest : rest.slice(0, end);
}

beforeAll(async () => {
  [owner, analyst, viewer, newcomer, outsider] = (await Promise.all(["Olga Brief", "Ari Brief", "Vic Brief", "Nia Brief", "Out Brief"].map((n) => signUp(baseUrl, n)))) as [
    ApiClient,
    ApiClient,
    ApiClient,
    ApiClient,
    ApiClient,
  ];
  sid = (await newScenario(owner, "Embassy | brief", "What the team judges.")).id;
  await invite(owner, sid, analyst, "editor");
  await invite(owner, sid, viewer, "viewer");
  await invite(owner, sid, newcomer, "editor");
  q1 = await newQuestion(owner, sid, "Inside help?", ["Yes", "No"]);
  q2 = await newQuestion(owner, sid, "Why silent?", ["Not credible", "Too late"], q1.hypotheses[0].id);
  evidence = await newEvidence(owner, sid, { summary: "Guard waved him through", reliability: "B", credibility: 2 });
  expectOk(await owner.put(`/api/v1/evidence/${evidence.id}/ratings`, { ratings: [{ hypothesisId: q1.hypotheses[0].id, consistency: "CC" }, { hypothesisId: q1.hypotheses[1].id, consistency: "I" }] }));
  const first = await estimate(owner, q1.id, { [q1.hypotheses[0].id]: 0.6, [q1.hypotheses[1].id]: 0.4 }, "first look");
  firstAt = first.createdAt;
  await estimate(analyst, q1.id, { [q1.hypotheses[0].id]: 0.8, [q1.hypotheses[1].id]: 0.2 }, "the guard");
  await estimate(owner, q2.id, { [q2.hypotheses[0].id]: 0.3, [q2.hypotheses[1].id]: 0.7 }, "timing");
  await sleep(30);
  between = new Date().toISOString();
  await sleep(30);
  // after `between`: the owner changes their mind, on the evidence
  await estimate(owner, q1.id, { [q1.hypotheses[0].id]: 0.75, [q1.hypotheses[1].id]: 0.25 }, "the guard's story falls apart", [evidence.id]);
});

describe("GET /api/v1/scenarios/{id}/brief", () => {
  it("is Markdown with the percentages, words and spread the scenario view gives for now", async () => {
    const res = await owner.get(`/api/v1/scenarios/${sid}/brief?format=markdown`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('inline; filename="embassy-brief.brief.md"');
    const md = res.body as string;
    expect(md.startsWith("# Embassy \\| brief — brief\n\nWhat the team judges.\n")).toBe(true);

    const view = expectOk(await owner.get(`/api/v1/scenarios/${sid}`));
    const v1 = view.questions.find((q: any) => q.id === q1.id);
    const [yes, no] = v1.hypotheses;
    // (.75·.8)^½ : (.25·.2)^½ → .776 : .224
    expect(yes.probability).toBeCloseTo(0.776, 3);
    const q1Block = block(md, "Key judgments", "Inside help?");
    expect(q1Block).toContain(`**“Yes” is likely (${pct(yes.probability)}).**`);
    expect(q1Block).toContain(`| Yes | ${pct(yes.probability)} | likely | 75 %–80 % |`);
    expect(q1Block).toContain(`| No | ${pct(no.probability)} | unlikely | 20 %–25 % |`);
    expect(q1Block).toContain("2 analysts · spread low");

    const v2 = view.questions.find((q: any) => q.id === q2.id);
    expect(block(md, "Key judgments", "Why silent?")).toContain(`**Given “Yes” (Q1): “Too late” is likely (${pct(v2.hypotheses[1].probability)}).**`);
  });

  it("lists the most diagnostic evidence with its grade and the matrix's bits", async () => {
    const md = await brief(owner);
    const matrix = expectOk(await owner.get(`/api/v1/scenarios/${sid}/matrix?questionId=${q1.id}`));
    const row = matrix.evidence.find((e: any) => e.id === evidence.id);
    expect(row.teamDiagnosticity).toBeGreaterThan(0);
    expect(block(md, "Most diagnostic evidence", "Inside help?")).toContain(`| Guard waved him through | B2 | ${row.teamDiagnosticity.toFixed(1)} bits | CC Yes · I No |`);
  });

  it("describes a past moment with the figures the view gives as of then", async () => {
    const md = await brief(owner, `?asOf=${encodeURIComponent(between)}`);
    const view = expectOk(await owner.get(`/api/v1/scenarios/${sid}?asOf=${encodeURIComponent(between)}`));
    const yes = view.questions.find((q: any) => q.id === q1.id).hypotheses[0];
    // (.6·.8)^½ : (.4·.2)^½ → .710
    expect(yes.probability).toBeCloseTo(0.7101, 4);
    expect(block(md, "Key judgments", "Inside help?")).toContain(`| Yes | ${pct(yes.probability)} | likely | 60 %–80 % |`);
    expect(md).toContain("*As it stood on ");
    // before anything was in the scenario
    const empty = await brief(owner, "?asOf=2020-01-01");
    expect(empty).toContain("No questions yet.");
  });

  it("says what moved since `since`, and why: the team, the analyst, the rationale and the evidence", async () => {
    const md = await brief(owner, `?since=${encodeURIComponent(between)}`);
    const then = expectOk(await owner.get(`/api/v1/scenarios/${sid}?asOf=${encodeURIComponent(between)}`)).questions.find((q: any) => q.id === q1.id).hypotheses[0].probability;
    const now = expectOk(await owner.get(`/api/v1/scenarios/${sid}`)).questions.find((q: any) => q.id === q1.id).hypotheses[0].probability;
    const moved = block(md, "What moved since", "Inside help?");
    expect(moved).toContain(`- **Team:** Yes ${pct(then)} → ${pct(now)} (▲${Math.round((now - then) * 100)})`);
    expect(moved).toContain("- **Olga Brief** (");
    expect(moved).toContain("Yes 60 % → 75 % (▲15), No 40 % → 25 % (▼15)");
    expect(moved).toContain("  - Rationale: “the guard's story falls apart”");
    expect(moved).toContain("  - Evidence: Guard waved him through (B2)");
    // the conditional question did not move in the window
    expect(md.split("\n## What moved")[1]!.split("\n## ")[0]).not.toContain("Why silent?");

    // a window in which nothing happened
    const quiet = await brief(owner, `?asOf=${encodeURIComponent(between)}&since=${encodeURIComponent(new Date(Date.parse(between) - 10).toISOString())}`);
    expect(quiet).toMatch(/Nothing moved between .* UTC and .* UTC\./);
    // the window's start is the state compared against: the first estimates are new since before them
    const all = await brief(owner, `?asOf=${encodeURIComponent(between)}&since=${encodeURIComponent(new Date(Date.parse(firstAt) - 1).toISOString())}`);
    expect(block(all, "What moved since", "Inside help?")).toContain("- **Ari Brief** (");
  });

  it("is for members: a viewer reads it, a non-member gets 404, an anonymous caller 401", async () => {
    const mine = await brief(owner);
    const theirs = await brief(viewer);
    // a viewer sees the team's figures (independent judgments bind those who can estimate)
    expect(block(theirs, "Key judgments", "Inside help?")).toEqual(block(mine, "Key judgments", "Inside help?"));
    expectProblem(await outsider.get(`/api/v1/scenarios/${sid}/brief`), 404);
    expectProblem(await new ApiClient(baseUrl).get(`/api/v1/scenarios/${sid}/brief`), 401);
    expectProblem(await owner.get(`/api/v1/scenarios/no-such-scenario/brief`), 404);
    expect((await viewer.post(`/api/v1/scenarios/${sid}/brief`, {})).status).toBe(405);
  });

  it("withholds a question's figures from an analyst who has not estimated it, and says so", async () => {
    const md = await brief(newcomer, `?since=${encodeURIComponent(between)}`);
    const hidden = block(md, "Key judgments", "Inside help?");
    expect(hidden).toContain("*Team figures withheld: independent judgments are on");
    expect(hidden).not.toMatch(/%|spread/);
    // the changes (like GET …/diff) leave out a question hidden from the reader altogether
    expect(md.split("\n## What moved since")[1]!.split("\n## ")[0]).not.toContain("Inside help?");
    expect(block(md, "Most diagnostic evidence", "Inside help?")).toContain("Withheld until you have made your own estimate");
    expect(md).not.toContain("the guard's story falls apart");

    // once they have estimated, the figures are theirs to see
    await estimate(newcomer, q1.id, { [q1.hypotheses[0].id]: 0.5, [q1.hypotheses[1].id]: 0.5 }, "even");
    const after = await brief(newcomer);
    const view = expectOk(await newcomer.get(`/api/v1/scenarios/${sid}`));
    const yes = view.questions.find((q: any) => q.id === q1.id).hypotheses[0];
    expect(block(after, "Key judgments", "Inside help?")).toContain(`| Yes | ${pct(yes.probability)} |`);
    expect(block(after, "Key judgments", "Inside help?")).toContain("3 analysts · spread");
  });

  it("lists indicators, assumptions, resolutions and the scores page's figures", async () => {
    const i = expectOk(await owner.post(`/api/v1/hypotheses/${q1.hypotheses[0].id}/indicators`, { title: "Guard questioned", direction: "supports" }), 201);
    expectOk(await owner.patch(`/api/v1/indicators/${i.id}`, { version: i.version, status: "observed", evidenceIds: [evidence.id] }));
    const a = expectOk(await owner.post(`/api/v1/questions/${q1.id}/assumptions`, { statement: "The guard was on duty" }), 201);
    expectOk(await owner.patch(`/api/v1/assumptions/${a.id}`, { version: a.version, status: "caveated", note: "one source" }));
    expectOk(await owner.post(`/api/v1/questions/${q2.id}/resolution`, { hypothesisId: q2.hypotheses[1].id, note: "Cable arrived after" }), 201);
    const md = await brief(viewer);
    expect(md).toContain("### Observed (1)\n\n- **Guard questioned** — would support “Yes” (Q1); observed since ");
    expect(md).toContain("  - Evidence: Guard waved him through (B2)");
    expect(block(md, "Key assumptions", "Inside help?")).toContain("- **Caveated:** The guard was on duty — *one source*");
    const scores = expectOk(await viewer.get(`/api/v1/scenarios/${sid}/scores`));
    const item = scores.items.find((s: any) => s.questionId === q2.id);
    const resolved = block(md, "Resolutions and scores", "Why silent?");
    expect(resolved).toContain("Resolved: “Too late” on ");
    expect(resolved).toContain("Cable arrived after");
    expect(resolved).toContain(`| **Team** (1) | ${item.team.brier.toFixed(3)} | ${item.team.logScore.toFixed(3)} | ${item.team.timeAveragedBrier.toFixed(3)} | — |`);
    expect(resolved).toContain(`| Olga Brief | ${item.analysts[0].brier.toFixed(3)} |`);
  });

  it("refuses a bad query naming the field: `since` not before `asOf` or now, not a date; an unknown format", async () => {
    const cases: [string, string][] = [
      ["?since=2022-01-02&asOf=2022-01-01", "since"],
      ["?since=2022-01-01&asOf=2022-01-01", "since"],
      [`?since=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`, "since"],
      ["?since=yesterday", "since"],
      ["?asOf=0", "asOf"],
      ["?format=pdf", "format"],
      ["?method=loud", "method"],
    ];
    for (const [query, path] of cases) {
      const res = await owner.get(`/api/v1/scenarios/${sid}/brief${query}`);
      expectProblem(res, 422, path);
    }
  });
});
