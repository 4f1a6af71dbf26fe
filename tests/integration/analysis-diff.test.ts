// The diff over HTTP: what changed in (from, to], by whom, and why.
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { ApiClient } from "../support/client";
import { signUp as signUpAt } from "../support/accounts";
import { ok, invite } from "../support/api";

const baseUrl = inject("baseUrl");
const signUp = (name: string) => signUpAt(baseUrl, name);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const gmPool = (...estimates: number[][]) => {
  const clamp = (p: number) => Math.min(0.9999, Math.max(0.0001, p));
  const g = estimates[0]!.map((_, i) => Math.exp(estimates.reduce((a, e) => a + Math.log(clamp(e[i]!)), 0) / estimates.length));
  const z = g.reduce((a, b) => a + b, 0);
  return g.map((x) => x / z);
};

let alice: ApiClient, bob: ApiClient, carol: ApiClient;
let sId: string, qId: string, H1: string, H2: string, H3: string;
let e1: string, e2: string, e3: string;
let aliceFirst: any, aliceSecond: any;
let from: string, to: string;
let diff: any;

const byType = (type: string) => diff.items.filter((i: any) => i.type === type);

beforeAll(async () => {
  [alice, bob, carol] = await Promise.all([signUp("Alice"), signUp("Bob"), signUp("Carol")]);
  sId = (await ok(alice.post("/api/v1/scenarios", { title: "Diff test" }))).id;
  await invite(alice, sId, bob, "editor");
  const q = await ok(alice.post(`/api/v1/scenarios/${sId}/questions`, { title: "Insider help?", hypotheses: [{ title: "Yes" }, { title: "No" }] }));
  qId = q.id;
  [H1, H2] = q.hypotheses.map((h: any) => h.id);
  const est = (c: ApiClient, ps: Record<string, number>, rationale: string, evidenceIds?: string[]) =>
    ok(c.post(`/api/v1/questions/${qId}/estimates`, { probabilities: ps, rationale, ...(evidenceIds ? { evidenceIds } : {}) }));

  // before the window
  aliceFirst = await est(alice, { [H1!]: 0.5, [H2!]: 0.5 }, "no idea yet");
  await est(bob, { [H1!]: 0.4, [H2!]: 0.6 }, "lean no");
  e1 = (await ok(alice.post(`/api/v1/scenarios/${sId}/evidence`, { summary: "Guard waved him through", reliability: "B", credibility: 2 }))).id;
  e3 = (await ok(alice.post(`/api/v1/scenarios/${sId}/evidence`, { summary: "Anonymous post", reliability: "E", credibility: 5 }))).id;
  await ok(alice.put(`/api/v1/evidence/${e1}/ratings`, { ratings: [{ hypothesisId: H1, consistency: "C" }] }));
  // the server runs on this machine's clock, so the test's clock can mark the window
  await sleep(5);
  from = new Date().toISOString();
  await sleep(5);

  // inside the window
  e2 = (await ok(alice.post(`/api/v1/scenarios/${sId}/evidence`, { summary: "Intercepted call", reliability: "A", credibility: 2 }))).id;
  aliceSecond = await est(alice, { [H1!]: 0.7, [H2!]: 0.3 }, "the intercepted call", [e2]);
  await ok(alice.put(`/api/v1/evidence/${e1}/ratings`, { ratings: [{ hypothesisId: H1, consistency: "II" }] }));
  await ok(bob.put(`/api/v1/evidence/${e2}/ratings`, { ratings: [{ hypothesisId: H2, consistency: "I" }] }));
  await ok(alice.patch(`/api/v1/evidence/${e1}`, { version: 1, reliability: "C", credibility: 3 }));
  await ok(alice.post(`/api/v1/evidence/${e3}/retract`, { reason: "fabricated" }));
  H3 = (await ok(alice.post(`/api/v1/questions/${qId}/hypotheses`, { title: "Partly" }))).id;
  await est(bob, { [H1!]: 0.3, [H2!]: 0.3, [H3]: 0.4 }, "a third way");
  await sleep(5);
  to = new Date().toISOString();
  await sleep(5);

  // after the window: must not appear
  await est(alice, { [H1!]: 0.1, [H2!]: 0.8, [H3]: 0.1 }, "changed my mind again");
  diff = await ok(bob.get(`/api/v1/scenarios/${sId}/diff?from=${from}&to=${to}`));
});

describe("GET /scenarios/{id}/diff", () => {
  it("lists estimates with their change against the analyst's previous one and the rationale", () => {
    expect(diff).toMatchObject({ scenarioId: sId, from, to, method: "geometric", nextCursor: null });
    const estimates = byType("estimate.created");
    expect(estimates.map((e: any) => e.actorName)).toEqual(["Alice", "Bob"]);
    const [a, b] = estimates;
    expect(a).toMatchObject({
      actorId: alice.user!.id,
      entity: "estimate",
      entityId: aliceSecond.id,
      questionId: qId,
      rationale: "the intercepted call",
      evidenceIds: [e2],
      previousEstimateId: aliceFirst.id,
    });
    expect(a.changes).toEqual([
      { hypothesisId: H1, title: "Yes", from: 0.5, to: 0.7, delta: expect.closeTo(0.2, 10) },
      { hypothesisId: H2, title: "No", from: 0.5, to: 0.3, delta: expect.closeTo(-0.2, 10) },
    ]);
    // the actor is named beside the line (actorName), not in it
    expect(a.summary).toBe("moved “Insider help?”: Yes 50% → 70% (+20), No 50% → 30% (−20)");
    // Bob's second estimate adds the new hypothesis: it had no earlier value
    expect(b.changes.find((c: any) => c.hypothesisId === H3)).toEqual({ hypothesisId: H3, title: "Partly", from: null, to: 0.4, delta: 0.4 });
    expect(b.rationale).toBe("a third way");
  });

  it("lists evidence added, edited and retracted, and ratings old → new", () => {
    expect(byType("evidence.created").map((e: any) => e.entityId)).toEqual([e2]);
    const edited = byType("evidence.updated")[0];
    expect(edited).toMatchObject({ entityId: e1, actorName: "Alice" });
    expect(edited.summary).toContain("grade B2 → C3");
    const retracted = byType("evidence.retracted")[0];
    expect(retracted).toMatchObject({ entityId: e3, actorName: "Alice", summary: "retracted evidence “Anonymous post”: fabricated" });
    const ratings = byType("ratings.updated");
    expect(ratings.map((r: any) => r.actorName)).toEqual(["Alice", "Bob"]);
    expect(ratings[0].ratings).toEqual([{ hypothesisId: H1, title: "Yes", from: "C", to: "II", fromLikelihood: null, toLikelihood: null }]);
    expect(ratings[1].ratings[0]).toMatchObject({ hypothesisId: H2, from: null, to: "I" });
    expect(ratings[0].summary).toBe("rated “Guard waved him through” on “Insider help?”: Yes C → II");
    expect(byType("hypothesis.added")[0]).toMatchObject({ entityId: H3, questionId: qId });
  });

  it("gives the team aggregate's change per question, and nothing outside the window", () => {
    // the team's change is on the question's line, not among the items
    expect(byType("aggregate.changed")).toEqual([]);
    // at `from`: pool(Alice .5/.5, Bob .4/.6) over Yes, No
    const before = gmPool([0.5, 0.5], [0.4, 0.6]);
    // at `to`: Alice .7/.3 never saw "Partly", so it is pooled over Bob's .4 alone (no
    // veto by a stale estimate); Yes and No over both: √(.7·.3), √(.3·.3)
    const g = [Math.sqrt(0.7 * 0.3), Math.sqrt(0.3 * 0.3), 0.4];
    const after = g.map((x) => x / (g[0]! + g[1]! + g[2]!));
    const changes = diff.questions[0].changes;
    expect(changes.map((c: any) => c.hypothesisId)).toEqual([H1, H2, H3]);
    expect(changes[0].from).toBeCloseTo(before[0]!, 10);
    expect(changes[0].to).toBeCloseTo(after[0]!, 10);
    expect(changes[2].from).toBeNull();
    expect(changes[2].to).toBeCloseTo(after[2]!, 10);

    // the summary line for the question: the same team change, and who estimated, why, on what
    expect(diff.questions).toHaveLength(1);
    expect(diff.questions[0]).toMatchObject({ questionId: qId, title: "Insider help?", moved: true, changes });
    expect(diff.questions[0].estimates.map((e: any) => [e.analystName, e.rationale, e.evidenceIds, e.count])).toEqual([
      ["Alice", "the intercepted call", [e2], 1],
      ["Bob", "a third way", [], 1],
    ]);
    // each analyst once: from where they stood at `from` to their last in the window
    expect(diff.questions[0].estimates[0].changes.slice(0, 2)).toEqual([
      { hypothesisId: H1, title: "Yes", from: 0.5, to: 0.7, delta: expect.closeTo(0.2, 10) },
      { hypothesisId: H2, title: "No", from: 0.5, to: 0.3, delta: expect.closeTo(-0.2, 10) },
    ]);

    // Alice's first rating came before `from`, her third estimate after `to`
    expect(diff.items.some((i: any) => i.rationale === "changed my mind again")).toBe(false);
    expect(byType("ratings.updated")).toHaveLength(2);
    const times = diff.items.map((i: any) => i.at);
    expect([...times].sort()).toEqual(times);
    expect(times.every((t: string) => t > from && t <= to)).toBe(true);
  });

  it("serves every change a page at a time: the same items in the same order, the question lines once", async () => {
    const items: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: any = await ok(bob.get(`/api/v1/scenarios/${sId}/diff?from=${from}&to=${to}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`));
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.questions).toHaveLength(pages === 0 ? 1 : 0);
      items.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(2);
    expect(items).toEqual(diff.items);
    const bad = await bob.get(`/api/v1/scenarios/${sId}/diff?from=${from}&to=${to}&cursor=nonsense`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("cursor");
  });

  it("validates the window and hides the scenario from non-members", async () => {
    expect((await bob.get(`/api/v1/scenarios/${sId}/diff?from=${from}`)).status).toBe(400);
    expect((await bob.get(`/api/v1/scenarios/${sId}/diff?from=${to}&to=${from}`)).status).toBe(422);
    expect((await carol.get(`/api/v1/scenarios/${sId}/diff?from=${from}&to=${to}`)).status).toBe(404);
    const empty = await ok(bob.get(`/api/v1/scenarios/${sId}/diff?from=2001-01-01T00:00:00Z&to=2001-01-02T00:00:00Z`));
    expect(empty.items).toEqual([]);
  });
});
