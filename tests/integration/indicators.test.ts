// Indicators over real HTTP: added to a hypothesis (watching), observed by linking the
// evidence that shows it, not observed, retired; every change a version readable as of any
// past time (with when it was observed) and an audit event; bad input refused naming the
// field; stale versions 409; viewers read, editors write, non-members see nothing; and an
// export → import carries them over unchanged.
import { beforeEach, describe, expect, inject, it } from "vitest";
import { normalizeForComparison } from "@/lib/transfer/compare";
import type { ScenarioDocument } from "@/lib/transfer/format";
import type { ApiClient } from "../support/client";
import { signUp } from "../support/accounts";
import { expectOk, expectProblem, invite, newEvidence, newQuestion, newScenario, sleep } from "../support/api";

const baseUrl = inject("baseUrl");
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

let a: ApiClient;
let scenarioId: string;
let question: any;
let h1: any;
let h2: any;
let e1: any;
let e2: any;

beforeEach(async () => {
  a = await signUp(baseUrl, "Ines");
  scenarioId = (await newScenario(a, "Indicators case")).id;
  question = await newQuestion(a, scenarioId, "Did insiders help?", ["Yes", "No", "Unclear"]);
  [h1, h2] = question.hypotheses;
  e1 = await newEvidence(a, scenarioId, { summary: "Guard held for questioning" });
  e2 = await newEvidence(a, scenarioId, { summary: "Police name a second suspect" });
});

const indicators = async (asOf?: string) =>
  expectOk(await a.get(`/api/v1/scenarios/${scenarioId}/indicators${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ""}`)).items as any[];
const events = async (c: ApiClient = a) => (expectOk(await c.get(`/api/v1/scenarios/${scenarioId}/history`)).items as any[]).filter((e) => e.entity === "indicator");
const add = async (title = "Guard questioned by police", hypothesisId = h1.id, direction = "supports") =>
  expectOk(await a.post(`/api/v1/hypotheses/${hypothesisId}/indicators`, { title, direction }), 201);
const patch = (c: ApiClient, id: string, body: Record<string, unknown>) => c.patch(`/api/v1/indicators/${id}`, body);

describe("indicators", () => {
  it("are added to a hypothesis, watching, with no evidence yet, and audited", async () => {
    const i = expectOk(
      await a.post(`/api/v1/hypotheses/${h1.id}/indicators`, { title: "  Guard questioned by police ", description: "Kabul police hold the gate guard", direction: "supports" }),
      201,
    );
    expect(i).toEqual({
      id: expect.any(String),
      scenarioId,
      hypothesisId: h1.id,
      questionId: question.id,
      title: "Guard questioned by police",
      description: "Kabul police hold the gate guard",
      direction: "supports",
      status: "watching",
      evidenceIds: [],
      observedAt: null,
      version: 1,
      createdBy: a.user!.id,
      createdAt: expect.stringMatching(ISO),
      updatedAt: i.createdAt,
    });
    const other = await add("Second claim of responsibility", h2.id, "undermines");
    expect(await indicators()).toEqual([i, other]);

    const [added] = await events();
    expect(added).toMatchObject({
      type: "indicator.added",
      entity: "indicator",
      entityId: i.id,
      actorId: a.user!.id,
      before: null,
      after: { hypothesisId: h1.id, title: "Guard questioned by police", direction: "supports", status: "watching", evidenceIds: [], version: 1 },
      summary: "added indicator “Guard questioned by police”, which would support “Yes” of “Did insiders help?”",
      questionId: question.id,
    });
  });

  it("observing links the evidence that shows it; each change is a version, readable as of before it", async () => {
    const i = await add();
    await sleep(30);
    const beforeObserving = new Date().toISOString();
    await sleep(30);

    const observed = expectOk(await patch(a, i.id, { version: 1, status: "observed", evidenceIds: [e1.id, e2.id, e1.id] }));
    expect(observed).toMatchObject({ status: "observed", evidenceIds: [e1.id, e2.id], version: 2, observedAt: observed.updatedAt });
    expect(observed.updatedAt).not.toBe(i.updatedAt);
    await sleep(30);
    const whileObserved = new Date().toISOString();
    await sleep(30);

    // an edit of an observed indicator keeps when it was observed
    const edited = expectOk(await patch(a, i.id, { version: 2, title: "Guard questioned twice", evidenceIds: [e2.id] }));
    expect(edited).toMatchObject({ status: "observed", title: "Guard questioned twice", evidenceIds: [e2.id], version: 3, observedAt: observed.observedAt });
    await sleep(30);
    const afterEdit = new Date().toISOString();
    await sleep(30);

    const notSeen = expectOk(await patch(a, i.id, { version: 3, status: "not_observed" }));
    expect(notSeen).toMatchObject({ status: "not_observed", observedAt: null, version: 4, evidenceIds: [e2.id] });
    expect(await indicators()).toEqual([notSeen]);

    expect(await indicators(beforeObserving)).toEqual([{ ...i }]);
    expect(await indicators(whileObserved)).toEqual([observed]);
    expect(await indicators(afterEdit)).toEqual([edited]);
    expect(await indicators("2000-01-01T00:00:00Z")).toEqual([]);

    // a change that changes nothing is no version and no event
    const n = (await events()).length;
    expect(expectOk(await patch(a, i.id, { version: 4, title: "Guard questioned twice" }))).toEqual(notSeen);
    expect(await events()).toHaveLength(n);

    const log = await events();
    expect(log.map((e) => e.type)).toEqual(["indicator.added", "indicator.observed", "indicator.updated", "indicator.updated"]);
    expect(log[1]).toMatchObject({
      before: { status: "watching", evidenceIds: [], version: 1 },
      after: { status: "observed", evidenceIds: [e1.id, e2.id], version: 2 },
      summary: "observed indicator “Guard questioned by police” for “Yes”, shown by “Guard held for questioning”, “Police name a second suspect”",
    });
    expect(log[3].summary).toBe("marked indicator “Guard questioned twice” not observed");

    // retired, then watched again
    expect(expectOk(await patch(a, i.id, { version: 4, status: "retired" }))).toMatchObject({ status: "retired", version: 5 });
    expect(expectOk(await patch(a, i.id, { version: 5, status: "watching", evidenceIds: [] }))).toMatchObject({ status: "watching", evidenceIds: [], version: 6 });
    expect((await events()).slice(-2).map((e) => e.summary)).toEqual([
      "retired indicator “Guard questioned twice”",
      "put indicator “Guard questioned twice” back on the watch list",
    ]);
  });

  it("refuses bad input, naming the field, and changes nothing", async () => {
    const i = await add();
    const elsewhere = await newScenario(a, "Another case");
    const foreign = await newEvidence(a, elsewhere.id, { summary: "Not this scenario's" });
    const withdrawn = await newEvidence(a, scenarioId, { summary: "Withdrawn" });
    expectOk(await a.post(`/api/v1/evidence/${withdrawn.id}/retract`, { reason: "misread" }));
    const third = question.hypotheses[2];
    expectOk(await a.patch(`/api/v1/hypotheses/${third.id}`, { version: 1, status: "archived" }));
    const before = { list: await indicators(), events: (await events()).length };

    const post = (hypothesisId: string, body: unknown) => a.post(`/api/v1/hypotheses/${hypothesisId}/indicators`, body);
    expectProblem(await post(h1.id, { title: "No direction" }), 422, "direction"); // a missing enum is a broken rule in zod 4 (invalid_value)
    expectProblem(await post(h1.id, { title: "Odd", direction: "maybe" }), 422, "direction");
    expectProblem(await post(h1.id, { title: "   ", direction: "supports" }), 422, "title");
    expectProblem(await post(h1.id, { title: "x".repeat(301), direction: "supports" }), 422, "title");
    expectProblem(await post(h1.id, { title: "Sneaky", direction: "supports", status: "observed" }), 400);
    expectProblem(await post(third.id, { title: "On an archived hypothesis", direction: "supports" }), 422);
    expectProblem(await post("no-such-hypothesis", { title: "Lost", direction: "supports" }), 404);

    expectProblem(await patch(a, i.id, { status: "retired" }), 400, "version");
    expectProblem(await patch(a, i.id, { version: 1, status: "seen" }), 422, "status");
    expectProblem(await patch(a, i.id, { version: 1, direction: "undermines" }), 400);
    expectProblem(await patch(a, i.id, { version: 1, evidenceIds: [e1.id, foreign.id] }), 422, "evidenceIds.1");
    expectProblem(await patch(a, i.id, { version: 1, evidenceIds: ["no-such-item"] }), 422, "evidenceIds.0");
    expectProblem(await patch(a, i.id, { version: 1, status: "observed", evidenceIds: [withdrawn.id] }), 422, "evidenceIds.0");
    // observing an indicator links the evidence that shows it
    expectProblem(await patch(a, i.id, { version: 1, status: "observed" }), 422, "evidenceIds");
    expectProblem(await patch(a, i.id, { version: 1, status: "observed", evidenceIds: [] }), 422, "evidenceIds");
    expectProblem(await patch(a, "no-such-indicator", { version: 1, title: "Lost" }), 404);

    expect(await indicators()).toEqual(before.list);
    expect(await events()).toHaveLength(before.events);
  });

  it("answers a stale version with 409: of two edits from the same version exactly one lands", async () => {
    const i = await add();
    expectOk(await patch(a, i.id, { version: 1, title: "Renamed once" }));
    expectProblem(await patch(a, i.id, { version: 1, title: "Renamed from an old copy" }), 409, "version");

    const results = await Promise.all([
      patch(a, i.id, { version: 2, status: "observed", evidenceIds: [e1.id] }),
      patch(a, i.id, { version: 2, status: "retired" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const [now] = await indicators();
    expect(now.version).toBe(3);
    expect(now.status).toBe(results.find((r) => r.status === 200)!.body.status);
    expect(await events()).toHaveLength(3);
  });

  it("lets viewers read but not write (403), and hides everything from non-members (404)", async () => {
    const i = await add();
    const [viewer, outsider] = await Promise.all([signUp(baseUrl, "Vera"), signUp(baseUrl, "Otto")]);
    await invite(a, scenarioId, viewer, "viewer");

    expect(expectOk(await viewer.get(`/api/v1/scenarios/${scenarioId}/indicators`)).items).toEqual([i]);
    expectProblem(await viewer.post(`/api/v1/hypotheses/${h1.id}/indicators`, { title: "Mine", direction: "supports" }), 403);
    expectProblem(await patch(viewer, i.id, { version: 1, status: "retired" }), 403);

    expectProblem(await outsider.get(`/api/v1/scenarios/${scenarioId}/indicators`), 404);
    expectProblem(await outsider.post(`/api/v1/hypotheses/${h1.id}/indicators`, { title: "Mine", direction: "supports" }), 404);
    expectProblem(await patch(outsider, i.id, { version: 1, status: "retired" }), 404);

    expect(await indicators()).toEqual([i]);
    expect(await events()).toHaveLength(1);
  });

  it("travel in the export, with their versions, and come back unchanged from an import", async () => {
    const i = await add();
    const observed = expectOk(await patch(a, i.id, { version: 1, status: "observed", evidenceIds: [e1.id] }));
    await add("Claim by another group", h2.id, "undermines");

    const doc1: ScenarioDocument = expectOk(await a.get(`/api/v1/scenarios/${scenarioId}/export`));
    expect(doc1.indicators).toHaveLength(2);
    expect(doc1.indicators[0]).toMatchObject({ id: i.id, status: "observed", evidenceIds: [e1.id], version: 2 });
    expect(doc1.indicators[0]!.versions.map((v) => [v.version, v.status, v.evidenceIds])).toEqual([
      [1, "watching", []],
      [2, "observed", [e1.id]],
    ]);

    const importer = await signUp(baseUrl, "Ivo");
    const copyId: string = expectOk(await importer.post("/api/v1/scenarios/import", doc1), 201).id;
    const doc2: ScenarioDocument = expectOk(await importer.get(`/api/v1/scenarios/${copyId}/export`));
    expect(normalizeForComparison(doc2)).toEqual(normalizeForComparison(doc1));

    // what a client reads of the copy: the same, with the copy's own ids
    const copied = expectOk(await importer.get(`/api/v1/scenarios/${copyId}/indicators`)).items;
    const copyEvidence = expectOk(await importer.get(`/api/v1/scenarios/${copyId}/evidence`)).items;
    const e1Copy = copyEvidence.find((e: any) => e.summary === e1.summary);
    expect(copied[0]).toMatchObject({ title: i.title, status: "observed", evidenceIds: [e1Copy.id], observedAt: observed.observedAt, createdAt: i.createdAt });
    expect(copied[0].id).not.toBe(i.id);

    // a document from before indicators existed still imports
    const older: Record<string, unknown> = { ...doc1, events: doc1.events.filter((e) => e.entity !== "indicator") };
    delete older.indicators;
    delete older.assumptions;
    const oldCopy = expectOk(await importer.post("/api/v1/scenarios/import", older), 201).id;
    expect(expectOk(await importer.get(`/api/v1/scenarios/${oldCopy}/indicators`)).items).toEqual([]);
  });
});
