// Sources, evidence and ratings over real HTTP: verbatim excerpts, list filters, edits as
// versions, retraction, and append-only ratings readable as of a past time.
import { beforeEach, describe, expect, inject, it } from "vitest";
import type { ApiClient } from "../support/client";
import { signUp } from "../support/accounts";
import { expectOk, expectProblem, newEvidence, newQuestion, newScenario, newSource, sleep, snapshot, SOURCE_TEXT, invite } from "../support/api";

const baseUrl = inject("baseUrl");
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

let a: ApiClient;
let scenarioId: string;

beforeEach(async () => {
  a = await signUp(baseUrl, "Eve");
  scenarioId = (await newScenario(a, "Evidence case")).id;
});

const list = async (query = "") => expectOk(await a.get(`/api/v1/scenarios/${scenarioId}/evidence${query}`)).items as any[];
const ids = (items: { id: string }[]) => items.map((x) => x.id);

describe("sources", () => {
  it("creates with full text (kept byte for byte), lists without the text, gets one with it", async () => {
    const text = "  Línea uno — «quoted».\n\nSecond paragraph with trailing spaces   \n";
    const res = await a.post(`/api/v1/scenarios/${scenarioId}/sources`, {
      title: "Article",
      publisher: "TRT World",
      author: "Someone",
      publishedAt: "2022-09-07T00:00:00Z",
      url: "https://example.test/a",
      text,
    });
    const src = expectOk(res, 201);
    expect(src).toMatchObject({
      id: expect.any(String),
      title: "Article",
      publisher: "TRT World",
      author: "Someone",
      publishedAt: "2022-09-07T00:00:00.000Z",
      url: "https://example.test/a",
      text,
      createdAt: expect.stringMatching(ISO),
    });
    const bare = expectOk(await a.post(`/api/v1/scenarios/${scenarioId}/sources`, { title: "Just a title" }), 201);
    expect(bare).toMatchObject({ publisher: null, author: null, publishedAt: null, url: null, text: null });

    const items = expectOk(await a.get(`/api/v1/scenarios/${scenarioId}/sources`)).items;
    expect(ids(items).sort()).toEqual([src.id, bare.id].sort());
    const listed = items.find((x: any) => x.id === src.id);
    expect(listed).not.toHaveProperty("text");
    expect(listed).toMatchObject({ title: "Article", textLength: text.length });

    expect(expectOk(await a.get(`/api/v1/sources/${src.id}`))).toMatchObject({ id: src.id, text });
  });

  it("rejects a non-http URL (4xx) and creates nothing", async () => {
    const res = await a.post(`/api/v1/scenarios/${scenarioId}/sources`, { title: "Bad", url: "javascript:alert(1)" });
    expectProblem(res, 422, "url");
    expect(expectOk(await a.get(`/api/v1/scenarios/${scenarioId}/sources`)).items).toEqual([]);
  });
});

describe("evidence", () => {
  it("an excerpt must occur verbatim in the source text (else 422, nothing created)", async () => {
    const src = await newSource(a, scenarioId);
    const ok = await newEvidence(a, scenarioId, {
      summary: "Queue unprotected",
      excerpt: "\nthe queue outside was unprotected\n",
      sourceId: src.id,
      occurredAt: "2022-09-05T06:50:00Z",
      reliability: "A",
      credibility: 1,
      tags: ["Security", "security", " gate "],
    });
    expect(ok).toMatchObject({
      scenarioId,
      summary: "Queue unprotected",
      excerpt: "the queue outside was unprotected",
      sourceId: src.id,
      occurredAt: "2022-09-05T06:50:00.000Z",
      reliability: "A",
      credibility: 1,
      tags: ["security", "gate"],
      version: 1,
      retractedAt: null,
      retractReason: null,
    });

    for (const excerpt of ["the queue outside was UNPROTECTED", "the queue was unprotected", "not in the article at all"]) {
      expectProblem(await a.post(`/api/v1/scenarios/${scenarioId}/evidence`, { summary: "x", excerpt, sourceId: src.id, reliability: "B", credibility: 2 }), 422, "excerpt");
    }
    expect(ids(await list("?includeRetracted=true"))).toEqual([ok.id]);

    // a source without text cannot be checked, so any excerpt is accepted
    const noText = await newSource(a, scenarioId, null);
    await newEvidence(a, scenarioId, { excerpt: "anything goes", sourceId: noText.id });
    expect(SOURCE_TEXT).toContain("the queue outside was unprotected");
  });

  it("lists newest first and filters by q (summary or excerpt, any case), tag and includeRetracted", async () => {
    const src = await newSource(a, scenarioId);
    const e1 = await newEvidence(a, scenarioId, { summary: "Guard killed at the gate", tags: ["casualties"] });
    const e2 = await newEvidence(a, scenarioId, { summary: "Claim of responsibility", excerpt: "the attacker acted alone", sourceId: src.id, tags: ["claims"] });
    const e3 = await newEvidence(a, scenarioId, { summary: "100% certain witness_statement", tags: ["claims", "witness"] });

    expect(ids(await list())).toEqual([e3.id, e2.id, e1.id]);
    expect(ids(await list("?q=GATE"))).toEqual([e1.id]);
    expect(ids(await list("?q=acted%20alone"))).toEqual([e2.id]); // matches the excerpt
    expect(ids(await list("?q=100%25"))).toEqual([e3.id]); // % taken literally
    expect(ids(await list("?q=s_a"))).toEqual([]); // _ taken literally
    expect(ids(await list("?tag=claims"))).toEqual([e3.id, e2.id]);
    expect(ids(await list("?tag=Witness"))).toEqual([e3.id]);
    expect(ids(await list("?q=claim&tag=claims"))).toEqual([e2.id]);

    expectOk(await a.post(`/api/v1/evidence/${e2.id}/retract`, { reason: "Claim was fabricated" }));
    expect(ids(await list())).toEqual([e3.id, e1.id]);
    expect(ids(await list("?tag=claims"))).toEqual([e3.id]);
    expect(ids(await list("?includeRetracted=true"))).toEqual([e3.id, e2.id, e1.id]);
    expect(ids(await list("?includeRetracted=false"))).toEqual([e3.id, e1.id]);
    expectProblem(await a.get(`/api/v1/scenarios/${scenarioId}/evidence?includeRetracted=maybe`), 422, "includeRetracted");
  });

  it("PATCH writes a new version and keeps the old; a stale version is 409 and changes nothing", async () => {
    const src = await newSource(a, scenarioId);
    const e = await newEvidence(a, scenarioId, { summary: "First wording", excerpt: "The embassy guard was killed", sourceId: src.id, reliability: "C", credibility: 3, tags: ["a"] });
    await sleep(5);
    const patched = expectOk(await a.patch(`/api/v1/evidence/${e.id}`, { version: 1, summary: "Second wording", credibility: 2, tags: ["a", "b"] }));
    expect(patched).toMatchObject({ id: e.id, version: 2, summary: "Second wording", credibility: 2, reliability: "C", tags: ["a", "b"], excerpt: "The embassy guard was killed" });
    expect(patched.updatedAt > e.updatedAt).toBe(true);
    expect(patched.createdAt).toBe(e.createdAt);

    const detail = expectOk(await a.get(`/api/v1/evidence/${e.id}`));
    expect(detail).toMatchObject({ id: e.id, version: 2, summary: "Second wording" });
    expect(detail.versions).toEqual([
      expect.objectContaining({ version: 1, summary: "First wording", credibility: 3, tags: ["a"], editedBy: a.user!.id, createdAt: e.createdAt }),
      expect.objectContaining({ version: 2, summary: "Second wording", credibility: 2, tags: ["a", "b"], editedBy: a.user!.id }),
    ]);

    const before = await snapshot(a, scenarioId);
    expectProblem(await a.patch(`/api/v1/evidence/${e.id}`, { version: 1, summary: "Lost update" }), 409, "version");
    // an edited excerpt is checked against the source again
    expectProblem(await a.patch(`/api/v1/evidence/${e.id}`, { version: 2, excerpt: "The embassy guard survived" }), 422, "excerpt");
    expect(await snapshot(a, scenarioId)).toEqual(before);

    // an edit that changes nothing adds no version
    expect(expectOk(await a.patch(`/api/v1/evidence/${e.id}`, { version: 2, summary: "Second wording" })).version).toBe(2);
    expect(expectOk(await a.get(`/api/v1/evidence/${e.id}`)).versions).toHaveLength(2);
  });

  it("retract with a reason hides the item by default; retracting again is 409; it cannot be edited or rated", async () => {
    const q = await newQuestion(a, scenarioId, "Q", ["H1", "H2"]);
    const e = await newEvidence(a, scenarioId, { summary: "Doubtful report" });
    const keep = await newEvidence(a, scenarioId, { summary: "Solid report" });

    const r = expectOk(await a.post(`/api/v1/evidence/${e.id}/retract`, { reason: "Source recanted" }));
    expect(r).toMatchObject({ id: e.id, retractedAt: expect.stringMatching(ISO), retractReason: "Source recanted", version: 1 });
    expect(ids(await list())).toEqual([keep.id]);
    const shown = (await list("?includeRetracted=true")).find((x) => x.id === e.id);
    expect(shown).toMatchObject({ retractReason: "Source recanted", retractedAt: r.retractedAt });
    expect(expectOk(await a.get(`/api/v1/evidence/${e.id}`))).toMatchObject({ retractReason: "Source recanted" });

    const before = await snapshot(a, scenarioId);
    expectProblem(await a.post(`/api/v1/evidence/${e.id}/retract`, { reason: "Again" }), 409);
    expectProblem(await a.post(`/api/v1/evidence/${keep.id}/retract`, { reason: "   " }), 422, "reason");
    expectProblem(await a.patch(`/api/v1/evidence/${e.id}`, { version: 1, summary: "Revived" }), 422);
    expectProblem(await a.put(`/api/v1/evidence/${e.id}/ratings`, { ratings: [{ hypothesisId: q.hypotheses[0].id, consistency: "C" }] }), 422);
    expect(await snapshot(a, scenarioId)).toEqual(before);

    const events = expectOk(await a.get(`/api/v1/scenarios/${scenarioId}/history`)).items;
    expect(events.filter((x: any) => x.type === "evidence.retracted")).toEqual([
      expect.objectContaining({ entityId: e.id, actorId: a.user!.id, after: expect.objectContaining({ retractReason: "Source recanted" }) }),
    ]);
  });
});

describe("ratings", () => {
  it("PUT/GET per analyst; re-rating changes the current value and GET ?asOf= shows the old one", async () => {
    const b = await signUp(baseUrl, "Fay");
    await invite(a, scenarioId, b, "editor");
    const q = await newQuestion(a, scenarioId, "Q", ["H1", "H2"]);
    const [h1, h2] = q.hypotheses;
    const e = await newEvidence(a, scenarioId);

    const put = expectOk(await a.put(`/api/v1/evidence/${e.id}/ratings`, { ratings: [{ hypothesisId: h1.id, consistency: "C", likelihood: 0.8 }, { hypothesisId: h2.id, consistency: "I" }] }));
    expect(put.items).toHaveLength(2);
    expect(put.items).toEqual(
      expect.arrayContaining([
        { evidenceId: e.id, hypothesisId: h1.id, analystId: a.user!.id, consistency: "C", likelihood: 0.8, createdAt: expect.stringMatching(ISO) },
        expect.objectContaining({ hypothesisId: h2.id, consistency: "I", likelihood: null }),
      ]),
    );
    expectOk(await b.put(`/api/v1/evidence/${e.id}/ratings`, { ratings: [{ hypothesisId: h1.id, consistency: "N" }] }));

    await sleep(40);
    const t = new Date().toISOString();
    await sleep(40);

    const again = expectOk(await a.put(`/api/v1/evidence/${e.id}/ratings`, { ratings: [{ hypothesisId: h1.id, consistency: "II" }] }));
    expect(again.items.find((x: any) => x.hypothesisId === h1.id)).toMatchObject({ consistency: "II", likelihood: null });
    expect(again.items.find((x: any) => x.hypothesisId === h2.id)).toMatchObject({ consistency: "I" });

    const cell = (items: any[], analyst: string, h: string) => items.find((x) => x.analystId === analyst && x.hypothesisId === h);
    const now = expectOk(await a.get(`/api/v1/evidence/${e.id}/ratings`)).items;
    expect(now).toHaveLength(3);
    expect(cell(now, a.user!.id, h1.id)).toMatchObject({ consistency: "II", likelihood: null });
    expect(cell(now, b.user!.id, h1.id)).toMatchObject({ consistency: "N" });

    const past = expectOk(await a.get(`/api/v1/evidence/${e.id}/ratings?asOf=${encodeURIComponent(t)}`)).items;
    expect(past).toHaveLength(3);
    expect(cell(past, a.user!.id, h1.id)).toMatchObject({ consistency: "C", likelihood: 0.8 });

    const early = expectOk(await a.get(`/api/v1/evidence/${e.id}/ratings?asOf=2000-01-01T00:00:00Z`)).items;
    expect(early).toEqual([]);

    // the same values again change nothing: no new row, no event
    const events = () => a.get(`/api/v1/scenarios/${scenarioId}/history`).then((r) => r.body.items.length);
    const n = await events();
    expectOk(await a.put(`/api/v1/evidence/${e.id}/ratings`, { ratings: [{ hypothesisId: h1.id, consistency: "II" }] }));
    expect(await events()).toBe(n);
    const log = expectOk(await a.get(`/api/v1/scenarios/${scenarioId}/history`)).items.filter((x: any) => x.type === "ratings.updated");
    expect(log).toHaveLength(3);
    expect(log[2]).toMatchObject({ actorId: a.user!.id, before: [{ hypothesisId: h1.id, consistency: "C", likelihood: 0.8 }], after: [{ hypothesisId: h1.id, consistency: "II", likelihood: null }] });
  });
});
