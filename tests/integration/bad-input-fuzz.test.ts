// A few thousand generated malformed requests across every write endpoint: each field of a
// valid body replaced by a wrong type, null, a huge string, a number no JSON should carry,
// a "__proto__" object or a deep nest; fields dropped and added; bodies that are not JSON
// or not declared as JSON. Sent by a viewer, nothing may change at all; sent by an editor
// on a scenario of its own, nothing may fail on our side. Never a 5xx; every refusal is
// problem+json.
import { describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/client";
import { signUp } from "../support/accounts";
import { estimate, expectOk, invite, newEvidence, newQuestion, newScenario } from "../support/api";

const baseUrl = inject("baseUrl");

let deep: unknown = "bottom";
for (let i = 0; i < 200; i++) deep = { n: deep };

const WRONG: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  -1e308,
  2.5,
  "",
  " ",
  "x".repeat(300_000),
  "\u0000\u202e<script>alert(1)</script>",
  [],
  [null],
  {},
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}'),
  deep,
];

interface Target {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

async function targets(owner: ApiClient): Promise<{ scenarioId: string; list: Target[] }> {
  const s = await newScenario(owner, "Fuzz target");
  const q = await newQuestion(owner, s.id, "Q?", ["Yes", "No"]);
  const [h1, h2] = q.hypotheses;
  const e = await newEvidence(owner, s.id, { summary: "An item" });
  const outcome = expectOk(await owner.post(`/api/v1/scenarios/${s.id}/outcomes`, { title: "End", hypothesisIds: [h1.id] }), 201);
  await estimate(owner, q.id, { [h1.id]: 0.5, [h2.id]: 0.5 });
  return {
    scenarioId: s.id,
    list: [
      { method: "POST", path: "/api/v1/scenarios", body: { title: "T", summary: "S" } },
      { method: "PATCH", path: `/api/v1/scenarios/${s.id}`, body: { version: 1, title: "T", summary: "S" } },
      { method: "POST", path: `/api/v1/scenarios/${s.id}/questions`, body: { title: "Q", description: "D", parentHypothesisId: h1.id, hypotheses: [{ title: "A" }, { title: "B" }] } },
      { method: "PATCH", path: `/api/v1/questions/${q.id}`, body: { version: 1, title: "Q", description: "D" } },
      { method: "POST", path: `/api/v1/questions/${q.id}/hypotheses`, body: { title: "H", description: "D" } },
      { method: "PATCH", path: `/api/v1/hypotheses/${h2.id}`, body: { version: 1, title: "H", status: "open" } },
      { method: "POST", path: `/api/v1/scenarios/${s.id}/outcomes`, body: { title: "O", hypothesisIds: [h1.id] } },
      { method: "PATCH", path: `/api/v1/outcomes/${outcome.id}`, body: { version: 1, title: "O", hypothesisIds: [h1.id], archived: false } },
      { method: "POST", path: `/api/v1/scenarios/${s.id}/sources`, body: { title: "S", publisher: "P", url: "https://example.test", publishedAt: "2022-09-06T00:00:00Z", text: "T" } },
      { method: "POST", path: `/api/v1/scenarios/${s.id}/evidence`, body: { summary: "S", reliability: "B", credibility: 2, occurredAt: "2022-09-05T00:00:00Z", tags: ["t"] } },
      { method: "PATCH", path: `/api/v1/evidence/${e.id}`, body: { version: 1, summary: "S", credibility: 3, tags: ["t"] } },
      { method: "POST", path: `/api/v1/evidence/${e.id}/retract`, body: { reason: "R" } },
      { method: "PUT", path: `/api/v1/evidence/${e.id}/ratings`, body: { ratings: [{ hypothesisId: h1.id, consistency: "C", likelihood: 0.5 }] } },
      { method: "POST", path: `/api/v1/questions/${q.id}/estimates`, body: { probabilities: { [h1.id]: 0.5, [h2.id]: 0.5 }, rationale: "R", evidenceIds: [e.id] } },
      { method: "POST", path: `/api/v1/questions/${q.id}/resolution`, body: { hypothesisId: h1.id, note: "N" } },
      { method: "POST", path: `/api/v1/scenarios/${s.id}/invites`, body: { role: "viewer", expiresInDays: 7 } },
      { method: "PATCH", path: `/api/v1/scenarios/${s.id}/members/${owner.user!.id}`, body: { role: "owner" } },
      { method: "POST", path: "/api/v1/scenarios/import", body: { format: "branchpoint.scenario", formatVersion: 1 } },
    ],
  };
}

/** Every malformed variant of one request: fields replaced, dropped, added; nested values too. */
function variants(t: Target): { body: string; type: string }[] {
  const json = (b: unknown) => ({ body: JSON.stringify(b), type: "application/json" });
  const out = [json({}), json([]), json(null), json("text"), json({ ...t.body, unknownField: 1 })];
  for (const [key, value] of Object.entries(t.body)) {
    out.push(json(Object.fromEntries(Object.entries(t.body).filter(([k]) => k !== key))));
    for (const w of WRONG) out.push(json({ ...t.body, [key]: w }));
    // one level down: each field of a nested object, each item of a nested array
    if (value && typeof value === "object") {
      const inner = Array.isArray(value) ? value[0] : value;
      if (inner && typeof inner === "object") {
        for (const innerKey of Object.keys(inner)) {
          for (const w of WRONG) {
            const changed = { ...(inner as Record<string, unknown>), [innerKey]: w };
            out.push(json({ ...t.body, [key]: Array.isArray(value) ? [changed] : changed }));
          }
        }
      }
    }
  }
  const valid = JSON.stringify(t.body);
  out.push(
    { body: valid.slice(0, -1), type: "application/json" },
    { body: "NaN", type: "application/json" },
    { body: '{"probabilities": {"a": NaN}, "x": Infinity}', type: "application/json" },
    { body: valid, type: "text/plain" },
    { body: valid, type: "application/x-www-form-urlencoded" },
    { body: "", type: "application/json" },
  );
  return out;
}

async function send(c: ApiClient, t: Target, v: { body: string; type: string }) {
  const res = await fetch(baseUrl + t.path, { method: t.method, body: v.body, headers: { cookie: c.cookie, origin: baseUrl, "content-type": v.type } });
  const text = await res.text();
  return { status: res.status, type: res.headers.get("content-type") ?? "", text };
}

describe("generated malformed input", () => {
  it("from a viewer: thousands of requests, no 5xx, problem+json for every refusal, the scenario unchanged", async () => {
    const owner = await signUp(baseUrl, "Fuzz Owner");
    const viewer = await signUp(baseUrl, "Fuzz Viewer");
    const { scenarioId, list } = await targets(owner);
    await invite(owner, scenarioId, viewer, "viewer");
    const before = expectOk(await owner.get(`/api/v1/scenarios/${scenarioId}/export`));
    const mine = expectOk(await viewer.get("/api/v1/scenarios")).items.length;
    let sent = 0;
    const failures: string[] = [];
    for (const t of list) {
      for (const v of variants(t)) {
        const res = await send(viewer, t, v);
        sent++;
        const ok = res.status >= 400 && res.status < 500 && res.type.startsWith("application/problem+json");
        // a viewer can still make a scenario of their own, or import one: those are not this scenario
        const ownWrite = (t.path === "/api/v1/scenarios" || t.path === "/api/v1/scenarios/import") && res.status === 201;
        if (!ok && !ownWrite) failures.push(`${t.method} ${t.path} ${v.type} ${v.body.slice(0, 80)} → ${res.status} ${res.text.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
    const after = expectOk(await owner.get(`/api/v1/scenarios/${scenarioId}/export`));
    expect({ ...after, exportedAt: null }).toEqual({ ...before, exportedAt: null });
    expect(expectOk(await viewer.get("/api/v1/scenarios")).items.length).toBeGreaterThanOrEqual(mine);
  }, 300_000);

  it("from an editor on their own scenario: no 5xx, and every refusal is problem+json", async () => {
    const owner = await signUp(baseUrl, "Fuzz Editor");
    const { list } = await targets(owner);
    const failures: string[] = [];
    let sent = 0;
    for (const t of list) {
      for (const v of variants(t)) {
        const res = await send(owner, t, v);
        sent++;
        if (res.status >= 500 || (res.status >= 400 && !res.type.startsWith("application/problem+json"))) {
          failures.push(`${t.method} ${t.path} ${v.body.slice(0, 80)} → ${res.status} ${res.text.slice(0, 160)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
  }, 300_000);
});
