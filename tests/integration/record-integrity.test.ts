// The record can be trusted: what an analyst enters is stored exactly or refused with a
// clear 4xx — resolutions are not re-resolved by accident, closed questions stay closed,
// conditional questions follow their condition, ratings can be cleared without inventing
// an NA, hypothesis titles stay distinct, dates stay plausible, imports keep estimates.
import { beforeEach, describe, expect, inject, it } from "vitest";
import type { ApiClient } from "../support/client";
import { signUp } from "../support/accounts";
import { estimate, expectOk, expectProblem, newEvidence, newQuestion, newScenario, showTeamFigures } from "../support/api";

const baseUrl = inject("baseUrl");

let a: ApiClient;

beforeEach(async () => {
  a = await signUp(baseUrl, "Rhea");
});

const view = async (id: string) => expectOk(await a.get(`/api/v1/scenarios/${id}`));
const quest = (v: any, id: string) => v.questions.find((q: any) => q.id === id);
const history = async (id: string) => expectOk(await a.get(`/api/v1/scenarios/${id}/history`)).items as any[];

/** Resolves once the wall clock has passed `iso` by a few ms, so the next write is strictly later. */
async function after(iso: string): Promise<void> {
  const t = Date.parse(iso) + 5;
  await expect.poll(() => Date.now() > t, { interval: 2, timeout: 5_000 }).toBe(true);
}

describe("resolving a question", () => {
  it("a resolved question answers 409 to a second resolution; a correction with a reason replaces the answer and keeps the first", async () => {
    const s = await newScenario(a, "Resolve once");
    const q = await newQuestion(a, s.id, "Who did it?", ["Group A", "Group B"]);
    const [ga, gb] = q.hypotheses;
    await estimate(a, q.id, { [ga.id]: 0.3, [gb.id]: 0.7 }, "leaning B");
    const first = expectOk(await a.post(`/api/v1/questions/${q.id}/resolution`, { hypothesisId: gb.id, note: "court verdict" }), 201);
    expect(first).toMatchObject({ hypothesisId: gb.id, annulled: false, correctionReason: null });

    // the accident from the review: a second resolve with another answer and an empty note
    const again = await a.post(`/api/v1/questions/${q.id}/resolution`, { hypothesisId: ga.id, note: "" });
    expectProblem(again, 409, "correction");
    expectProblem(await a.post(`/api/v1/questions/${q.id}/resolution`, { annulled: true }), 409, "correction");
    expectProblem(await a.post(`/api/v1/questions/${q.id}/resolution`, { hypothesisId: ga.id, correction: { reason: "oops" } }), 422, "correction.reason");
    expectProblem(await a.post(`/api/v1/questions/${q.id}/resolution`, { hypothesisId: gb.id, correction: { reason: "same answer again" } }), 422, "hypothesisId");
    let listed = expectOk(await a.get(`/api/v1/questions/${q.id}/resolution`)).items;
    expect(listed).toHaveLength(1);
    const scoresBefore = expectOk(await a.get(`/api/v1/scenarios/${s.id}/scores`)).items[0];
    expect(scoresBefore.resolution).toBe(gb.id);

    await after(first.createdAt);
    const fix = expectOk(
      await a.post(`/api/v1/questions/${q.id}/resolution`, { hypothesisId: ga.id, note: "appeal", correction: { reason: "The verdict was overturned on appeal." } }),
      201,
    );
    expect(fix).toMatchObject({ hypothesisId: ga.id, correctionReason: "The verdict was overturned on appeal." });
    listed = expectOk(await a.get(`/api/v1/questions/${q.id}/resolution`)).items;
    expect(listed.map((r: any) => r.hypothesisId)).toEqual([gb.id, ga.id]);
    // the tree shows the answer in force, dated when the question first closed
    const resolution = quest(await view(s.id), q.id).resolution;
    expect(resolution).toMatchObject({ hypothesisId: ga.id, corrected: true, at: first.createdAt });
    // scores use the newest answer
    const scores = expectOk(await a.get(`/api/v1/scenarios/${s.id}/scores`)).items[0];
    expect(scores.resolution).toBe(ga.id);
    // the audit log keeps both, the correction with what it replaced and why
    const events = (await history(s.id)).filter((e) => e.entityId === q.id && e.type.startsWith("question."));
    expect(events.map((e) => e.type)).toEqual(["question.created", "question.resolved", "question.resolution_corrected"]);
    expect(events[2]).toMatchObject({
      before: { hypothesisId: gb.id },
      after: { hypothesisId: ga.id, reason: "The verdict was overturned on appeal." },
    });
  });

  it("a correction on an open question is refused; annulling is resolving too", async () => {
    const s = await newScenario(a, "Open");
    const q = await newQuestion(a, s.id, "Open question", ["A", "B"]);
    expectProblem(await a.post(`/api/v1/questions/${q.id}/resolution`, { hypothesisId: q.hypotheses[0].id, correction: { reason: "nothing to correct here" } }), 422, "correction");
    expectOk(await a.post(`/api/v1/questions/${q.id}/resolution`, { annulled: true, note: "cannot be known" }), 201);
    expectProblem(await a.post(`/api/v1/questions/${q.id}/resolution`, { hypothesisId: q.hypotheses[0].id }), 409, "correction");
    expect(quest(await view(s.id), q.id).resolution).toMatchObject({ annulled: true, hypothesisId: null, automatic: false });
  });
});

describe("resolved and annulled questions are closed", () => {
  it("new estimates and new hypotheses answer 422 naming the rule; nothing is stored", async () => {
    const s = await newScenario(a, "Closed");
    const q = await newQuestion(a, s.id, "Closed question", ["Yes", "No"]);
    const [yes, no] = q.hypotheses;
    await estimate(a, q.id, { [yes.id]: 0.6, [no.id]: 0.4 });
    expectOk(await a.post(`/api/v1/questions/${q.id}/resolution`, { hypothesisId: yes.id }), 201);

    const est = await a.post(`/api/v1/questions/${q.id}/estimates`, { probabilities: { [yes.id]: 0.9, [no.id]: 0.1 }, rationale: "hindsight" });
    expectProblem(est, 422, "questionId");
    expect(est.body.detail).toMatch(/resolved to “Yes”.*estimates are closed/);
    const hyp = await a.post(`/api/v1/questions/${q.id}/hypotheses`, { title: "Maybe" });
    expectProblem(hyp, 422, "questionId");
    expect(hyp.body.detail).toMatch(/new hypotheses are closed/);
    expect(expectOk(await a.get(`/api/v1/questions/${q.id}/estimates`)).items).toHaveLength(1);
    expect(quest(await view(s.id), q.id).hypotheses).toHaveLength(2);

    const annulled = await newQuestion(a, s.id, "Annulled question", ["X", "Y"]);
    expectOk(await a.post(`/api/v1/questions/${annulled.id}/resolution`, { annulled: true }), 201);
    expectProblem(
      await a.post(`/api/v1/questions/${annulled.id}/estimates`, { probabilities: { [annulled.hypotheses[0].id]: 0.5, [annulled.hypotheses[1].id]: 0.5 }, rationale: "x" }),
      422,
      "questionId",
    );
  });
});

describe("conditional questions follow their condition", () => {
  it("resolving the parent to another answer annuls the child and its own children, audited and unscored; a correction reopens them", async () => {
    const s = await newScenario(a, "Tree");
    const parent = await newQuestion(a, s.id, "Had informants?", ["Had informants", "No sources"]);
    const [informants, none] = parent.hypotheses;
    const child = await newQuestion(a, s.id, "Why not shared?", ["Not actionable", "Withheld"], informants.id);
    const grandchild = await newQuestion(a, s.id, "Who decided?", ["Station", "HQ"], child.hypotheses[1].id);
    const sibling = await newQuestion(a, s.id, "How recruited?", ["Money", "Ideology"], none.id);
    await estimate(a, child.id, { [child.hypotheses[0].id]: 0.4, [child.hypotheses[1].id]: 0.6 });

    const r = expectOk(await a.post(`/api/v1/questions/${parent.id}/resolution`, { hypothesisId: none.id, note: "inquiry found none" }), 201);
    let v = await view(s.id);
    expect(quest(v, child.id).resolution).toMatchObject({ annulled: true, automatic: true });
    expect(quest(v, child.id).resolution.note).toContain("“Had informants?” resolved to “No sources”");
    expect(quest(v, grandchild.id).resolution).toMatchObject({ annulled: true, automatic: true });
    // the branch that came true stays open
    expect(quest(v, sibling.id).resolution).toBeNull();
    const auto = (await history(s.id)).filter((e) => e.type === "question.annulled");
    expect(auto.map((e) => e.entityId).sort()).toEqual([child.id, grandchild.id].sort());
    expect(auto[0]).toMatchObject({ actorId: a.user!.id, after: { automatic: true, causeQuestionId: expect.any(String) } });
    // not scored: listed as annulled
    const scores = expectOk(await a.get(`/api/v1/scenarios/${s.id}/scores`)).items;
    expect(scores.find((i: any) => i.questionId === child.id)).toMatchObject({ resolution: "annulled", team: { brier: null } });
    // and closed
    expectProblem(
      await a.post(`/api/v1/questions/${child.id}/estimates`, { probabilities: { [child.hypotheses[0].id]: 0.5, [child.hypotheses[1].id]: 0.5 }, rationale: "x" }),
      422,
      "questionId",
    );

    await after(r.createdAt);
    expectOk(await a.post(`/api/v1/questions/${parent.id}/resolution`, { hypothesisId: informants.id, correction: { reason: "A second inquiry found two informants." } }), 201);
    v = await view(s.id);
    expect(quest(v, child.id).resolution).toBeNull();
    expect(quest(v, grandchild.id).resolution).toBeNull();
    expect(quest(v, sibling.id).resolution).toMatchObject({ annulled: true, automatic: true });
    const reopened = (await history(s.id)).filter((e) => e.type === "question.reopened").map((e) => e.entityId);
    expect(reopened.sort()).toEqual([child.id, grandchild.id].sort());
  });

  it("a child resolved by hand is left as it is when the parent resolves against it", async () => {
    const s = await newScenario(a, "Manual child");
    const parent = await newQuestion(a, s.id, "Parent?", ["P1", "P2"]);
    const child = await newQuestion(a, s.id, "Child?", ["C1", "C2"], parent.hypotheses[0].id);
    expectOk(await a.post(`/api/v1/questions/${child.id}/resolution`, { hypothesisId: child.hypotheses[0].id }), 201);
    expectOk(await a.post(`/api/v1/questions/${parent.id}/resolution`, { hypothesisId: parent.hypotheses[1].id }), 201);
    expect(quest(await view(s.id), child.id).resolution).toMatchObject({ hypothesisId: child.hypotheses[0].id, automatic: false });
  });
});

describe("estimates are stored exactly as given", () => {
  it("10 / 60 / 20 / 10 is read back as 0.1 / 0.6 / 0.2 / 0.1", async () => {
    const s = await newScenario(a, "Exact");
    const q = await newQuestion(a, s.id, "Four ways", ["A", "B", "C", "D"]);
    const [h1, h2, h3, h4] = q.hypotheses.map((h: any) => h.id);
    const probabilities = { [h1]: 0.1, [h2]: 0.6, [h3]: 0.2, [h4]: 0.1 };
    await estimate(a, q.id, probabilities, "typed exactly");
    const items = expectOk(await a.get(`/api/v1/questions/${q.id}/estimates`)).items;
    expect(items[0].probabilities).toEqual(probabilities);
    const mine = quest(await view(s.id), q.id).hypotheses.map((h: any) => h.myProbability);
    expect(mine).toEqual([0.1, 0.6, 0.2, 0.1].map((p) => expect.closeTo(p, 9)));
  });
});

describe("clearing a rating", () => {
  it("consistency null appends a cleared row: unrated now and later, rated as before at earlier times", async () => {
    const s = await newScenario(a, "Clear");
    await showTeamFigures(a, s); // a reads team cells without having estimated
    const q = await newQuestion(a, s.id, "Q", ["H1", "H2"]);
    const [h1, h2] = q.hypotheses;
    const e = await newEvidence(a, s.id);
    const rated = expectOk(await a.put(`/api/v1/evidence/${e.id}/ratings`, { ratings: [{ hypothesisId: h1.id, consistency: "C" }, { hypothesisId: h2.id, consistency: "I" }] })).items;
    const ratedAt = rated.find((r: any) => r.hypothesisId === h1.id).createdAt;
    await after(ratedAt);

    const cleared = expectOk(await a.put(`/api/v1/evidence/${e.id}/ratings`, { ratings: [{ hypothesisId: h1.id, consistency: null }] })).items;
    expect(cleared.map((r: any) => r.hypothesisId)).toEqual([h2.id]);
    const now = expectOk(await a.get(`/api/v1/evidence/${e.id}/ratings`)).items;
    expect(now.map((r: any) => [r.hypothesisId, r.consistency])).toEqual([[h2.id, "I"]]);
    const then = expectOk(await a.get(`/api/v1/evidence/${e.id}/ratings?asOf=${encodeURIComponent(ratedAt)}`)).items;
    expect(then.find((r: any) => r.hypothesisId === h1.id)).toMatchObject({ consistency: "C" });

    const matrixNow = expectOk(await a.get(`/api/v1/scenarios/${s.id}/matrix?questionId=${q.id}`));
    const cellNow = matrixNow.evidence[0].cells.find((c: any) => c.hypothesisId === h1.id);
    expect(cellNow.mine).toBeNull();
    expect(cellNow.team).toMatchObject({ consistency: null, ratedBy: 0 });
    const matrixThen = expectOk(await a.get(`/api/v1/scenarios/${s.id}/matrix?questionId=${q.id}&asOf=${encodeURIComponent(ratedAt)}`));
    expect(matrixThen.evidence[0].cells.find((c: any) => c.hypothesisId === h1.id).mine).toMatchObject({ consistency: "C" });

    // the log records old → cleared; clearing an unrated cell changes nothing
    const ev = (await history(s.id)).filter((x) => x.type === "ratings.updated");
    expect(ev.at(-1)).toMatchObject({ before: [{ hypothesisId: h1.id, consistency: "C" }], after: [{ hypothesisId: h1.id, consistency: null }] });
    expectOk(await a.put(`/api/v1/evidence/${e.id}/ratings`, { ratings: [{ hypothesisId: h1.id, consistency: null }] }));
    expect((await history(s.id)).filter((x) => x.type === "ratings.updated")).toHaveLength(ev.length);
    // a cleared cell carries no likelihood
    expectProblem(await a.put(`/api/v1/evidence/${e.id}/ratings`, { ratings: [{ hypothesisId: h1.id, consistency: null, likelihood: 0.5 }] }), 422, "ratings.0.likelihood");
  });
});

describe("hypothesis titles", () => {
  it("two open hypotheses of one question may not share a title (case and white space ignored): 422 on create, add, rename and restore", async () => {
    const s = await newScenario(a, "Titles");
    const dup = await a.post(`/api/v1/scenarios/${s.id}/questions`, { title: "Q", hypotheses: [{ title: "Yes" }, { title: "  yes " }] });
    expectProblem(dup, 422, "hypotheses.1.title");
    expect((await view(s.id)).questions).toHaveLength(0);

    const q = await newQuestion(a, s.id, "Q", ["Yes", "No", "Maybe so"]);
    const [yes, no, maybe] = q.hypotheses;
    expectProblem(await a.post(`/api/v1/questions/${q.id}/hypotheses`, { title: "YES" }), 422, "title");
    expectProblem(await a.patch(`/api/v1/hypotheses/${no.id}`, { version: 1, title: " yes" }), 422, "title");
    // an archived hypothesis's title is free again — until the archived one is restored
    expectOk(await a.patch(`/api/v1/hypotheses/${maybe.id}`, { version: 1, status: "archived" }));
    const again = expectOk(await a.post(`/api/v1/questions/${q.id}/hypotheses`, { title: "maybe   SO" }), 201);
    expectProblem(await a.patch(`/api/v1/hypotheses/${maybe.id}`, { version: 2, status: "open" }), 422, "status");
    // renaming to itself (other case) is fine
    expectOk(await a.patch(`/api/v1/hypotheses/${yes.id}`, { version: 1, title: "YES" }));
    const titles = quest(await view(s.id), q.id).hypotheses.map((h: any) => [h.title, h.status]);
    expect(titles).toEqual([
      ["YES", "open"],
      ["No", "open"],
      ["Maybe so", "archived"],
      [again.title, "open"],
    ]);
  });

  it("archiving can be undone: restore reopens it, audited, with its history kept", async () => {
    const s = await newScenario(a, "Restore");
    const q = await newQuestion(a, s.id, "Q", ["A", "B", "C"]);
    const c = q.hypotheses[2];
    expectOk(await a.patch(`/api/v1/hypotheses/${c.id}`, { version: 1, status: "archived" }));
    const restored = expectOk(await a.patch(`/api/v1/hypotheses/${c.id}`, { version: 2, status: "open" }));
    expect(restored).toMatchObject({ status: "open", version: 3 });
    const types = (await history(s.id)).filter((e) => e.entityId === c.id).map((e) => e.type);
    expect(types).toEqual(["hypothesis.archived", "hypothesis.reopened"]);
  });
});

describe("no silent truncation or implausible dates", () => {
  it("a 343-character hypothesis is refused, not cut", async () => {
    const s = await newScenario(a, "Long");
    const long = "x".repeat(343);
    expectProblem(await a.post(`/api/v1/scenarios/${s.id}/questions`, { title: "Q", hypotheses: [{ title: long }, { title: "short" }] }), 422, "hypotheses.0.title");
    const q = await newQuestion(a, s.id, "Q", ["A", "B"]);
    expectProblem(await a.post(`/api/v1/questions/${q.id}/hypotheses`, { title: long }), 422, "title");
  });

  it("an occurredAt later than tomorrow is refused (422) on create and edit; within a day is fine", async () => {
    const s = await newScenario(a, "Dates");
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString();
    expectProblem(await a.post(`/api/v1/scenarios/${s.id}/evidence`, { summary: "From the future", reliability: "B", credibility: 2, occurredAt: future }), 422, "occurredAt");
    const e = await newEvidence(a, s.id, { occurredAt: new Date(Date.now() + 3_600_000).toISOString() });
    expectProblem(await a.patch(`/api/v1/evidence/${e.id}`, { version: 1, occurredAt: future }), 422, "occurredAt");
    expect(expectOk(await a.get(`/api/v1/evidence/${e.id}`)).version).toBe(1);
  });
});

describe("imports keep their estimates", () => {
  it("a document without forecasters rows still counts every estimate", async () => {
    const s = await newScenario(a, "Forecasters");
    const q = await newQuestion(a, s.id, "Q", ["A", "B"]);
    await estimate(a, q.id, { [q.hypotheses[0].id]: 0.8, [q.hypotheses[1].id]: 0.2 });
    const doc = expectOk(await a.get(`/api/v1/scenarios/${s.id}/export`));
    expect(doc.forecasters).toHaveLength(1);
    doc.forecasters = [];
    const copy = expectOk(await a.post("/api/v1/scenarios/import", doc), 201);
    expect(copy.questions[0].hypotheses.map((h: any) => h.probability)).toEqual([expect.closeTo(0.8, 9), expect.closeTo(0.2, 9)]);
    expect(copy.questions[0].analysts).toBe(1);
  });
});
