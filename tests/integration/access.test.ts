// Access control over real HTTP: outsiders get 404 for everything inside a scenario,
// viewers read but cannot write (403), editors write but cannot manage members, and the
// member rules (duplicates 409, unknown email 422, last owner 422, removal revokes access).
import { beforeEach, describe, expect, inject, it } from "vitest";
import type { ApiClient } from "../support/client";
import { signUp } from "../support/accounts";
import { buildScenario, estimate, expectOk, expectProblem, snapshot, type Built, invite } from "../support/api";

const baseUrl = inject("baseUrl");

/** Every endpoint that touches something inside the scenario, with a valid body. */
function endpoints(b: Built, ownerId: string): { method: string; path: string; body?: unknown; write: boolean }[] {
  const s = b.scenario.id;
  const probs = { [b.h1.id]: 0.5, [b.h2.id]: 0.5 };
  return [
    { method: "GET", path: `/api/v1/scenarios/${s}`, write: false },
    { method: "GET", path: `/api/v1/scenarios/${s}?asOf=2030-01-01T00:00:00Z`, write: false },
    { method: "PATCH", path: `/api/v1/scenarios/${s}`, body: { version: 1, title: "taken" }, write: true },
    { method: "POST", path: `/api/v1/scenarios/${s}/questions`, body: { title: "Q", hypotheses: [{ title: "a" }, { title: "b" }] }, write: true },
    { method: "GET", path: `/api/v1/scenarios/${s}/sources`, write: false },
    { method: "POST", path: `/api/v1/scenarios/${s}/sources`, body: { title: "S" }, write: true },
    { method: "GET", path: `/api/v1/scenarios/${s}/evidence`, write: false },
    { method: "POST", path: `/api/v1/scenarios/${s}/evidence`, body: { summary: "x", reliability: "A", credibility: 1 }, write: true },
    { method: "GET", path: `/api/v1/scenarios/${s}/outcomes`, write: false },
    { method: "POST", path: `/api/v1/scenarios/${s}/outcomes`, body: { title: "O", hypothesisIds: [b.h2.id] }, write: true },
    { method: "GET", path: `/api/v1/scenarios/${s}/history`, write: false },
    { method: "GET", path: `/api/v1/scenarios/${s}/export`, write: false },
    { method: "GET", path: `/api/v1/scenarios/${s}/members`, write: false },
    { method: "GET", path: `/api/v1/questions/${b.question.id}`, write: false },
    { method: "PATCH", path: `/api/v1/questions/${b.question.id}`, body: { version: 1, title: "taken" }, write: true },
    { method: "POST", path: `/api/v1/questions/${b.question.id}/hypotheses`, body: { title: "c" }, write: true },
    { method: "GET", path: `/api/v1/questions/${b.question.id}/estimates`, write: false },
    { method: "POST", path: `/api/v1/questions/${b.question.id}/estimates`, body: { probabilities: probs, rationale: "r" }, write: true },
    { method: "GET", path: `/api/v1/questions/${b.question.id}/resolution`, write: false },
    { method: "POST", path: `/api/v1/questions/${b.question.id}/resolution`, body: { hypothesisId: b.h1.id }, write: true },
    { method: "GET", path: `/api/v1/questions/${b.child.id}`, write: false },
    { method: "PATCH", path: `/api/v1/hypotheses/${b.h1.id}`, body: { version: 1, title: "taken" }, write: true },
    { method: "GET", path: `/api/v1/sources/${b.source.id}`, write: false },
    { method: "GET", path: `/api/v1/evidence/${b.evidence.id}`, write: false },
    { method: "PATCH", path: `/api/v1/evidence/${b.evidence.id}`, body: { version: 1, summary: "taken" }, write: true },
    { method: "POST", path: `/api/v1/evidence/${b.evidence.id}/retract`, body: { reason: "r" }, write: true },
    { method: "GET", path: `/api/v1/evidence/${b.evidence.id}/ratings`, write: false },
    { method: "PUT", path: `/api/v1/evidence/${b.evidence.id}/ratings`, body: { ratings: [{ hypothesisId: b.h1.id, consistency: "II" }] }, write: true },
    { method: "PATCH", path: `/api/v1/outcomes/${b.outcome.id}`, body: { version: 1, title: "taken" }, write: true },
    // member management is owner-only; the target is the owner themself
    { method: "PATCH", path: `/api/v1/scenarios/${s}/members/${ownerId}`, body: { role: "viewer" }, write: true },
    { method: "DELETE", path: `/api/v1/scenarios/${s}/members/${ownerId}`, write: true },
  ];
}

let a: ApiClient;
let b: ApiClient;
let built: Built;

beforeEach(async () => {
  [a, b] = await Promise.all([signUp(baseUrl, "Alice"), signUp(baseUrl, "Bob")]);
  built = await buildScenario(a, "Alice's case");
});

async function addMember(role: "viewer" | "editor" | "owner", target: ApiClient = b) {
  await invite(a, built.scenario.id, target, role);
  const members = expectOk(await a.get(`/api/v1/scenarios/${built.scenario.id}/members`)).items;
  expect(members).toContainEqual(expect.objectContaining({ userId: target.user!.id, email: target.user!.email, name: target.user!.name, role }));
}

describe("a non-member", () => {
  it("gets 404 problem+json for the scenario and every id inside it, and changes nothing", async () => {
    const before = await snapshot(a, built.scenario.id);
    for (const e of endpoints(built, a.user!.id)) {
      const res = await b.request(e.method, e.path, e.body);
      expect(res.status, `${e.method} ${e.path}`).toBe(404);
      expectProblem(res, 404);
    }
    expectProblem(await b.post(`/api/v1/scenarios/${built.scenario.id}/invites`, { role: "owner" }), 404);
    expect(await snapshot(a, built.scenario.id)).toEqual(before);
  });

  it("gets the same 404 for a made-up id as for a real one it may not see", async () => {
    const real = await b.get(`/api/v1/evidence/${built.evidence.id}`);
    const fake = await b.get(`/api/v1/evidence/00000000-0000-7000-8000-000000000000`);
    expectProblem(real, 404);
    expectProblem(fake, 404);
    expect(real.body).toEqual(fake.body);
  });

  it("does not see the scenario in its list", async () => {
    const list = expectOk(await b.get("/api/v1/scenarios"));
    expect(list.items.map((s: { id: string }) => s.id)).not.toContain(built.scenario.id);
    const mine = expectOk(await a.get("/api/v1/scenarios"));
    expect(mine.items.find((s: { id: string }) => s.id === built.scenario.id)).toMatchObject({ role: "owner", title: "Alice's case" });
  });
});

describe("a viewer", () => {
  it("can read everything (200) but every write is 403 and changes nothing", async () => {
    await addMember("viewer");
    const list = expectOk(await b.get("/api/v1/scenarios"));
    expect(list.items.find((s: { id: string }) => s.id === built.scenario.id)).toMatchObject({ role: "viewer" });
    expect(expectOk(await b.get(`/api/v1/scenarios/${built.scenario.id}`))).toMatchObject({ id: built.scenario.id, role: "viewer" });

    const before = await snapshot(a, built.scenario.id);
    for (const e of endpoints(built, a.user!.id)) {
      const res = await b.request(e.method, e.path, e.body);
      if (e.write) expectProblem(res, 403);
      else expect(res.status, `${e.method} ${e.path}`).toBe(200);
    }
    expectProblem(await b.post(`/api/v1/scenarios/${built.scenario.id}/invites`, { role: "owner" }), 403);
    expect(await snapshot(a, built.scenario.id)).toEqual(before);
  });
});

describe("an editor", () => {
  it("after promotion from viewer can write: estimate, evidence, scenario edit", async () => {
    await addMember("viewer");
    expectProblem(await b.post(`/api/v1/scenarios/${built.scenario.id}/evidence`, { summary: "early", reliability: "C", credibility: 3 }), 403);

    const promoted = await a.patch(`/api/v1/scenarios/${built.scenario.id}/members/${b.user!.id}`, { role: "editor" });
    expect(expectOk(promoted)).toMatchObject({ userId: b.user!.id, role: "editor" });

    const est = await estimate(b, built.question.id, { [built.h1.id]: 0.2, [built.h2.id]: 0.8 }, "Bob's view");
    expect(est).toMatchObject({ analystId: b.user!.id, questionId: built.question.id });
    const ev = expectOk(await b.post(`/api/v1/scenarios/${built.scenario.id}/evidence`, { summary: "Bob's find", reliability: "C", credibility: 3 }), 201);
    expect(ev).toMatchObject({ summary: "Bob's find", scenarioId: built.scenario.id });
    const patched = expectOk(await b.patch(`/api/v1/scenarios/${built.scenario.id}`, { version: 1, title: "Renamed by Bob" }));
    expect(patched).toMatchObject({ title: "Renamed by Bob", version: 2, role: "editor" });

    const view = expectOk(await b.get(`/api/v1/scenarios/${built.scenario.id}`));
    expect(view.questions[0].analysts).toBe(2);
  });

  it("cannot invite, re-role or remove members (403)", async () => {
    await addMember("editor");
    const s = built.scenario.id;
    expectProblem(await b.post(`/api/v1/scenarios/${s}/invites`, { role: "viewer" }), 403);
    expectProblem(await b.get(`/api/v1/scenarios/${s}/invites`), 403);
    expectProblem(await b.patch(`/api/v1/scenarios/${s}/members/${b.user!.id}`, { role: "owner" }), 403);
    expectProblem(await b.patch(`/api/v1/scenarios/${s}/members/${a.user!.id}`, { role: "viewer" }), 403);
    expectProblem(await b.delete(`/api/v1/scenarios/${s}/members/${a.user!.id}`), 403);
    const members = expectOk(await b.get(`/api/v1/scenarios/${s}/members`));
    expect(members.items.map((m: { userId: string; role: string }) => [m.userId, m.role]).sort()).toEqual(
      [
        [a.user!.id, "owner"],
        [b.user!.id, "editor"],
      ].sort(),
    );
  });
});

describe("member management", () => {
  it("lists members with their shape", async () => {
    await addMember("viewer");
    const members = expectOk(await a.get(`/api/v1/scenarios/${built.scenario.id}/members`));
    expect(members.items).toHaveLength(2);
    expect(members.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: a.user!.id, email: a.user!.email, name: "Alice", role: "owner" }),
        expect.objectContaining({ userId: b.user!.id, email: b.user!.email, name: "Bob", role: "viewer" }),
      ]),
    );
  });

  it("an invitation is single-use; a member accepting another is 409; a revoked one is gone", async () => {
    const s = built.scenario.id;
    const carol = await signUp(baseUrl, "Carol");
    const link = expectOk(await a.post(`/api/v1/scenarios/${s}/invites`, { role: "editor" }), 201);
    expect(link).toMatchObject({ id: expect.any(String), role: "editor", url: expect.stringMatching(/\/invite\/[\w-]{40,}$/), expiresAt: expect.any(String) });
    const token = link.url.split("/invite/")[1];
    expect(expectOk(await a.get(`/api/v1/scenarios/${s}/invites`)).items.map((i: any) => i.id)).toEqual([link.id]);
    // the list never shows the secret again
    expect(JSON.stringify(expectOk(await a.get(`/api/v1/scenarios/${s}/invites`)))).not.toContain(token);

    expect(expectOk(await b.post(`/api/v1/invites/${token}/accept`, {}))).toEqual({ scenarioId: s, role: "editor" });
    expectProblem(await carol.post(`/api/v1/invites/${token}/accept`, {}), 404);
    expect(expectOk(await a.get(`/api/v1/scenarios/${s}/invites`)).items).toEqual([]);

    const second = expectOk(await a.post(`/api/v1/scenarios/${s}/invites`, { role: "owner" }), 201);
    const before = await snapshot(a, s);
    expectProblem(await b.post(`/api/v1/invites/${second.url.split("/invite/")[1]}/accept`, {}), 409);
    expect(await snapshot(a, s)).toEqual(before);
    expect((await a.delete(`/api/v1/invites/${second.id}`)).status).toBe(204);
    expectProblem(await carol.post(`/api/v1/invites/${second.url.split("/invite/")[1]}/accept`, {}), 404);
    expectProblem(await carol.get(`/api/v1/scenarios/${s}`), 404);
    // only an owner of its scenario can revoke; to anyone else it does not exist
    const third = expectOk(await a.post(`/api/v1/scenarios/${s}/invites`, { role: "viewer" }), 201);
    expectProblem(await carol.delete(`/api/v1/invites/${third.id}`), 404);
    expectProblem(await b.delete(`/api/v1/invites/${third.id}`), 403);
  });

  it("adding by email is gone: POST …/members is 405 and says how people join", async () => {
    const res = await a.post(`/api/v1/scenarios/${built.scenario.id}/members`, { email: b.user!.email, role: "viewer" });
    expectProblem(res, 405);
    expect(res.body.detail).toContain("invitation");
  });

  it("the last owner can be neither removed nor demoted (422); with a second owner they can", async () => {
    const s = built.scenario.id;
    const before = await snapshot(a, s);
    expectProblem(await a.delete(`/api/v1/scenarios/${s}/members/${a.user!.id}`), 422);
    expectProblem(await a.patch(`/api/v1/scenarios/${s}/members/${a.user!.id}`, { role: "editor" }), 422);
    expect(await snapshot(a, s)).toEqual(before);

    await addMember("owner");
    expect((await a.delete(`/api/v1/scenarios/${s}/members/${a.user!.id}`)).status).toBe(204);
    expectProblem(await a.get(`/api/v1/scenarios/${s}`), 404);
    expectProblem(await b.delete(`/api/v1/scenarios/${s}/members/${b.user!.id}`), 422);
  });

  it("DELETE removes access: the removed member then gets 404 and loses the list entry", async () => {
    await addMember("editor");
    expectOk(await b.get(`/api/v1/scenarios/${built.scenario.id}`));
    const del = await a.delete(`/api/v1/scenarios/${built.scenario.id}/members/${b.user!.id}`);
    expect(del.status).toBe(204);
    expectProblem(await b.get(`/api/v1/scenarios/${built.scenario.id}`), 404);
    expectProblem(await b.get(`/api/v1/evidence/${built.evidence.id}`), 404);
    expectProblem(await b.post(`/api/v1/questions/${built.question.id}/estimates`, { probabilities: { [built.h1.id]: 0.5, [built.h2.id]: 0.5 }, rationale: "x" }), 404);
    const list = expectOk(await b.get("/api/v1/scenarios"));
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(built.scenario.id);
    // removing someone who is not a member is 404
    expectProblem(await a.delete(`/api/v1/scenarios/${built.scenario.id}/members/${b.user!.id}`), 404);

    const history = expectOk(await a.get(`/api/v1/scenarios/${built.scenario.id}/history`));
    const types = history.items.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(["member.joined", "member.removed"]));
    const removed = history.items.find((e: { type: string }) => e.type === "member.removed");
    expect(removed).toMatchObject({ actorId: a.user!.id, entityId: b.user!.id, before: { role: "editor" } });
  });
});
