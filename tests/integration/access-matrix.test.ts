// Every endpoint of /api/v1 × {anonymous, non-member, viewer, editor, owner}, with the
// endpoints read from the route files themselves: a route (or method) added without a rule
// here fails the first test. Writes a role may not make change nothing (403/404), reads it
// may not make reveal nothing (404 for non-members, 401 without a session).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/client";
import { signUp } from "../support/accounts";
import { estimate, expectOk, invite, newEvidence, newQuestion, newScenario, newSource, showTeamFigures } from "../support/api";

const baseUrl = inject("baseUrl");
const ROOT = path.resolve(__dirname, "../../app/api/v1");

type Role = "anonymous" | "nonMember" | "viewer" | "editor" | "owner";
/** "self": the owner's own account thing (their API token): anyone else's call is 404. */
type Min = "viewer" | "editor" | "owner" | "account" | "self";

interface Fixture {
  scenarioId: string;
  ownerId: string;
  questionId: string;
  childId: string;
  h1: string;
  h2: string;
  e1: string;
  e2: string;
  sourceId: string;
  outcomeId: string;
  extraMemberId: string;
  inviteId: string;
  acceptToken: string;
  exportDoc: unknown;
  apiTokenId: string;
  indicatorId: string;
  assumptionId: string;
}

interface Rule {
  min: Min;
  request: (f: Fixture, role: Role) => { path: string; body?: unknown };
}

const R = (min: Min, request: Rule["request"]): Rule => ({ min, request });

/** "METHOD /api/v1/…" as the route files spell their paths. */
const RULES: Record<string, Rule> = {
  "GET /api/v1/me": R("account", () => ({ path: "/api/v1/me" })),
  "GET /api/v1/me/tokens": R("account", () => ({ path: "/api/v1/me/tokens" })),
  "POST /api/v1/me/tokens": R("account", () => ({ path: "/api/v1/me/tokens", body: { name: "script" } })),
  "DELETE /api/v1/me/tokens/[id]": R("self", (f) => ({ path: `/api/v1/me/tokens/${f.apiTokenId}` })),
  "GET /api/v1/scenarios": R("account", () => ({ path: "/api/v1/scenarios" })),
  "POST /api/v1/scenarios": R("account", () => ({ path: "/api/v1/scenarios", body: { title: "Mine" } })),
  "POST /api/v1/scenarios/demo": R("account", () => ({ path: "/api/v1/scenarios/demo", body: {} })),
  "POST /api/v1/scenarios/import": R("account", (f) => ({ path: "/api/v1/scenarios/import", body: f.exportDoc })),
  "GET /api/v1/scenarios/[id]": R("viewer", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}` })),
  "PATCH /api/v1/scenarios/[id]": R("editor", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}`, body: { version: 2, title: "Renamed" } })),
  "GET /api/v1/scenarios/[id]/brief": R("viewer", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/brief?since=2020-01-01T00:00:00Z` })),
  "GET /api/v1/scenarios/[id]/diff": R("viewer", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/diff?from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z` })),
  "GET /api/v1/scenarios/[id]/evidence": R("viewer", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/evidence` })),
  "GET /api/v1/scenarios/[id]/evidence/tags": R("viewer", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/evidence/tags` })),
  "POST /api/v1/scenarios/[id]/evidence": R("editor", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/evidence`, body: { summary: "New item", reliability: "C", credibility: 3 } })),
  "GET /api/v1/scenarios/[id]/export": R("viewer", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/export` })),
  "GET /api/v1/scenarios/[id]/history": R("viewer", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/history` })),
  "GET /api/v1/scenarios/[id]/invites": R("owner", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/invites` })),
  "POST /api/v1/scenarios/[id]/invites": R("owner", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/invites`, body: { role: "viewer" } })),
  "GET /api/v1/scenarios/[id]/matrix": R("viewer", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/matrix?questionId=${f.questionId}` })),
  "GET /api/v1/scenarios/[id]/members": R("viewer", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/members` })),
  "PATCH /api/v1/scenarios/[id]/members/[userId]": R("owner", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/members/${f.extraMemberId}`, body: { role: "editor" } })),
  "DELETE /api/v1/scenarios/[id]/members/[userId]": R("owner", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/members/${f.extraMemberId}` })),
  "GET /api/v1/scenarios/[id]/outcomes": R("viewer", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/outcomes` })),
  "POST /api/v1/scenarios/[id]/outcomes": R("editor", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/outcomes`, body: { title: "Another end", hypothesisIds: [f.h2] } })),
  "POST /api/v1/scenarios/[id]/questions": R("editor", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/questions`, body: { title: "New Q", hypotheses: [{ title: "A" }, { title: "B" }] } })),
  "GET /api/v1/scenarios/[id]/scores": R("viewer", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/scores` })),
  "GET /api/v1/scenarios/[id]/sources": R("viewer", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/sources` })),
  "POST /api/v1/scenarios/[id]/sources": R("editor", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/sources`, body: { title: "Another source" } })),
  "GET /api/v1/sources/[id]": R("viewer", (f) => ({ path: `/api/v1/sources/${f.sourceId}` })),
  "GET /api/v1/questions/[id]": R("viewer", (f) => ({ path: `/api/v1/questions/${f.questionId}` })),
  "PATCH /api/v1/questions/[id]": R("editor", (f) => ({ path: `/api/v1/questions/${f.questionId}`, body: { version: 1, title: "Root, renamed" } })),
  "GET /api/v1/questions/[id]/estimates": R("viewer", (f) => ({ path: `/api/v1/questions/${f.questionId}/estimates` })),
  "POST /api/v1/questions/[id]/estimates": R("editor", (f) => ({ path: `/api/v1/questions/${f.questionId}/estimates`, body: { probabilities: { [f.h1]: 0.5, [f.h2]: 0.5 }, rationale: "even" } })),
  "POST /api/v1/questions/[id]/hypotheses": R("editor", (f, role) => ({ path: `/api/v1/questions/${f.questionId}/hypotheses`, body: { title: `Third (${role})` } })),
  "GET /api/v1/questions/[id]/resolution": R("viewer", (f) => ({ path: `/api/v1/questions/${f.childId}/resolution` })),
  "POST /api/v1/questions/[id]/resolution": R("editor", (f) => ({ path: `/api/v1/questions/${f.childId}/resolution`, body: { annulled: true } })),
  "GET /api/v1/questions/[id]/sensitivity": R("viewer", (f) => ({ path: `/api/v1/questions/${f.questionId}/sensitivity` })),
  "GET /api/v1/questions/[id]/series": R("viewer", (f) => ({ path: `/api/v1/questions/${f.questionId}/series` })),
  "PATCH /api/v1/hypotheses/[id]": R("editor", (f) => ({ path: `/api/v1/hypotheses/${f.h2}`, body: { version: 1, title: "No, renamed" } })),
  "GET /api/v1/evidence/[id]": R("viewer", (f) => ({ path: `/api/v1/evidence/${f.e1}` })),
  "PATCH /api/v1/evidence/[id]": R("editor", (f) => ({ path: `/api/v1/evidence/${f.e1}`, body: { version: 1, summary: "Edited" } })),
  "POST /api/v1/evidence/[id]/retract": R("editor", (f) => ({ path: `/api/v1/evidence/${f.e2}/retract`, body: { reason: "Withdrawn" } })),
  "GET /api/v1/evidence/[id]/ratings": R("viewer", (f) => ({ path: `/api/v1/evidence/${f.e1}/ratings` })),
  "PUT /api/v1/evidence/[id]/ratings": R("editor", (f) => ({ path: `/api/v1/evidence/${f.e1}/ratings`, body: { ratings: [{ hypothesisId: f.h1, consistency: "C" }] } })),
  "PATCH /api/v1/outcomes/[id]": R("editor", (f) => ({ path: `/api/v1/outcomes/${f.outcomeId}`, body: { version: 1, title: "Renamed end" } })),
  "GET /api/v1/questions/[id]/standing": R("viewer", (f) => ({ path: `/api/v1/questions/${f.questionId}/standing` })),
  "GET /api/v1/scenarios/[id]/indicators": R("viewer", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/indicators` })),
  "POST /api/v1/hypotheses/[id]/indicators": R("editor", (f, role) => ({ path: `/api/v1/hypotheses/${f.h1}/indicators`, body: { title: `Seen (${role})`, direction: "supports" } })),
  "PATCH /api/v1/indicators/[id]": R("editor", (f) => ({ path: `/api/v1/indicators/${f.indicatorId}`, body: { version: 1, status: "observed", evidenceIds: [f.e1] } })),
  "GET /api/v1/scenarios/[id]/assumptions": R("viewer", (f) => ({ path: `/api/v1/scenarios/${f.scenarioId}/assumptions` })),
  "POST /api/v1/questions/[id]/assumptions": R("editor", (f, role) => ({ path: `/api/v1/questions/${f.questionId}/assumptions`, body: { statement: `Assumed (${role})` } })),
  "PATCH /api/v1/assumptions/[id]": R("editor", (f) => ({ path: `/api/v1/assumptions/${f.assumptionId}`, body: { version: 1, status: "unsupported", note: "no source" } })),
  "GET /api/v1/analysts/[id]/calibration": R("viewer", (f) => ({ path: `/api/v1/analysts/${f.ownerId}/calibration` })),
  "DELETE /api/v1/invites/[id]": R("owner", (f) => ({ path: `/api/v1/invites/${f.inviteId}` })),
  // accepting is for someone new: tested on its own below
  "POST /api/v1/invites/[id]/accept": R("account", (f) => ({ path: `/api/v1/invites/${f.acceptToken}/accept`, body: {} })),
};

/** Every exported method of every route file under app/api/v1, as "METHOD /api/v1/…". */
function routeMethods(dir = ROOT, prefix = "/api/v1"): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...routeMethods(full, `${prefix}/${entry.name}`));
    else if (entry.name === "route.ts" && !prefix.includes("[...")) {
      const src = fs.readFileSync(full, "utf8");
      for (const m of src.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = route\b/g)) out.push(`${m[1]} ${prefix}`);
    }
  }
  return out.sort();
}

const RANK: Record<Exclude<Min, "account" | "self">, number> = { viewer: 0, editor: 1, owner: 2 };

function expected(rule: Rule, role: Role): "ok" | 401 | 403 | 404 {
  if (role === "anonymous") return 401;
  if (rule.min === "account") return "ok";
  if (rule.min === "self") return role === "owner" ? "ok" : 404;
  if (role === "nonMember") return 404;
  return RANK[role] >= RANK[rule.min] ? "ok" : 403;
}

async function fixture(owner: ApiClient): Promise<Fixture> {
  const s = await newScenario(owner, "Access matrix");
  // roles alone decide here: independent judgments (which hold back an export) are off
  await showTeamFigures(owner, s);
  const q = await newQuestion(owner, s.id, "Root?", ["Yes", "No"]);
  const [h1, h2] = q.hypotheses;
  const child = await newQuestion(owner, s.id, "Given yes, why?", ["A", "B"], h1.id);
  const source = await newSource(owner, s.id);
  const e1 = await newEvidence(owner, s.id, { summary: "First" });
  const e2 = await newEvidence(owner, s.id, { summary: "Second" });
  const outcome = expectOk(await owner.post(`/api/v1/scenarios/${s.id}/outcomes`, { title: "End", hypothesisIds: [h1.id] }), 201);
  await estimate(owner, q.id, { [h1.id]: 0.6, [h2.id]: 0.4 });
  const indicator = expectOk(await owner.post(`/api/v1/hypotheses/${h1.id}/indicators`, { title: "Watched", direction: "undermines" }), 201);
  const assumption = expectOk(await owner.post(`/api/v1/questions/${q.id}/assumptions`, { statement: "Held" }), 201);
  const extra = await signUp(baseUrl, "Extra");
  await invite(owner, s.id, extra, "viewer");
  const pending = expectOk(await owner.post(`/api/v1/scenarios/${s.id}/invites`, { role: "viewer" }), 201);
  const accept = expectOk(await owner.post(`/api/v1/scenarios/${s.id}/invites`, { role: "viewer" }), 201);
  return {
    scenarioId: s.id,
    ownerId: owner.user!.id,
    questionId: q.id,
    childId: child.id,
    h1: h1.id,
    h2: h2.id,
    e1: e1.id,
    e2: e2.id,
    sourceId: source.id,
    outcomeId: outcome.id,
    extraMemberId: extra.user!.id,
    inviteId: pending.id,
    acceptToken: String(accept.url).split("/invite/")[1]!,
    exportDoc: expectOk(await owner.get(`/api/v1/scenarios/${s.id}/export`)),
    apiTokenId: expectOk(await owner.post("/api/v1/me/tokens", { name: "fixture" }), 201).id,
    indicatorId: indicator.id,
    assumptionId: assumption.id,
  };
}

describe("the access matrix, generated from the route files", () => {
  it("has a rule for every method of every route file (a new route needs its rule here)", () => {
    expect(routeMethods()).toEqual(Object.keys(RULES).sort());
  });

  for (const role of ["anonymous", "nonMember", "viewer", "editor", "owner"] as const) {
    it(`${role}: every endpoint answers as the role allows, and refusals change nothing`, async () => {
      const owner = await signUp(baseUrl, "Owner");
      const f = await fixture(owner);
      let caller: ApiClient;
      if (role === "owner") caller = owner;
      else if (role === "anonymous") caller = new ApiClient(baseUrl);
      else {
        caller = await signUp(baseUrl, role);
        if (role !== "nonMember") await invite(owner, f.scenarioId, caller, role);
      }
      const events = async () => expectOk(await owner.get(`/api/v1/scenarios/${f.scenarioId}/history`)).items as { type: string }[];
      const before = (await events()).length;
      let allowedWrites = 0;
      for (const [key, rule] of Object.entries(RULES)) {
        const method = key.split(" ")[0]!;
        const { path: p, body } = rule.request(f, role);
        const res = await caller.request(method, p, body);
        const want = key === "POST /api/v1/invites/[id]/accept" && role !== "anonymous" && role !== "nonMember" ? 409 : expected(rule, role);
        const ctx = `${role} ${key} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`;
        if (want === "ok") {
          expect(res.status, ctx).toBeGreaterThanOrEqual(200);
          expect(res.status, ctx).toBeLessThan(300);
          if (method !== "GET") allowedWrites++;
        } else {
          expect(res.status, ctx).toBe(want);
          expect(res.headers.get("content-type"), ctx).toMatch(/^application\/problem\+json/);
        }
      }
      // a role that may write nothing in the scenario left no trace in its audit log — but
      // for the non-member's last call, accepting the invitation it was handed, which joins
      if (role === "anonymous" || role === "nonMember" || role === "viewer") {
        const added = (await events()).slice(before).map((e) => e.type);
        expect(added).toEqual(role === "nonMember" ? ["member.joined"] : []);
      } else {
        expect(allowedWrites).toBeGreaterThan(10);
      }
    });
  }
});
