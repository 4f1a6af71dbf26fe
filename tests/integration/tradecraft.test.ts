// Questions that can be resolved fairly, independent judgments and the team person by person,
// over real HTTP: resolution criteria and resolve-by dates kept with history and flagged
// overdue; while a scenario's independentElicitation is on, an analyst who has not estimated
// a question sees none of its figures (tree, estimates, standing, matrix) until they do,
// viewers see everything, and a resolved question hides nothing.
import { beforeEach, describe, expect, inject, it } from "vitest";
import type { ApiClient } from "../support/client";
import { signUp } from "../support/accounts";
import { estimate, expectOk, expectProblem, invite, newEvidence, newQuestion, newScenario } from "../support/api";

const baseUrl = inject("baseUrl");

let owner: ApiClient;
let editor: ApiClient;
let viewer: ApiClient;
let s: any;

beforeEach(async () => {
  owner = await signUp(baseUrl, "Olga");
  editor = await signUp(baseUrl, "Emil");
  viewer = await signUp(baseUrl, "Vera");
  s = await newScenario(owner, "Tradecraft case");
  await invite(owner, s.id, editor, "editor");
  await invite(owner, s.id, viewer, "viewer");
});

const view = async (c: ApiClient, asOf?: string) => expectOk(await c.get(`/api/v1/scenarios/${s.id}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ""}`));
const quest = (v: any, id: string) => v.questions.find((q: any) => q.id === id);

/** Resolves once the wall clock has passed `iso` by a few ms, so the next write is strictly later. */
async function after(iso: string): Promise<void> {
  const t = Date.parse(iso) + 5;
  await expect.poll(() => Date.now() > t, { interval: 2, timeout: 5_000 }).toBe(true);
}

describe("questions that can be resolved fairly", () => {
  it("carry resolution criteria and a resolve-by date, kept with history, and are flagged overdue past it while open", async () => {
    const created = expectOk(
      await owner.post(`/api/v1/scenarios/${s.id}/questions`, {
        title: "Did a Taliban faction facilitate the attack?",
        resolutionCriteria: "Yes if a UN monitoring report names a faction",
        resolveBy: "2031-01-01T00:00:00Z",
        hypotheses: [{ title: "Yes" }, { title: "No" }],
      }),
      201,
    );
    expect(created).toMatchObject({ resolutionCriteria: "Yes if a UN monitoring report names a faction", resolveBy: "2031-01-01T00:00:00.000Z", version: 1 });
    expect(quest(await view(owner), created.id)).toMatchObject({ resolutionCriteria: "Yes if a UN monitoring report names a faction", overdue: false });
    await after(created.createdAt);

    const patched = expectOk(await owner.patch(`/api/v1/questions/${created.id}`, { version: 1, resolutionCriteria: "Yes if two independent reports name a faction", resolveBy: "2022-10-01" }));
    expect(patched).toMatchObject({ resolutionCriteria: "Yes if two independent reports name a faction", resolveBy: "2022-10-01T00:00:00.000Z", version: 2 });
    // past its date and unresolved: overdue, for every member
    for (const c of [owner, editor, viewer]) expect(quest(await view(c), created.id)).toMatchObject({ overdue: true, resolveBy: "2022-10-01T00:00:00.000Z" });
    // as it stood before the edit: the first criteria, not overdue
    expect(quest(await view(owner, created.createdAt), created.id)).toMatchObject({ resolutionCriteria: "Yes if a UN monitoring report names a faction", resolveBy: "2031-01-01T00:00:00.000Z", overdue: false });
    const history = expectOk(await owner.get(`/api/v1/scenarios/${s.id}/history`)).items.filter((e: any) => e.type === "question.updated");
    expect(history[0]).toMatchObject({
      before: { resolutionCriteria: "Yes if a UN monitoring report names a faction", resolveBy: "2031-01-01T00:00:00.000Z" },
      after: { resolutionCriteria: "Yes if two independent reports name a faction", resolveBy: "2022-10-01T00:00:00.000Z" },
    });

    // cleared back to open-ended; resolving ends "overdue" too
    expectOk(await owner.patch(`/api/v1/questions/${created.id}`, { version: 2, resolveBy: null }));
    expect(quest(await view(owner), created.id)).toMatchObject({ resolveBy: null, overdue: false });
    expectOk(await owner.patch(`/api/v1/questions/${created.id}`, { version: 3, resolveBy: "2022-10-01" }));
    expectOk(await owner.post(`/api/v1/questions/${created.id}/resolution`, { hypothesisId: created.hypotheses[1].id }), 201);
    expect(quest(await view(owner), created.id).overdue).toBe(false);
  });

  it("refuses a resolve-by that is not a date and criteria that are too long, naming the field, changing nothing", async () => {
    const q = await newQuestion(owner, s.id, "Q", ["A", "B"]);
    expectProblem(await owner.patch(`/api/v1/questions/${q.id}`, { version: 1, resolveBy: "next spring" }), 422, "resolveBy");
    expectProblem(await owner.patch(`/api/v1/questions/${q.id}`, { version: 1, resolutionCriteria: "x".repeat(10_001) }), 422, "resolutionCriteria");
    expectProblem(await owner.post(`/api/v1/scenarios/${s.id}/questions`, { title: "R", resolveBy: 5, hypotheses: [{ title: "A" }, { title: "B" }] }), 400, "resolveBy");
    expectProblem(await viewer.patch(`/api/v1/questions/${q.id}`, { version: 1, resolutionCriteria: "mine" }), 403);
    expect(quest(await view(owner), q.id)).toMatchObject({ version: 1, resolutionCriteria: "", resolveBy: null });
  });
});

describe("independent judgments", () => {
  it("are on for a new scenario and off for the demo copy; only an owner switches them", async () => {
    expect(s.independentElicitation).toBe(true);
    expect((await view(editor)).independentElicitation).toBe(true);
    expectProblem(await editor.patch(`/api/v1/scenarios/${s.id}`, { version: 1, independentElicitation: false }), 403);
    expectProblem(await owner.patch(`/api/v1/scenarios/${s.id}`, { version: 1, independentElicitation: "no" }), 400, "independentElicitation");
    expect(expectOk(await owner.patch(`/api/v1/scenarios/${s.id}`, { version: 1, independentElicitation: false }))).toMatchObject({ independentElicitation: false, version: 2 });
    const demo = expectOk(await owner.post("/api/v1/scenarios/demo", {}), 201);
    expect(demo.independentElicitation).toBe(false);
  });

  it("hide the team's figures from an analyst until their first estimate; viewers see everything", async () => {
    const q = await newQuestion(owner, s.id, "Did an agency withhold a warning?", ["Withheld", "Shared", "Had none"]);
    const [withheld, shared, none] = q.hypotheses;
    const e = await newEvidence(owner, s.id, { summary: "Embassy guards were not told" });
    expectOk(await owner.put(`/api/v1/evidence/${e.id}/ratings`, { ratings: [{ hypothesisId: withheld.id, consistency: "C" }, { hypothesisId: shared.id, consistency: "I" }] }));
    const first = await estimate(owner, q.id, { [withheld.id]: 0.6, [shared.id]: 0.3, [none.id]: 0.1 }, "no warning reached the embassy", [e.id]);

    // the editor has not estimated: nothing of the team's shows, anywhere
    const hidden = quest(await view(editor), q.id);
    expect(hidden.teamHidden).toBe(true);
    expect(hidden.hypotheses.map((h: any) => h.probability)).toEqual([null, null, null]);
    expect(hidden.disagreement).toBeNull();
    expect(expectOk(await editor.get(`/api/v1/questions/${q.id}/estimates`)).items).toEqual([]);
    expect(expectOk(await editor.get(`/api/v1/questions/${q.id}/estimates?analystId=${owner.user!.id}`)).items).toEqual([]);
    expect(expectOk(await editor.get(`/api/v1/questions/${q.id}/standing`)).items).toEqual([]);
    const matrix = expectOk(await editor.get(`/api/v1/scenarios/${s.id}/matrix?questionId=${q.id}`));
    expect(matrix.teamHidden).toBe(true);
    expect(matrix.evidence[0].cells.map((c: any) => c.team)).toEqual([null, null, null]);
    expect(matrix.hypotheses.map((h: any) => h.teamImpliedProbability)).toEqual([null, null, null]);

    // …nor in the history chart, the changes, the audit log, what-if, or an export
    expect(expectOk(await editor.get(`/api/v1/questions/${q.id}/series`))).toMatchObject({ teamHidden: true, team: [], analysts: [], rationales: [] });
    const judged = (items: any[]) => items.filter((e) => e.type === "estimate.created" || e.type === "ratings.updated");
    const logged = judged(expectOk(await editor.get(`/api/v1/scenarios/${s.id}/history`)).items);
    expect(logged).toHaveLength(2);
    for (const e of logged) {
      expect(e.after).toEqual({ questionId: q.id, withheld: true });
      expect(e.summary).toMatch(/withheld until you record your own estimate$/);
      expect(e.summary).not.toMatch(/%|no warning reached/);
    }
    const now = encodeURIComponent(new Date().toISOString());
    const diff = expectOk(await editor.get(`/api/v1/scenarios/${s.id}/diff?from=2020-01-01&to=${now}`));
    expect(diff.questions.map((x: any) => x.questionId)).not.toContain(q.id);
    expect(judged(diff.items)).toEqual([]);
    expectProblem(await editor.get(`/api/v1/questions/${q.id}/sensitivity`), 403);
    expectOk(await editor.get(`/api/v1/questions/${q.id}/sensitivity?scope=mine`));
    expectProblem(await editor.get(`/api/v1/scenarios/${s.id}/export`), 403);
    // the viewer reads the log with its figures, and may export
    expect(judged(expectOk(await viewer.get(`/api/v1/scenarios/${s.id}/history`)).items).find((e) => e.type === "estimate.created").summary).toMatch(/60 %/);
    expectOk(await viewer.get(`/api/v1/scenarios/${s.id}/export`));

    // the owner (who has estimated) and the viewer (who cannot) see the team
    for (const c of [owner, viewer]) {
      const seen = quest(await view(c), q.id);
      expect(seen.teamHidden).toBe(false);
      expect(seen.hypotheses.map((h: any) => h.probability)).toEqual([0.6, 0.3, 0.1].map((p) => expect.closeTo(p, 9)));
      expect(expectOk(await c.get(`/api/v1/questions/${q.id}/standing`)).items).toHaveLength(1);
    }

    // after the editor's first estimate everything shows — but not as of a time before it
    await after(first.createdAt);
    const own = await estimate(editor, q.id, { [withheld.id]: 0.2, [shared.id]: 0.5, [none.id]: 0.3 }, "a warning was passed on");
    const shown = quest(await view(editor), q.id);
    expect(shown.teamHidden).toBe(false);
    expect(shown.hypotheses.every((h: any) => typeof h.probability === "number")).toBe(true);
    expect(expectOk(await editor.get(`/api/v1/questions/${q.id}/estimates`)).items.map((x: any) => x.analystId)).toEqual([owner.user!.id, editor.user!.id]);
    expect(expectOk(await editor.get(`/api/v1/scenarios/${s.id}/matrix?questionId=${q.id}`)).evidence[0].cells[0].team).toMatchObject({ ratedBy: 1 });
    const before = first.createdAt;
    expect(quest(await view(editor, before), q.id).teamHidden).toBe(true);
    expect(expectOk(await editor.get(`/api/v1/questions/${q.id}/standing?asOf=${encodeURIComponent(before)}`)).items).toEqual([]);
    expect(own.analystId).toBe(editor.user!.id);
    expect(expectOk(await editor.get(`/api/v1/questions/${q.id}/series`))).toMatchObject({ teamHidden: false, analysts: [expect.anything(), expect.anything()] });
    expect(judged(expectOk(await editor.get(`/api/v1/scenarios/${s.id}/history`)).items).map((e: any) => e.summary).join("\n")).toMatch(/60 %/);
    expectOk(await editor.get(`/api/v1/scenarios/${s.id}/export`));
  });

  it("hide nothing once a question is resolved: nobody can estimate it any more", async () => {
    const q = await newQuestion(owner, s.id, "Closed", ["A", "B"]);
    await estimate(owner, q.id, { [q.hypotheses[0].id]: 0.7, [q.hypotheses[1].id]: 0.3 });
    expect(quest(await view(editor), q.id).teamHidden).toBe(true);
    expectOk(await owner.post(`/api/v1/questions/${q.id}/resolution`, { hypothesisId: q.hypotheses[0].id }), 201);
    const closed = quest(await view(editor), q.id);
    expect(closed.teamHidden).toBe(false);
    expect(closed.hypotheses[0].probability).toBeCloseTo(0.7, 9);
    expect(expectOk(await editor.get(`/api/v1/questions/${q.id}/standing`)).items).toHaveLength(1);
  });
});

describe("the team, person by person", () => {
  it("lists each analyst's estimate in force with rationale and evidence, flags ones needing review, and reads as of a time", async () => {
    expectOk(await owner.patch(`/api/v1/scenarios/${s.id}`, { version: 1, independentElicitation: false }));
    const q = await newQuestion(owner, s.id, "Who planned it?", ["ISIS-K alone", "With help"]);
    const [alone, helped] = q.hypotheses;
    const e = await newEvidence(editor, s.id, { summary: "Claim of responsibility" });
    const o1 = await estimate(owner, q.id, { [alone.id]: 0.8, [helped.id]: 0.2 }, "the claim was quick");
    await after(o1.createdAt);
    await estimate(editor, q.id, { [alone.id]: 0.55, [helped.id]: 0.45 }, "the route needed local knowledge", [e.id]);
    const o2 = await estimate(owner, q.id, { [alone.id]: 0.7, [helped.id]: 0.3 }, "second look");

    const standing = expectOk(await viewer.get(`/api/v1/questions/${q.id}/standing`)).items;
    expect(standing).toEqual([
      { analystId: editor.user!.id, name: "Emil", probabilities: { [alone.id]: 0.55, [helped.id]: 0.45 }, rationale: "the route needed local knowledge", evidenceIds: [e.id], createdAt: expect.any(String), needsReview: false },
      { analystId: owner.user!.id, name: "Olga", probabilities: { [alone.id]: 0.7, [helped.id]: 0.3 }, rationale: "second look", evidenceIds: [], createdAt: o2.createdAt, needsReview: false },
    ]);
    // as of the owner's first estimate, only it was in force
    const then = expectOk(await viewer.get(`/api/v1/questions/${q.id}/standing?asOf=${encodeURIComponent(o1.createdAt)}`)).items;
    expect(then).toEqual([expect.objectContaining({ analystId: owner.user!.id, rationale: "the claim was quick", probabilities: { [alone.id]: 0.8, [helped.id]: 0.2 } })]);

    // a hypothesis added since: every standing estimate needs its analyst's review
    expectOk(await owner.post(`/api/v1/questions/${q.id}/hypotheses`, { title: "A rival group" }), 201);
    expect(expectOk(await viewer.get(`/api/v1/questions/${q.id}/standing`)).items.map((x: any) => x.needsReview)).toEqual([true, true]);
    expectProblem(await viewer.get(`/api/v1/questions/${q.id}/standing?asOf=yesterday`), 422, "asOf");
  });
});
