// The scenario tree over real HTTP: scenarios, questions (also conditional), hypotheses,
// outcomes, estimates, and the numbers a client reads back — team probability as the
// normalised geometric mean, outcome probability as the sum of path products — checked
// against values worked out by hand.
import { beforeEach, describe, expect, inject, it } from "vitest";
import type { ApiClient } from "../support/client";
import { signUp } from "../support/accounts";
import { estimate, expectOk, expectProblem, newQuestion, newScenario, invite } from "../support/api";

const baseUrl = inject("baseUrl");
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const close = (x: number) => expect.closeTo(x, 4);

let a: ApiClient;
let b: ApiClient;

beforeEach(async () => {
  [a, b] = await Promise.all([signUp(baseUrl, "Ann"), signUp(baseUrl, "Bert")]);
});

async function share(scenarioId: string, role: "owner" | "editor" | "viewer" = "editor") {
  await invite(a, scenarioId, b, role);
}
const view = async (c: ApiClient, id: string) => expectOk(await c.get(`/api/v1/scenarios/${id}`));
const hyp = (v: any, id: string) => v.questions.flatMap((q: any) => q.hypotheses).find((h: any) => h.id === id);
const quest = (v: any, id: string) => v.questions.find((q: any) => q.id === id);

describe("scenarios", () => {
  it("POST creates (201) with the documented shape; the creator is owner", async () => {
    const res = await a.post("/api/v1/scenarios", { title: "  Embassy attack  ", summary: "What happened?" });
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      title: "Embassy attack",
      summary: "What happened?",
      version: 1,
      role: "owner",
      createdAt: expect.stringMatching(ISO),
      updatedAt: expect.stringMatching(ISO),
      questions: [],
      outcomes: [],
    });
    const bare = await newScenario(a, "No summary");
    expect(bare.summary).toBe("");
    expect(await view(a, res.body.id)).toMatchObject({ id: res.body.id, title: "Embassy attack", version: 1 });
  });

  it("PATCH with the current version edits (version+1); a stale version is 409 and changes nothing", async () => {
    const s = await newScenario(a, "Old title", "Old summary");
    const ok = expectOk(await a.patch(`/api/v1/scenarios/${s.id}`, { version: 1, title: "New title" }));
    expect(ok).toMatchObject({ title: "New title", summary: "Old summary", version: 2 });

    const stale = await a.patch(`/api/v1/scenarios/${s.id}`, { version: 1, title: "Lost update" });
    expectProblem(stale, 409, "version");
    const after = await view(a, s.id);
    expect(after).toMatchObject({ title: "New title", summary: "Old summary", version: 2 });

    // concurrent edits against the same version: exactly one wins, the rest are 409
    const racers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => a.patch(`/api/v1/scenarios/${s.id}`, { version: 2, title: `Racer ${i}` })),
    );
    expect(racers.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of racers.filter((x) => x.status !== 200)) expectProblem(r, 409, "version");
    const winner = racers.find((r) => r.status === 200)!.body.title;
    expect(await view(a, s.id)).toMatchObject({ title: winner, version: 3 });

    expect(expectOk(await a.patch(`/api/v1/scenarios/${s.id}`, { version: 3, summary: "Fresh" }))).toMatchObject({
      summary: "Fresh",
      version: 4,
    });
  });
});

describe("questions and hypotheses", () => {
  it("creates root and conditional questions, adds a hypothesis, edits and archives with versions", async () => {
    const s = await newScenario(a, "Tree");
    const root = await newQuestion(a, s.id, "Inside help?", ["Yes", "No"]);
    expect(root).toMatchObject({ title: "Inside help?", parentHypothesisId: null, version: 1, description: "" });
    expect(root.hypotheses).toEqual([
      expect.objectContaining({ title: "Yes", status: "open", version: 1, questionId: root.id }),
      expect.objectContaining({ title: "No", status: "open", version: 1, questionId: root.id }),
    ]);
    const [yes] = root.hypotheses;
    const child = await newQuestion(a, s.id, "Given help, who?", ["Faction A", "Faction B"], yes.id);
    expect(child.parentHypothesisId).toBe(yes.id);

    const added = expectOk(await a.post(`/api/v1/questions/${child.id}/hypotheses`, { title: "Faction C", description: "late idea" }), 201);
    expect(added).toMatchObject({ questionId: child.id, title: "Faction C", description: "late idea", status: "open", version: 1 });

    const q2 = expectOk(await a.patch(`/api/v1/questions/${root.id}`, { version: 1, title: "Inside help from the Taliban?" }));
    expect(q2).toMatchObject({ title: "Inside help from the Taliban?", version: 2 });
    expectProblem(await a.patch(`/api/v1/questions/${root.id}`, { version: 1, title: "stale" }), 409, "version");

    const renamed = expectOk(await a.patch(`/api/v1/hypotheses/${added.id}`, { version: 1, title: "Faction C (foreign)" }));
    expect(renamed).toMatchObject({ title: "Faction C (foreign)", version: 2, status: "open" });
    const archived = expectOk(await a.patch(`/api/v1/hypotheses/${added.id}`, { version: 2, status: "archived" }));
    expect(archived).toMatchObject({ status: "archived", version: 3, title: "Faction C (foreign)" });
    // two open hypotheses are the minimum
    const [fa] = child.hypotheses;
    expectProblem(await a.patch(`/api/v1/hypotheses/${fa.id}`, { version: 1, status: "archived" }), 422, "status");

    const v = await view(a, s.id);
    expect(v.questions.map((q: any) => [q.id, q.parentHypothesisId])).toEqual([
      [root.id, null],
      [child.id, yes.id],
    ]);
    expect(quest(v, root.id).title).toBe("Inside help from the Taliban?");
    expect(quest(v, child.id).hypotheses.map((h: any) => [h.title, h.status])).toEqual([
      ["Faction A", "open"],
      ["Faction B", "open"],
      ["Faction C (foreign)", "archived"],
    ]);
    const got = expectOk(await a.get(`/api/v1/questions/${child.id}`));
    expect(got.hypotheses).toHaveLength(3);

    const types = expectOk(await a.get(`/api/v1/scenarios/${s.id}/history`)).items.map((e: any) => e.type);
    expect(types).toEqual(expect.arrayContaining(["question.created", "hypothesis.added", "question.updated", "hypothesis.updated", "hypothesis.archived"]));
  });

  it("outcomes: 201 within one tree (root and conditional hypotheses); spanning two root trees is 422", async () => {
    const s = await newScenario(a, "Outcomes");
    const q1 = await newQuestion(a, s.id, "Q1", ["A", "B"]);
    const q2 = await newQuestion(a, s.id, "Q2 given A", ["A1", "A2"], q1.hypotheses[0].id);
    const other = await newQuestion(a, s.id, "Unrelated root", ["X", "Y"]);

    const o = expectOk(
      await a.post(`/api/v1/scenarios/${s.id}/outcomes`, { title: "Cooperation", hypothesisIds: [q2.hypotheses[0].id, q1.hypotheses[1].id] }),
      201,
    );
    expect(o).toMatchObject({ title: "Cooperation", hypothesisIds: [q2.hypotheses[0].id, q1.hypotheses[1].id], version: 1 });

    const before = expectOk(await a.get(`/api/v1/scenarios/${s.id}/outcomes`));
    expectProblem(
      await a.post(`/api/v1/scenarios/${s.id}/outcomes`, { title: "Impossible", hypothesisIds: [q1.hypotheses[0].id, other.hypotheses[0].id] }),
      422,
      "hypothesisIds",
    );
    expect(expectOk(await a.get(`/api/v1/scenarios/${s.id}/outcomes`))).toEqual(before);
    const v = await view(a, s.id);
    expect(v.outcomes).toEqual([expect.objectContaining({ id: o.id, title: "Cooperation", probability: null })]);
  });
});

describe("estimates and aggregate probabilities", () => {
  it("team probability is the normalised geometric mean; myProbability is the caller's own", async () => {
    const s = await newScenario(a, "Pool");
    await share(s.id);
    const q = await newQuestion(a, s.id, "Q", ["H1", "H2"]);
    const [h1, h2] = q.hypotheses;

    const mine = await estimate(a, q.id, { [h1.id]: 0.8, [h2.id]: 0.2 }, "A's reasons");
    expect(mine).toMatchObject({ questionId: q.id, analystId: a.user!.id, probabilities: { [h1.id]: 0.8, [h2.id]: 0.2 }, rationale: "A's reasons", evidenceIds: [] });
    let v = await view(a, s.id);
    expect(hyp(v, h1.id)).toMatchObject({ probability: close(0.8), myProbability: close(0.8) });

    await estimate(b, q.id, { [h1.id]: 0.5, [h2.id]: 0.5 }, "B's reasons");
    // sqrt(.8·.5) = .632456, sqrt(.2·.5) = .316228; sum .948683 → .666667 / .333333
    v = await view(a, s.id);
    expect(hyp(v, h1.id)).toMatchObject({ probability: close(2 / 3), myProbability: close(0.8) });
    expect(hyp(v, h2.id)).toMatchObject({ probability: close(1 / 3), myProbability: close(0.2) });
    expect(quest(v, q.id).analysts).toBe(2);
    const vb = await view(b, s.id);
    expect(hyp(vb, h1.id)).toMatchObject({ probability: close(2 / 3), myProbability: close(0.5) });

    // a newer estimate replaces the analyst's standing one: A {.5,.5} → both .5
    await estimate(a, q.id, { [h1.id]: 0.5, [h2.id]: 0.5 });
    v = await view(a, s.id);
    expect(hyp(v, h1.id).probability).toBeCloseTo(0.5, 6);
    expect(expectOk(await a.get(`/api/v1/questions/${q.id}/estimates`)).items).toHaveLength(3);
  });

  it("an outcome's probability is the sum over its paths of the products down the tree", async () => {
    const s = await newScenario(a, "Paths");
    const q1 = await newQuestion(a, s.id, "Root", ["Yes", "No"]);
    const [yes, no] = q1.hypotheses;
    const q2 = await newQuestion(a, s.id, "Given yes", ["C1", "C2"], yes.id);
    const [c1, c2] = q2.hypotheses;
    const post = async (title: string, ids: string[]) => expectOk(await a.post(`/api/v1/scenarios/${s.id}/outcomes`, { title, hypothesisIds: ids }), 201);
    const o1 = await post("Through C1", [c1.id]);
    const o2 = await post("Through C2 or No", [c2.id, no.id]);
    const o3 = await post("Yes and C1 (ancestor covers)", [yes.id, c1.id]);

    await estimate(a, q1.id, { [yes.id]: 0.6, [no.id]: 0.4 });
    let v = await view(a, s.id);
    // the conditional question has no estimate yet: paths through it are unknown
    expect(v.outcomes.find((o: any) => o.id === o1.id).probability).toBeNull();
    expect(v.outcomes.find((o: any) => o.id === o3.id).probability).toBeCloseTo(0.6, 6);

    await estimate(a, q2.id, { [c1.id]: 0.25, [c2.id]: 0.75 });
    v = await view(a, s.id);
    const p = (id: string) => v.outcomes.find((o: any) => o.id === id).probability;
    expect(p(o1.id)).toBeCloseTo(0.6 * 0.25, 6); // .15
    expect(p(o2.id)).toBeCloseTo(0.6 * 0.75 + 0.4, 6); // .85
    expect(p(o3.id)).toBeCloseTo(0.6, 6);
    expect(hyp(v, c1.id).probability).toBeCloseTo(0.25, 6); // conditional, not the path product
  });

  it("a stale estimate does not veto a hypothesis it never saw; it is flagged for review", async () => {
    const s = await newScenario(a, "Late hypothesis");
    await share(s.id);
    const q = await newQuestion(a, s.id, "Q", ["H1", "H2"]);
    const [h1, h2] = q.hypotheses;
    await estimate(a, q.id, { [h1.id]: 0.5, [h2.id]: 0.5 });
    expect(quest(await view(a, s.id), q.id).myEstimate).toMatchObject({ at: expect.stringMatching(ISO), needsReview: false });

    const h3 = expectOk(await a.post(`/api/v1/questions/${q.id}/hypotheses`, { title: "H3" }), 201);
    // nobody has estimated H3 yet: the team has no figure for it, the others stand as they were
    let v = await view(a, s.id);
    expect(hyp(v, h3.id).probability).toBeNull();
    expect(hyp(v, h1.id).probability).toBeCloseTo(0.5, 6);
    expect(hyp(v, h3.id).myProbability).toBeNull();
    expect(quest(v, q.id).myEstimate.needsReview).toBe(true);

    // the review's example: A's stale {.5, .5} pooled with B's fresh {.3, .3, .4}. Each
    // hypothesis is pooled over the analysts who gave it: H1, H2 = √(.5·.3) = .387298,
    // H3 = .4 (B alone); normalised H3 = .4 / (2·.387298 + .4) = .340503 — not 0.81 %.
    await estimate(b, q.id, { [h1.id]: 0.3, [h2.id]: 0.3, [h3.id]: 0.4 });
    v = await view(a, s.id);
    const g = Math.sqrt(0.5 * 0.3);
    const t = 2 * g + 0.4;
    expect(hyp(v, h3.id).probability).toBeCloseTo(0.4 / t, 6);
    expect(hyp(v, h3.id).probability).toBeGreaterThan(0.3);
    expect(hyp(v, h3.id).probability).toBeLessThan(0.4);
    expect(hyp(v, h1.id).probability).toBeCloseTo(g / t, 6);
    expect(quest(v, q.id).myEstimate.needsReview).toBe(true);
    expect(quest(v, q.id).analysts).toBe(2);

    // an estimate must now cover H3 too; reviewing clears the flag
    expectProblem(await a.post(`/api/v1/questions/${q.id}/estimates`, { probabilities: { [h1.id]: 0.8, [h2.id]: 0.2 }, rationale: "old" }), 422, `probabilities.${h3.id}`);
    await estimate(a, q.id, { [h1.id]: 0.6, [h2.id]: 0.2, [h3.id]: 0.2 }, "reviewed");
    v = await view(a, s.id);
    expect(quest(v, q.id).myEstimate.needsReview).toBe(false);
    expect(quest(await view(b, s.id), q.id).myEstimate.needsReview).toBe(false);
    // A {.6,.2,.2}, B {.3,.3,.4}: √.18, √.06, √.08
    const f = [Math.sqrt(0.18), Math.sqrt(0.06), Math.sqrt(0.08)];
    const ft = f[0]! + f[1]! + f[2]!;
    expect(hyp(v, h1.id).probability).toBeCloseTo(f[0]! / ft, 6);
    expect(hyp(v, h3.id).probability).toBeCloseTo(f[2]! / ft, 6);
  });

  it("an archived hypothesis drops out and standing estimates are renormalised over the open ones", async () => {
    const s = await newScenario(a, "Archive");
    await share(s.id);
    const q = await newQuestion(a, s.id, "Q", ["H1", "H2", "H3"]);
    const [h1, h2, h3] = q.hypotheses;
    await estimate(a, q.id, { [h1.id]: 0.5, [h2.id]: 0.3, [h3.id]: 0.2 });
    await estimate(b, q.id, { [h1.id]: 0.2, [h2.id]: 0.2, [h3.id]: 0.6 });

    expectOk(await a.patch(`/api/v1/hypotheses/${h3.id}`, { version: 1, status: "archived" }));
    const v = await view(a, s.id);
    // A → {.625, .375}, B → {.5, .5}; geometric: sqrt(.3125), sqrt(.1875)
    const g1 = Math.sqrt(0.625 * 0.5);
    const g2 = Math.sqrt(0.375 * 0.5);
    expect(hyp(v, h1.id)).toMatchObject({ status: "open", probability: close(g1 / (g1 + g2)), myProbability: close(0.625) });
    expect(hyp(v, h2.id)).toMatchObject({ status: "open", probability: close(g2 / (g1 + g2)), myProbability: close(0.375) });
    expect(hyp(v, h3.id)).toMatchObject({ status: "archived", probability: null, myProbability: null });
    expect(quest(v, q.id).myEstimate.needsReview).toBe(false);

    // estimates now name only the open hypotheses
    expectProblem(
      await a.post(`/api/v1/questions/${q.id}/estimates`, { probabilities: { [h1.id]: 0.5, [h2.id]: 0.3, [h3.id]: 0.2 }, rationale: "x" }),
      422,
      `probabilities.${h3.id}`,
    );
    await estimate(a, q.id, { [h1.id]: 0.9, [h2.id]: 0.1 });
    expect(hyp(await view(a, s.id), h1.id).myProbability).toBeCloseTo(0.9, 6);
  });
});
