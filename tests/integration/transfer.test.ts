// Export → import → export over real HTTP: the document is lossless (equal up to ids and
// export time, via lib/transfer/compare.ts), timestamps survive, the importer owns the copy
// and nothing else, and a bad document is refused without creating anything.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { normalizeForComparison } from "@/lib/transfer/compare";
import type { ScenarioDocument } from "@/lib/transfer/format";
import type { ApiClient } from "../support/client";
import { authPost, signUp, TEST_PASSWORD } from "../support/accounts";
import { ApiClient as Client } from "../support/client";
import { estimate, expectOk, expectProblem, newEvidence, newQuestion, newScenario, newSource, sleep, invite, showTeamFigures } from "../support/api";
import { countRows } from "../support/store";
import { eq, or } from "drizzle-orm";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");

let a: ApiClient; // owner of the original
let b: ApiClient; // second analyst on the original
let c: ApiClient; // the importer

beforeEach(async () => {
  [a, b, c] = await Promise.all([signUp(baseUrl, "Ola"), signUp(baseUrl, "Per"), signUp(baseUrl, "Quinn")]);
});

/** A scenario with every kind of row the store keeps, including history. */
async function richScenario(title: string): Promise<{ id: string; asOf: string }> {
  const s = await newScenario(a, title, "Every kind of row");
  await showTeamFigures(a, s); // the copy keeps the setting, so its importer reads the team too
  await invite(a, s.id, b, "editor");
  const q1 = await newQuestion(a, s.id, "Root", ["Yes", "No", "Unclear"]);
  const [yes, no, unclear] = q1.hypotheses;
  const q2 = await newQuestion(a, s.id, "Given yes, why?", ["R1", "R2"], yes.id);
  expectOk(await a.patch(`/api/v1/questions/${q2.id}`, { version: 1, title: "Given yes, why exactly?", description: "edited" }));
  const late = expectOk(await a.post(`/api/v1/questions/${q2.id}/hypotheses`, { title: "R3", description: "added later" }), 201);
  await estimate(a, q1.id, { [yes.id]: 0.6, [no.id]: 0.3, [unclear.id]: 0.1 }, "first look");
  expectOk(await a.patch(`/api/v1/hypotheses/${unclear.id}`, { version: 1, status: "archived" }));
  const o1 = expectOk(await a.post(`/api/v1/scenarios/${s.id}/outcomes`, { title: "Cooperation", hypothesisIds: [q2.hypotheses[0].id, no.id] }), 201);
  const o2 = expectOk(await a.post(`/api/v1/scenarios/${s.id}/outcomes`, { title: "Distrust", hypothesisIds: [q2.hypotheses[1].id] }), 201);
  expectOk(await a.patch(`/api/v1/outcomes/${o2.id}`, { version: 1, description: "re-described", hypothesisIds: [q2.hypotheses[1].id, late.id] }));
  const src = await newSource(a, s.id);
  const bare = await newSource(b, s.id, null);
  const e1 = await newEvidence(a, s.id, { summary: "Queue", excerpt: "the queue outside was unprotected", sourceId: src.id, occurredAt: "2022-09-05T06:50:00Z", tags: ["security"] });
  const e2 = await newEvidence(b, s.id, { summary: "Claim", sourceId: bare.id, reliability: "E", credibility: 5 });
  const e3 = await newEvidence(a, s.id, { summary: "Rumour" });
  expectOk(await a.patch(`/api/v1/evidence/${e1.id}`, { version: 1, summary: "Queue left unprotected", credibility: 1 }));
  expectOk(await b.post(`/api/v1/evidence/${e3.id}/retract`, { reason: "Unfounded" }));
  expectOk(await a.put(`/api/v1/evidence/${e1.id}/ratings`, { ratings: [{ hypothesisId: yes.id, consistency: "C", likelihood: 0.7 }, { hypothesisId: no.id, consistency: "I" }] }));
  expectOk(await b.put(`/api/v1/evidence/${e2.id}/ratings`, { ratings: [{ hypothesisId: yes.id, consistency: "N" }] }));
  await estimate(a, q1.id, { [yes.id]: 0.65, [no.id]: 0.35 }, "second look", [e1.id]);
  await estimate(b, q1.id, { [yes.id]: 0.4, [no.id]: 0.6 }, "b's view", [e1.id, e2.id]);
  await estimate(a, q2.id, { [q2.hypotheses[0].id]: 0.5, [q2.hypotheses[1].id]: 0.2, [late.id]: 0.3 }, "why");
  await sleep(30);
  const asOf = new Date().toISOString();
  await sleep(30);
  expectOk(await a.put(`/api/v1/evidence/${e1.id}/ratings`, { ratings: [{ hypothesisId: yes.id, consistency: "CC" }] })); // re-rating
  await estimate(a, q1.id, { [yes.id]: 0.7, [no.id]: 0.3 }, "revised");
  expectOk(await a.post(`/api/v1/questions/${q1.id}/resolution`, { hypothesisId: yes.id, note: "confirmed" }), 201);
  expectOk(await a.patch(`/api/v1/scenarios/${s.id}`, { version: 2, summary: "Every kind of row, edited" }));
  expect(o1.id).toBeTruthy();
  return { id: s.id, asOf };
}

async function exportDoc(client: ApiClient, id: string): Promise<ScenarioDocument> {
  const res = await client.get(`/api/v1/scenarios/${id}/export`);
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="[a-z0-9-]+\.branchpoint\.json"$/);
  return res.body;
}

/** Hypothesis probabilities in tree order, ids left out, for comparing two copies. */
const numbers = (v: any) => ({
  questions: v.questions.map((q: any) => ({
    title: q.title,
    analysts: q.analysts,
    resolution: q.resolution && { annulled: q.resolution.annulled, note: q.resolution.note, at: q.resolution.at },
    hypotheses: q.hypotheses.map((h: any) => [h.title, h.status, h.probability]),
  })),
  outcomes: v.outcomes.map((o: any) => [o.title, o.probability]),
});

describe("export → import → export", () => {
  it("round-trips losslessly; timestamps survive; the importer alone owns the copy", async () => {
    const original = await richScenario("Round trip: Kabul embassy");
    const doc1 = await exportDoc(a, original.id);
    expect(doc1).toMatchObject({ format: "branchpoint.scenario", formatVersion: 1 });
    expect(doc1.questions).toHaveLength(2);
    expect(doc1.evidence.some((e) => e.retractedAt !== null && e.retractReason === "Unfounded")).toBe(true);
    expect(doc1.evidence.some((e) => e.versions.length === 2)).toBe(true);
    expect(doc1.ratings.length).toBeGreaterThanOrEqual(4);
    expect(doc1.estimates).toHaveLength(5);
    expect(doc1.resolutions).toHaveLength(1);
    expect(doc1.people.map((p) => p.email).sort()).toEqual([a.user!.email, b.user!.email].sort());

    const imported = await c.post("/api/v1/scenarios/import", doc1);
    expect(imported.status, JSON.stringify(imported.body).slice(0, 500)).toBe(201);
    // 201 with the new scenario: the whole tree, like GET /scenarios/{id}
    expect(imported.body).toMatchObject({ id: expect.any(String), title: "Round trip: Kabul embassy", role: "owner" });
    expect(imported.body.questions.map((q: any) => q.title)).toEqual(["Root", "Given yes, why exactly?"]);
    const copyId: string = imported.body.id;
    expect(copyId).not.toBe(original.id);
    expect(imported.headers.get("location")).toBe(`/api/v1/scenarios/${copyId}`);

    const copy = expectOk(await c.get(`/api/v1/scenarios/${copyId}`));
    expect(copy).toMatchObject({ role: "owner", title: "Round trip: Kabul embassy", summary: "Every kind of row, edited", isDemo: false });
    const members = expectOk(await c.get(`/api/v1/scenarios/${copyId}/members`)).items;
    expect(members).toEqual([expect.objectContaining({ userId: c.user!.id, role: "owner" })]);
    // the original's analysts are named in the copy's history but gain no access to it
    expectProblem(await a.get(`/api/v1/scenarios/${copyId}`), 404);
    expectProblem(await b.get(`/api/v1/scenarios/${copyId}`), 404);

    const doc2 = await exportDoc(c, copyId);
    expect(normalizeForComparison(doc2)).toEqual(normalizeForComparison(doc1));
    // timestamps kept as they were, not re-stamped at import
    expect(doc2.scenario.createdAt).toBe(doc1.scenario.createdAt);
    expect(doc2.evidence.map((e) => [e.createdAt, e.updatedAt, e.retractedAt])).toEqual(doc1.evidence.map((e) => [e.createdAt, e.updatedAt, e.retractedAt]));
    expect(doc2.estimates.map((e) => e.createdAt)).toEqual(doc1.estimates.map((e) => e.createdAt));
    expect(doc2.events.map((e) => [e.type, e.at])).toEqual(doc1.events.map((e) => [e.type, e.at]));

    // what a client reads is the same too, now and as of a past time
    const origView = expectOk(await a.get(`/api/v1/scenarios/${original.id}`));
    expect(numbers(copy)).toEqual(numbers(origView));
    expect(copy.createdAt).toBe(origView.createdAt);
    const q = `?asOf=${encodeURIComponent(original.asOf)}`;
    expect(numbers(expectOk(await c.get(`/api/v1/scenarios/${copyId}${q}`)))).toEqual(numbers(expectOk(await a.get(`/api/v1/scenarios/${original.id}${q}`))));
    const evOrig = expectOk(await a.get(`/api/v1/scenarios/${original.id}/evidence?includeRetracted=true`)).items;
    const evCopy = expectOk(await c.get(`/api/v1/scenarios/${copyId}/evidence?includeRetracted=true`)).items;
    const strip = (items: any[]) =>
      items.map((e) => Object.fromEntries(Object.entries(e).filter(([key]) => !["id", "scenarioId", "sourceId", "createdBy"].includes(key))));
    expect(strip(evCopy)).toEqual(strip(evOrig));

    // the copy's own history gains one event: the import
    const hist = expectOk(await c.get(`/api/v1/scenarios/${copyId}/history`)).items;
    expect(hist).toHaveLength(doc1.events.length + 1);
    expect(hist.filter((e: any) => e.type === "scenario.imported")).toEqual([expect.objectContaining({ actorId: c.user!.id })]);
  });

  it("the importer cannot see the original unless they are a member of it", async () => {
    const original = await richScenario("Private original");
    const doc = await exportDoc(a, original.id);
    expectOk(await c.post("/api/v1/scenarios/import", doc), 201);
    expectProblem(await c.get(`/api/v1/scenarios/${original.id}`), 404);
    expectProblem(await c.get(`/api/v1/scenarios/${original.id}/export`), 404);
    const list = expectOk(await c.get("/api/v1/scenarios")).items;
    expect(list.map((s: any) => s.id)).not.toContain(original.id);
    expect(list.filter((s: any) => s.title === "Private original")).toHaveLength(1);

    await invite(a, original.id, c, "viewer");
    expect(expectOk(await c.get(`/api/v1/scenarios/${original.id}`)).role).toBe("viewer");
    // a viewer exports the same document as the owner (adding C is itself a new event)
    expect(normalizeForComparison(await exportDoc(c, original.id))).toEqual(normalizeForComparison(await exportDoc(a, original.id)));
  });
});

describe("people in an imported document", () => {
  it("only the importer is matched to an account; everyone else becomes a stand-in, whoever's email the document gives", async () => {
    const s = await newScenario(a, "People");
    const q = await newQuestion(a, s.id, "Q", ["H1", "H2"]);
    expectOk(await a.post(`/api/v1/questions/${q.id}/resolution`, { hypothesisId: q.hypotheses[0].id }), 201);
    const doc = await exportDoc(a, s.id);
    expect(doc.people).toEqual([{ id: a.user!.id, name: "Ola", email: a.user!.email }]);
    // A forged export: the victim's email (A's) on estimates A never made
    const forged = structuredClone(doc);
    forged.estimates.push({
      id: "forged-estimate",
      questionId: q.id,
      analystId: a.user!.id,
      probabilities: { [q.hypotheses[0].id]: 0.01, [q.hypotheses[1].id]: 0.99 },
      rationale: "words put in Ola's mouth",
      evidenceIds: [],
      createdAt: "2022-01-01T00:00:00.000Z",
    });
    const calibrationBefore = expectOk(await a.get(`/api/v1/analysts/${a.user!.id}/calibration`));
    const copy = expectOk(await c.post("/api/v1/scenarios/import", forged), 201);
    const estimates = expectOk(await c.get(`/api/v1/questions/${copy.questions[0].id}/estimates`)).items;
    expect(estimates).toHaveLength(1);
    expect(estimates[0].analystId).not.toBe(a.user!.id);
    expect(estimates[0].analystName).toBe("Ola");
    // A's own record is untouched: the forged estimate is not in A's calibration
    expect(expectOk(await a.get(`/api/v1/analysts/${a.user!.id}/calibration`))).toEqual(calibrationBefore);
    // the copy exports the email the document gave, not the stand-in's placeholder
    expect(expectOk(await c.get(`/api/v1/scenarios/${copy.id}/export`)).people).toEqual([expect.objectContaining({ name: "Ola", email: a.user!.email })]);

    // the importer's own email binds to the importer
    const mine = structuredClone(forged);
    mine.people[0]!.email = c.user!.email.toUpperCase();
    const own = expectOk(await c.post("/api/v1/scenarios/import", mine), 201);
    expect(expectOk(await c.get(`/api/v1/questions/${own.questions[0].id}/estimates`)).items[0].analystId).toBe(c.user!.id);
  });

  it("the reply and the event read the same whether or not the document's emails have accounts", async () => {
    const s = await newScenario(a, "Probe");
    const doc = await exportDoc(a, s.id);
    const probe = (email: string) => {
      const d = structuredClone(doc);
      d.people[0]!.email = email;
      return d;
    };
    const withAccount = expectOk(await c.post("/api/v1/scenarios/import", probe(b.user!.email)), 201);
    const without = expectOk(await c.post("/api/v1/scenarios/import", probe(`nobody.${randomUUID().slice(0, 8)}@example.test`)), 201);
    const shape = (x: any) => JSON.stringify({ ...x, id: undefined, createdAt: undefined, updatedAt: undefined });
    expect(shape(without)).toBe(shape(withAccount));
    const eventOf = async (id: string) => {
      const e = expectOk(await c.get(`/api/v1/scenarios/${id}/history?kind=scenario.imported`)).items[0];
      return JSON.stringify({ ...e.after, exportedAt: undefined });
    };
    expect(await eventOf(without.id)).toBe(await eventOf(withAccount.id));
  });

  it("a stand-in does not block its email from signing up, and signing up does not hand over the imported record", async () => {
    const s = await newScenario(a, "Newcomer");
    await showTeamFigures(a, s); // the importer exports the copy without estimating
    const q = await newQuestion(a, s.id, "Q", ["H1", "H2"]);
    await estimate(a, q.id, { [q.hypotheses[0].id]: 0.5, [q.hypotheses[1].id]: 0.5 });
    const newcomer = `newcomer.${randomUUID().slice(0, 8)}@example.test`;
    const foreign = await exportDoc(a, s.id);
    foreign.people[0]!.email = newcomer;
    foreign.people[0]!.name = "Newcomer";
    const copy = expectOk(await c.post("/api/v1/scenarios/import", foreign), 201);
    const before = expectOk(await c.get(`/api/v1/scenarios/${copy.id}/export`));
    // the stand-in cannot sign in ...
    expect((await authPost(new Client(baseUrl), "/api/auth/sign-in/email", { email: newcomer, password: TEST_PASSWORD })).status).not.toBe(200);
    // ... the real person can create their account with that email ...
    const res = await authPost(new Client(baseUrl), "/api/auth/sign-up/email", { email: newcomer, password: TEST_PASSWORD, name: "Newcomer" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // ... and registering the address does not hand them the imported record
    const after = expectOk(await c.get(`/api/v1/scenarios/${copy.id}/export`));
    expect(after.estimates[0].analystId).toBe(before.estimates[0].analystId);
    expect(after.estimates[0].analystId).not.toBe(res.body.user.id);
  });
});

describe("importing a bad document", () => {
  it("is refused (400/422 problem+json) and creates nothing", async () => {
    const original = await richScenario("Source of broken copies");
    const good = await exportDoc(a, original.id);
    const marker = `Broken-${randomUUID()}`;
    const ghost = `ghost.${randomUUID().slice(0, 8)}@example.test`;
    const broken = (mutate: (d: any) => void) => {
      const d = structuredClone(good) as any;
      d.scenario.title = marker;
      d.people.push({ id: "ghost-person", name: "Ghost", email: ghost });
      d.estimates[0].analystId = "ghost-person";
      mutate(d);
      return d;
    };
    const cases: { body: unknown; status: number[]; path?: string | RegExp }[] = [
      { body: "this is not json {", status: [400] },
      { body: [], status: [400, 422] },
      { body: {}, status: [400, 422], path: "format" },
      { body: { ...good, format: "something.else" }, status: [422], path: "format" },
      { body: broken((d) => (d.formatVersion = 99)), status: [422], path: "formatVersion" },
      { body: broken((d) => (d.scenario.title = 5)), status: [400], path: "scenario.title" },
      { body: broken((d) => (d.extra = true)), status: [400] },
      { body: broken((d) => (d.evidence[0].sourceId = "no-such-source")), status: [422], path: /^evidence\.0/ },
      { body: broken((d) => (d.ratings[0].hypothesisId = "no-such-hypothesis")), status: [422], path: /^ratings\.0/ },
      { body: broken((d) => (d.questions[1].parentHypothesisId = "no-such-hypothesis")), status: [422], path: /^questions\.1/ },
      { body: broken((d) => (d.evidence[0].credibility = 9)), status: [400, 422], path: "evidence.0.credibility" },
    ];
    const before = expectOk(await c.get("/api/v1/scenarios")).items;
    for (const t of cases) {
      const res = await c.post("/api/v1/scenarios/import", t.body);
      expect(t.status, `${JSON.stringify(t.body).slice(0, 80)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toContain(res.status);
      expectProblem(res, res.status, t.path);
    }
    expect(expectOk(await c.get("/api/v1/scenarios")).items).toEqual(before);
    expect(await countRows(databaseUrl, "scenarios", (t) => eq(t.title, marker))).toBe(0);
    expect(await countRows(databaseUrl, "user", (t) => or(eq(t.email, ghost), eq(t.sourceEmail, ghost)))).toBe(0);
    // the same document, repaired, imports fine
    const ok = broken((d) => (d.estimates[0].analystId = good.estimates[0]!.analystId));
    expectOk(await c.post("/api/v1/scenarios/import", ok), 201);
  });
});
