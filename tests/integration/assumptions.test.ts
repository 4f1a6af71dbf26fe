// Key assumptions over real HTTP: added to a question (solid), rated caveated or
// unsupported with a note; every change a version readable as of any past time and an audit
// event; bad input refused naming the field; stale versions 409; viewers read, editors
// write, non-members see nothing; and an export → import carries them over unchanged.
import { beforeEach, describe, expect, inject, it } from "vitest";
import { normalizeForComparison } from "@/lib/transfer/compare";
import type { ScenarioDocument } from "@/lib/transfer/format";
import type { ApiClient } from "../support/client";
import { signUp } from "../support/accounts";
import { expectOk, expectProblem, invite, newQuestion, newScenario, sleep } from "../support/api";

const baseUrl = inject("baseUrl");
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

let a: ApiClient;
let scenarioId: string;
let q1: any;
let q2: any;

beforeEach(async () => {
  a = await signUp(baseUrl, "Asa");
  scenarioId = (await newScenario(a, "Assumptions case")).id;
  q1 = await newQuestion(a, scenarioId, "Did insiders help?", ["Yes", "No"]);
  q2 = await newQuestion(a, scenarioId, "Who carried it out?", ["ISIS-K", "Someone else"]);
});

const assumptions = async (asOf?: string) =>
  expectOk(await a.get(`/api/v1/scenarios/${scenarioId}/assumptions${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ""}`)).items as any[];
const events = async () => (expectOk(await a.get(`/api/v1/scenarios/${scenarioId}/history`)).items as any[]).filter((e) => e.entity === "assumption");
const add = async (statement = "The gate guard was on duty", questionId = q1.id) =>
  expectOk(await a.post(`/api/v1/questions/${questionId}/assumptions`, { statement }), 201);
const patch = (c: ApiClient, id: string, body: Record<string, unknown>) => c.patch(`/api/v1/assumptions/${id}`, body);

describe("key assumptions", () => {
  it("are added to a question as solid, listed for the scenario, and audited", async () => {
    const x = expectOk(await a.post(`/api/v1/questions/${q1.id}/assumptions`, { statement: "  The gate guard was on duty  " }), 201);
    expect(x).toEqual({
      id: expect.any(String),
      scenarioId,
      questionId: q1.id,
      statement: "The gate guard was on duty",
      status: "solid",
      note: "",
      version: 1,
      createdBy: a.user!.id,
      createdAt: expect.stringMatching(ISO),
      updatedAt: x.createdAt,
    });
    const y = await add("Amaq speaks for ISIS-K", q2.id);
    expect(await assumptions()).toEqual([x, y]);
    const [added] = await events();
    expect(added).toMatchObject({
      type: "assumption.added",
      entityId: x.id,
      before: null,
      after: { questionId: q1.id, statement: "The gate guard was on duty", status: "solid", note: "", version: 1 },
      summary: "added key assumption “The gate guard was on duty” to “Did insiders help?”",
      questionId: q1.id,
    });
  });

  it("are rated and annotated in versions, each readable as of before the next", async () => {
    const x = await add();
    await sleep(30);
    const whileSolid = new Date().toISOString();
    await sleep(30);
    const caveated = expectOk(await patch(a, x.id, { version: 1, status: "caveated", note: "One source says so" }));
    expect(caveated).toMatchObject({ status: "caveated", note: "One source says so", version: 2 });
    await sleep(30);
    const whileCaveated = new Date().toISOString();
    await sleep(30);
    const unsupported = expectOk(await patch(a, x.id, { version: 2, status: "unsupported", statement: "The gate guard was on duty that morning" }));
    expect(unsupported).toMatchObject({ status: "unsupported", note: "One source says so", statement: "The gate guard was on duty that morning", version: 3 });

    expect(await assumptions()).toEqual([unsupported]);
    expect(await assumptions(whileSolid)).toEqual([x]);
    expect(await assumptions(whileCaveated)).toEqual([caveated]);
    expect(await assumptions("2000-01-01")).toEqual([]);

    // the same values again: no version, no event
    expect(expectOk(await patch(a, x.id, { version: 3, status: "unsupported" }))).toEqual(unsupported);
    const log = await events();
    expect(log.map((e) => e.type)).toEqual(["assumption.added", "assumption.updated", "assumption.updated"]);
    expect(log[1]).toMatchObject({
      before: { status: "solid", note: "", version: 1 },
      after: { status: "caveated", note: "One source says so", version: 2 },
      summary: "marked assumption “The gate guard was on duty” caveated (was solid) — One source says so",
    });
    expect(log[2].summary).toBe("marked assumption “The gate guard was on duty that morning” unsupported (was caveated) — One source says so");
  });

  it("refuses bad input, naming the field, and changes nothing", async () => {
    const x = await add();
    const before = { list: await assumptions(), events: (await events()).length };
    const post = (body: unknown) => a.post(`/api/v1/questions/${q1.id}/assumptions`, body);
    expectProblem(await post({}), 400, "statement");
    expectProblem(await post({ statement: 42 }), 400, "statement");
    expectProblem(await post({ statement: "  " }), 422, "statement");
    expectProblem(await post({ statement: "x".repeat(5_001) }), 422, "statement");
    expectProblem(await post({ statement: "Fine", status: "unsupported" }), 400);
    expectProblem(await a.post(`/api/v1/questions/no-such-question/assumptions`, { statement: "Lost" }), 404);

    expectProblem(await patch(a, x.id, { status: "caveated" }), 400, "version");
    expectProblem(await patch(a, x.id, { version: 1, status: "shaky" }), 422, "status");
    expectProblem(await patch(a, x.id, { version: 1, note: "n".repeat(5_001) }), 422, "note");
    expectProblem(await patch(a, x.id, { version: 1, statement: "" }), 422, "statement");
    expectProblem(await patch(a, x.id, { version: 1, questionId: q2.id }), 400);
    expectProblem(await patch(a, "no-such-assumption", { version: 1, note: "n" }), 404);

    expect(await assumptions()).toEqual(before.list);
    expect(await events()).toHaveLength(before.events);
  });

  it("answers a stale version with 409: of two edits from the same version exactly one lands", async () => {
    const x = await add();
    expectOk(await patch(a, x.id, { version: 1, status: "caveated" }));
    expectProblem(await patch(a, x.id, { version: 1, status: "unsupported" }), 409, "version");
    const results = await Promise.all([patch(a, x.id, { version: 2, note: "first" }), patch(a, x.id, { version: 2, note: "second" })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const [now] = await assumptions();
    expect(now).toMatchObject({ version: 3, note: results.find((r) => r.status === 200)!.body.note });
  });

  it("lets viewers read but not write (403), and hides everything from non-members (404)", async () => {
    const x = await add();
    const [viewer, outsider] = await Promise.all([signUp(baseUrl, "Vik"), signUp(baseUrl, "Ola")]);
    await invite(a, scenarioId, viewer, "viewer");
    expect(expectOk(await viewer.get(`/api/v1/scenarios/${scenarioId}/assumptions`)).items).toEqual([x]);
    expectProblem(await viewer.post(`/api/v1/questions/${q1.id}/assumptions`, { statement: "Mine" }), 403);
    expectProblem(await patch(viewer, x.id, { version: 1, status: "unsupported" }), 403);
    expectProblem(await outsider.get(`/api/v1/scenarios/${scenarioId}/assumptions`), 404);
    expectProblem(await outsider.post(`/api/v1/questions/${q1.id}/assumptions`, { statement: "Mine" }), 404);
    expectProblem(await patch(outsider, x.id, { version: 1, status: "unsupported" }), 404);
    expect(await assumptions()).toEqual([x]);
    expect(await events()).toHaveLength(1);
  });

  it("travel in the export, with their versions, and come back unchanged from an import", async () => {
    const x = await add();
    const rated = expectOk(await patch(a, x.id, { version: 1, status: "unsupported", note: "No roster seen" }));
    await add("Amaq speaks for ISIS-K", q2.id);
    const doc1: ScenarioDocument = expectOk(await a.get(`/api/v1/scenarios/${scenarioId}/export`));
    expect(doc1.assumptions.map((y) => [y.statement, y.status, y.versions.length])).toEqual([
      ["The gate guard was on duty", "unsupported", 2],
      ["Amaq speaks for ISIS-K", "solid", 1],
    ]);

    const importer = await signUp(baseUrl, "Ivy");
    const copyId: string = expectOk(await importer.post("/api/v1/scenarios/import", doc1), 201).id;
    const doc2: ScenarioDocument = expectOk(await importer.get(`/api/v1/scenarios/${copyId}/export`));
    expect(normalizeForComparison(doc2)).toEqual(normalizeForComparison(doc1));
    const copied = expectOk(await importer.get(`/api/v1/scenarios/${copyId}/assumptions`)).items;
    const copyQuestions = expectOk(await importer.get(`/api/v1/scenarios/${copyId}`)).questions;
    expect(copied[0]).toMatchObject({ statement: rated.statement, status: "unsupported", note: "No roster seen", version: 2, updatedAt: rated.updatedAt });
    expect(copied[0].questionId).toBe(copyQuestions.find((q: any) => q.title === q1.title).id);
  });
});
