// Time over real HTTP: the scenario and its evidence as of a past moment, the estimate
// history with its filters, the audit log, and resolutions.
import { beforeEach, describe, expect, inject, it } from "vitest";
import type { ApiClient } from "../support/client";
import { signUp } from "../support/accounts";
import { estimate, expectOk, expectProblem, newEvidence, newQuestion, newScenario, sleep, snapshot, invite } from "../support/api";

const baseUrl = inject("baseUrl");

let a: ApiClient;
let b: ApiClient;

beforeEach(async () => {
  [a, b] = await Promise.all([signUp(baseUrl, "Ida"), signUp(baseUrl, "Jon")]);
});

/** A moment strictly between what happened before and what happens after. */
async function between(): Promise<string> {
  await sleep(50);
  const t = new Date().toISOString();
  await sleep(50);
  return t;
}

const asOf = (t: string) => `asOf=${encodeURIComponent(t)}`;
const hyp = (v: any, id: string) => v.questions.flatMap((q: any) => q.hypotheses).find((h: any) => h.id === id);

describe("the scenario as of a past time", () => {
  it("shows the estimates, hypotheses, questions, titles and outcomes that stood then", async () => {
    const s = await newScenario(a, "Before");
    const q = await newQuestion(a, s.id, "Q as it was", ["H1", "H2"]);
    const [h1, h2] = q.hypotheses;
    const o1 = expectOk(await a.post(`/api/v1/scenarios/${s.id}/outcomes`, { title: "O1", hypothesisIds: [h1.id] }), 201);
    await estimate(a, q.id, { [h1.id]: 0.7, [h2.id]: 0.3 }, "first");
    const t = await between();
    await estimate(a, q.id, { [h1.id]: 0.2, [h2.id]: 0.8 }, "second");
    expectOk(await a.patch(`/api/v1/scenarios/${s.id}`, { version: 1, title: "After" }));
    expectOk(await a.patch(`/api/v1/questions/${q.id}`, { version: 1, title: "Q renamed" }));
    expectOk(await a.patch(`/api/v1/hypotheses/${h2.id}`, { version: 1, title: "H2 renamed" }));
    const h3 = expectOk(await a.post(`/api/v1/questions/${q.id}/hypotheses`, { title: "H3" }), 201);
    expectOk(await a.patch(`/api/v1/hypotheses/${h2.id}`, { version: 2, status: "archived" }));
    const later = await newQuestion(a, s.id, "Later question", ["L1", "L2"]);
    expectOk(await a.post(`/api/v1/scenarios/${s.id}/outcomes`, { title: "O2", hypothesisIds: [h2.id] }), 201);

    const then = expectOk(await a.get(`/api/v1/scenarios/${s.id}?${asOf(t)}`));
    expect(new Date(then.asOf).getTime()).toBe(new Date(t).getTime());
    expect(then.questions.map((x: any) => x.id)).toEqual([q.id]);
    expect(then.questions[0].title).toBe("Q as it was");
    expect(then.questions[0].hypotheses.map((x: any) => [x.id, x.title, x.status])).toEqual([
      [h1.id, "H1", "open"],
      [h2.id, "H2", "open"],
    ]);
    expect(hyp(then, h1.id)).toMatchObject({ probability: expect.closeTo(0.7, 6), myProbability: expect.closeTo(0.7, 6) });
    expect(hyp(then, h2.id).probability).toBeCloseTo(0.3, 6);
    expect(then.outcomes.map((o: any) => [o.id, o.probability])).toEqual([[o1.id, expect.closeTo(0.7, 6)]]);

    const now = expectOk(await a.get(`/api/v1/scenarios/${s.id}`));
    expect(now.asOf).toBeNull();
    expect(now.title).toBe("After");
    expect(now.questions.map((x: any) => x.id)).toEqual([q.id, later.id]);
    expect(hyp(now, h2.id)).toMatchObject({ title: "H2 renamed", status: "archived", probability: null });
    expect(hyp(now, h3.id)).toBeDefined();
    // now: A {.2,.8} restricted to the open hypotheses it gave is {H1: 1}; nobody has
    // estimated H3 yet, so the team has no figure for it (not a veto of 0)
    expect(hyp(now, h1.id).probability).toBeCloseTo(1, 6);
    expect(hyp(now, h3.id).probability).toBeNull();
    expect(hyp(now, h1.id).myProbability).toBeCloseTo(1, 6);
    expect(hyp(now, h3.id).myProbability).toBeNull();
    expect(now.outcomes).toHaveLength(2);

    // before anything existed: an empty tree
    const empty = expectOk(await a.get(`/api/v1/scenarios/${s.id}?asOf=2000-01-01T00:00:00Z`));
    expect(empty.questions).toEqual([]);
    expect(empty.outcomes).toEqual([]);
    expectProblem(await a.get(`/api/v1/scenarios/${s.id}?asOf=yesterday`), 422, "asOf");
  });
});

describe("the scenario's own fields and outcomes as of a past time", () => {
  it("pools, per question, each analyst's newest estimate by then, and leaves out an analyst whose first came later", async () => {
    const s = await newScenario(a, "Two questions, two analysts");
    await invite(a, s.id, b, "editor");
    const q1 = await newQuestion(a, s.id, "Q1", ["H1", "H2"]);
    const q2 = await newQuestion(a, s.id, "Q2", ["K1", "K2"]);
    const [h1, h2] = q1.hypotheses;
    const [k1, k2] = q2.hypotheses;
    await estimate(a, q1.id, { [h1.id]: 0.8, [h2.id]: 0.2 }, "a on Q1");
    await estimate(b, q1.id, { [h1.id]: 0.4, [h2.id]: 0.6 }, "b on Q1");
    await estimate(a, q2.id, { [k1.id]: 0.9, [k2.id]: 0.1 }, "a on Q2");
    const t = await between();
    await estimate(a, q1.id, { [h1.id]: 0.1, [h2.id]: 0.9 }, "a changes Q1");
    await estimate(b, q2.id, { [k1.id]: 0.3, [k2.id]: 0.7 }, "b's first on Q2");

    // geometric pool: √(0.8·0.4) / (√(0.8·0.4) + √(0.2·0.6)) = 0.5657 / 0.9121
    const then = expectOk(await a.get(`/api/v1/scenarios/${s.id}?${asOf(t)}`));
    expect(hyp(then, h1.id).probability).toBeCloseTo(0.620204, 5);
    expect(hyp(then, k1.id).probability).toBeCloseTo(0.9, 6);
    // now: √(0.1·0.4) / (√(0.1·0.4) + √(0.9·0.6)) = 0.2 / 0.9348; √(0.9·0.3) / (√0.27 + √0.07)
    const now = expectOk(await a.get(`/api/v1/scenarios/${s.id}`));
    expect(hyp(now, h1.id).probability).toBeCloseTo(0.213939, 5);
    expect(hyp(now, k1.id).probability).toBeCloseTo(0.662613, 5);
  });

  it("shows the scenario's title and summary as they were then", async () => {
    const s = await newScenario(a, "Title then", "Summary then");
    const t = await between();
    expectOk(await a.patch(`/api/v1/scenarios/${s.id}`, { version: 1, title: "Title now", summary: "Summary now" }));
    expect(expectOk(await a.get(`/api/v1/scenarios/${s.id}`))).toMatchObject({ title: "Title now", summary: "Summary now", version: 2 });
    const then = expectOk(await a.get(`/api/v1/scenarios/${s.id}?${asOf(t)}`));
    expect(then).toMatchObject({ title: "Title then", summary: "Summary then", version: 1 });
  });

  it("shows an outcome's title and routing, and so its probability, as they were then", async () => {
    const s = await newScenario(a, "Outcome history");
    const q = await newQuestion(a, s.id, "Q", ["H1", "H2"]);
    const [h1, h2] = q.hypotheses;
    const o = expectOk(await a.post(`/api/v1/scenarios/${s.id}/outcomes`, { title: "Outcome then", hypothesisIds: [h1.id] }), 201);
    await estimate(a, q.id, { [h1.id]: 0.9, [h2.id]: 0.1 });
    const t = await between();
    expectOk(await a.patch(`/api/v1/outcomes/${o.id}`, { version: 1, title: "Outcome now", hypothesisIds: [h2.id] }));

    const now = expectOk(await a.get(`/api/v1/scenarios/${s.id}`));
    expect(now.outcomes[0]).toMatchObject({ title: "Outcome now", hypothesisIds: [h2.id], probability: expect.closeTo(0.1, 6) });
    const then = expectOk(await a.get(`/api/v1/scenarios/${s.id}?${asOf(t)}`));
    // as of t the outcome was reached through H1 (p = .9); routing it through H2 shows a
    // probability nobody ever saw at that time
    expect(then.outcomes[0]).toMatchObject({ title: "Outcome then", hypothesisIds: [h1.id], probability: expect.closeTo(0.9, 6) });
  });
});

describe("estimate history", () => {
  it("lists every estimate oldest first, filtered by analystId, from and to", async () => {
    const s = await newScenario(a, "History");
    await invite(a, s.id, b, "editor");
    const q = await newQuestion(a, s.id, "Q", ["H1", "H2"]);
    const [h1, h2] = q.hypotheses;
    const e = await newEvidence(a, s.id, { summary: "prompt" });
    const a1 = await estimate(a, q.id, { [h1.id]: 0.6, [h2.id]: 0.4 }, "a1", [e.id]);
    const t1 = await between();
    const b1 = await estimate(b, q.id, { [h1.id]: 0.3, [h2.id]: 0.7 }, "b1");
    const t2 = await between();
    const a2 = await estimate(a, q.id, { [h1.id]: 0.9, [h2.id]: 0.1 }, "a2");

    const all = expectOk(await a.get(`/api/v1/questions/${q.id}/estimates`)).items;
    expect(all.map((x: any) => x.id)).toEqual([a1.id, b1.id, a2.id]);
    expect(all[0]).toMatchObject({
      questionId: q.id,
      analystId: a.user!.id,
      probabilities: { [h1.id]: 0.6, [h2.id]: 0.4 },
      rationale: "a1",
      evidenceIds: [e.id],
      createdAt: a1.createdAt,
    });
    const get = async (query: string) => expectOk(await a.get(`/api/v1/questions/${q.id}/estimates?${query}`)).items.map((x: any) => x.id);
    expect(await get(`analystId=${a.user!.id}`)).toEqual([a1.id, a2.id]);
    expect(await get(`analystId=${b.user!.id}`)).toEqual([b1.id]);
    expect(await get(`from=${encodeURIComponent(t1)}`)).toEqual([b1.id, a2.id]);
    expect(await get(`to=${encodeURIComponent(t2)}`)).toEqual([a1.id, b1.id]);
    expect(await get(`from=${encodeURIComponent(t1)}&to=${encodeURIComponent(t2)}`)).toEqual([b1.id]);
    expect(await get(`analystId=${a.user!.id}&from=${encodeURIComponent(t1)}`)).toEqual([a2.id]);
    expect(await get("analystId=nobody")).toEqual([]);
    // the viewer's role reads the same history
    expect(expectOk(await b.get(`/api/v1/questions/${q.id}/estimates`)).items).toHaveLength(3);

    // as of t2 the team holds A's first and B's first estimate
    const v = expectOk(await a.get(`/api/v1/scenarios/${s.id}?${asOf(t2)}`));
    const g1 = Math.sqrt(0.6 * 0.3);
    const g2 = Math.sqrt(0.4 * 0.7);
    expect(hyp(v, h1.id).probability).toBeCloseTo(g1 / (g1 + g2), 6);
    expect(v.questions[0].analysts).toBe(2);
    const v1 = expectOk(await a.get(`/api/v1/scenarios/${s.id}?${asOf(t1)}`));
    expect(v1.questions[0].analysts).toBe(1);
    expect(hyp(v1, h1.id).probability).toBeCloseTo(0.6, 6);
    // B had not estimated by t1
    const vb = expectOk(await b.get(`/api/v1/scenarios/${s.id}?${asOf(t1)}`));
    expect(hyp(vb, h1.id).myProbability).toBeNull();
    expect(vb.questions[0].myEstimate).toBeNull();
  });
});

describe("evidence as of a past time", () => {
  it("leaves out later items, shows edited items as they were and retractions only once made", async () => {
    const s = await newScenario(a, "Evidence timeline");
    const edited = await newEvidence(a, s.id, { summary: "Original summary", reliability: "D", credibility: 4, tags: ["old"] });
    const retracted = await newEvidence(a, s.id, { summary: "Later withdrawn" });
    const t = await between();
    expectOk(await a.patch(`/api/v1/evidence/${edited.id}`, { version: 1, summary: "Corrected summary", reliability: "B", tags: ["new"] }));
    expectOk(await a.post(`/api/v1/evidence/${retracted.id}/retract`, { reason: "wrong" }));
    const added = await newEvidence(a, s.id, { summary: "Arrived later" });

    const past = expectOk(await a.get(`/api/v1/scenarios/${s.id}/evidence?${asOf(t)}`)).items;
    expect(past.map((x: any) => x.id)).toEqual([retracted.id, edited.id]);
    expect(past[1]).toMatchObject({ summary: "Original summary", reliability: "D", credibility: 4, tags: ["old"], version: 1 });
    expect(past[0]).toMatchObject({ retractedAt: null, retractReason: null });
    expect(expectOk(await a.get(`/api/v1/scenarios/${s.id}/evidence?${asOf(t)}&q=original`)).items.map((x: any) => x.id)).toEqual([edited.id]);
    expect(expectOk(await a.get(`/api/v1/scenarios/${s.id}/evidence?${asOf(t)}&q=corrected`)).items).toEqual([]);
    expect(expectOk(await a.get(`/api/v1/scenarios/${s.id}/evidence?${asOf(t)}&tag=new`)).items).toEqual([]);

    const now = expectOk(await a.get(`/api/v1/scenarios/${s.id}/evidence`)).items;
    expect(now.map((x: any) => x.id)).toEqual([added.id, edited.id]);
    expect(now[1]).toMatchObject({ summary: "Corrected summary", version: 2 });
  });
});

describe("the audit log", () => {
  it("records every change oldest first, with actor, type and before/after for edits", async () => {
    const s = await newScenario(a, "Audited");
    const q = await newQuestion(a, s.id, "Q", ["H1", "H2"]);
    const e = await newEvidence(a, s.id, { summary: "v1" });
    const t = await between();
    expectOk(await a.patch(`/api/v1/scenarios/${s.id}`, { version: 1, title: "Audited again" }));
    expectOk(await a.patch(`/api/v1/evidence/${e.id}`, { version: 1, summary: "v2" }));
    await estimate(a, q.id, { [q.hypotheses[0].id]: 0.5, [q.hypotheses[1].id]: 0.5 });

    const items = expectOk(await a.get(`/api/v1/scenarios/${s.id}/history`)).items;
    expect(items.map((x: any) => x.type)).toEqual(["scenario.created", "question.created", "evidence.created", "scenario.updated", "evidence.updated", "estimate.created"]);
    for (const ev of items) {
      expect(ev).toMatchObject({ id: expect.any(String), scenarioId: s.id, actorId: a.user!.id, at: expect.any(String), entityId: expect.any(String) });
    }
    const ats = items.map((x: any) => Date.parse(x.at));
    expect([...ats].sort((x, y) => x - y)).toEqual(ats);
    expect(items[3]).toMatchObject({ entity: "scenario", entityId: s.id, before: { title: "Audited", version: 1 }, after: { title: "Audited again", version: 2 } });
    expect(items[4]).toMatchObject({ entity: "evidence", entityId: e.id, before: { summary: "v1", version: 1 }, after: { summary: "v2", version: 2 } });

    const since = expectOk(await a.get(`/api/v1/scenarios/${s.id}/history?from=${encodeURIComponent(t)}`)).items;
    expect(since.map((x: any) => x.type)).toEqual(["scenario.updated", "evidence.updated", "estimate.created"]);
    const until = expectOk(await a.get(`/api/v1/scenarios/${s.id}/history?to=${encodeURIComponent(t)}`)).items;
    expect(until.map((x: any) => x.type)).toEqual(["scenario.created", "question.created", "evidence.created"]);
  });
});

describe("a long audit log", () => {
  it("returns every event, oldest first, page by page, however many there are", async () => {
    // 5,100 events arrive fastest through an import (the audit log keeps them as they were)
    const s = await newScenario(a, "Long log");
    const doc = expectOk(await a.get(`/api/v1/scenarios/${s.id}/export`));
    const start = Date.parse("2023-01-01T00:00:00Z");
    for (let i = 0; i < 5_100; i++) {
      doc.events.push({
        id: `note-${i}`,
        actorId: doc.people[0].id,
        at: new Date(start + i * 1000).toISOString(),
        type: "scenario.noted",
        entity: "scenario",
        entityId: doc.scenario.id,
        before: null,
        after: { n: i },
      });
    }
    const copy = expectOk(await a.post("/api/v1/scenarios/import", doc), 201);
    const items: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: any = expectOk(await a.get(`/api/v1/scenarios/${copy.id}/history${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`));
      items.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(6); // 1,000 per page by default
    expect(new Set(items.map((e) => e.id)).size).toBe(items.length);
    expect(items.length).toBe(1 + 5_100 + 1); // scenario.created, the notes, scenario.imported
    expect(items.at(-1).type).toBe("scenario.imported");
    const notes = items.filter((e) => e.type === "scenario.noted");
    expect(notes.map((e) => e.after.n)).toEqual(Array.from({ length: 5_100 }, (_, i) => i));
  });
});

describe("resolutions", () => {
  it("resolves to a hypothesis or annuls; a foreign hypothesis, both or neither are rejected and change nothing", async () => {
    const s = await newScenario(a, "Resolved");
    const q = await newQuestion(a, s.id, "Q", ["H1", "H2"]);
    const other = await newQuestion(a, s.id, "Other", ["X", "Y"]);
    const [h1, h2] = q.hypotheses;

    const before = await snapshot(a, s.id);
    expectProblem(await a.post(`/api/v1/questions/${q.id}/resolution`, { hypothesisId: other.hypotheses[0].id }), 422, "hypothesisId");
    expectProblem(await a.post(`/api/v1/questions/${q.id}/resolution`, { hypothesisId: "no-such-hypothesis" }), 422, "hypothesisId");
    const both = await a.post(`/api/v1/questions/${q.id}/resolution`, { hypothesisId: h1.id, annulled: true });
    expect([400, 422]).toContain(both.status);
    expectProblem(both, both.status);
    const neither = await a.post(`/api/v1/questions/${q.id}/resolution`, { note: "no answer" });
    expect([400, 422]).toContain(neither.status);
    expectProblem(neither, neither.status);
    const falsy = await a.post(`/api/v1/questions/${q.id}/resolution`, { annulled: false });
    expect([400, 422]).toContain(falsy.status);
    expect(await snapshot(a, s.id)).toEqual(before);
    expect(expectOk(await a.get(`/api/v1/questions/${q.id}/resolution`)).items).toEqual([]);

    const r = expectOk(await a.post(`/api/v1/questions/${q.id}/resolution`, { hypothesisId: h2.id, note: "Confirmed by investigation" }), 201);
    expect(r).toMatchObject({ questionId: q.id, hypothesisId: h2.id, annulled: false, note: "Confirmed by investigation", resolvedBy: a.user!.id });
    const t = await between();
    const ann = expectOk(await a.post(`/api/v1/questions/${other.id}/resolution`, { annulled: true }), 201);
    expect(ann).toMatchObject({ questionId: other.id, hypothesisId: null, annulled: true });

    const v = expectOk(await a.get(`/api/v1/scenarios/${s.id}`));
    expect(v.questions.find((x: any) => x.id === q.id).resolution).toMatchObject({ hypothesisId: h2.id, annulled: false, note: "Confirmed by investigation" });
    expect(v.questions.find((x: any) => x.id === other.id).resolution).toMatchObject({ hypothesisId: null, annulled: true });
    const then = expectOk(await a.get(`/api/v1/scenarios/${s.id}?${asOf(t)}`));
    expect(then.questions.find((x: any) => x.id === other.id).resolution).toBeNull();

    const types = expectOk(await a.get(`/api/v1/scenarios/${s.id}/history`)).items.map((x: any) => x.type);
    expect(types.slice(-2)).toEqual(["question.resolved", "question.annulled"]);
    expect(h1.id).not.toBe(h2.id);
  });
});
