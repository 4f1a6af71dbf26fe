// Scores and calibration over HTTP. Time-averaged Brier needs estimates days apart, so
// after resolving, the test moves estimate timestamps back in the server's database file
// (the only way to put days between events without waiting for them).
//
// Question Q (H1 H2 H3), resolved H1 at R:
//   Alice  R−3d (.5 .3 .2)   R−1d (.6 .3 .1)      Bob  R−2d (.2 .5 .3)
// Brier (Σ (p − o)²): Alice .5/.3/.2 → .25 + .09 + .04 = .38;  .6/.3/.1 → .16 + .09 + .01 = .26
//                     Bob .2/.5/.3 → .64 + .25 + .09 = .98
// Time-averaged: Alice slots R−3d, R−2d, R−1d → (.38 + .38 + .26) / 3 = .34; Bob two slots → .98
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signUp as signUpAt, type ApiClient } from "../support/client";
import { ok } from "../support/api";

const baseUrl = inject("baseUrl");
const signUp = (name: string) => signUpAt(baseUrl, name);
const DAY = 24 * 60 * 60 * 1000;

const brier = (p: number[], trueIndex: number) => p.reduce((a, x, i) => a + (x - (i === trueIndex ? 1 : 0)) ** 2, 0);
/** Geometric-mean pool, renormalised (the default aggregate). */
const gmPool = (...estimates: number[][]) => {
  const g = estimates[0]!.map((_, i) => Math.exp(estimates.reduce((a, e) => a + Math.log(e[i]!), 0) / estimates.length));
  const z = g.reduce((a, b) => a + b, 0);
  return g.map((x) => x / z);
};

let db: Database.Database;
let alice: ApiClient, bob: ApiClient, carol: ApiClient, vera: ApiClient;
let sId: string, tId: string;
let q: any, q2: any, q3: any, q4: any, q5: any, qt: any;
let R: number;

const estimate = (c: ApiClient, question: any, ps: number[]) =>
  ok(c.post(`/api/v1/questions/${question.id}/estimates`, { probabilities: Object.fromEntries(question.hypotheses.map((h: any, i: number) => [h.id, ps[i]])), rationale: "because" }));
const question = (c: ApiClient, scenario: string, title: string, n: number) =>
  ok(c.post(`/api/v1/scenarios/${scenario}/questions`, { title, hypotheses: Array.from({ length: n }, (_, i) => ({ title: `${title}-${i + 1}` })) }));

beforeAll(async () => {
  db = new Database(inject("dbFile"));
  db.pragma("busy_timeout = 5000");
  [alice, bob, carol, vera] = await Promise.all([signUp("Alice"), signUp("Bob"), signUp("Carol"), signUp("Vera")]);
  sId = (await ok(alice.post("/api/v1/scenarios", { title: "Scores test" }))).id;
  await ok(alice.post(`/api/v1/scenarios/${sId}/members`, { email: bob.user!.email, role: "editor" }));
  await ok(alice.post(`/api/v1/scenarios/${sId}/members`, { email: vera.user!.email, role: "viewer" }));
  [q, q2, q3, q4, q5] = [
    await question(alice, sId, "Q", 3),
    await question(alice, sId, "Q2", 2),
    await question(alice, sId, "Q3", 2),
    await question(alice, sId, "Q4", 2),
    await question(alice, sId, "Q5", 2),
  ];

  const a1 = await estimate(alice, q, [0.5, 0.3, 0.2]);
  const b1 = await estimate(bob, q, [0.2, 0.5, 0.3]);
  const a2 = await estimate(alice, q, [0.6, 0.3, 0.1]);
  await estimate(alice, q2, [0.7, 0.3]);
  await estimate(alice, q3, [0.5, 0.5]);
  await estimate(alice, q4, [0.8, 0.2]);
  const res = await ok(alice.post(`/api/v1/questions/${q.id}/resolution`, { hypothesisId: q.hypotheses[0].id, note: "confirmed" }));
  R = new Date(res.createdAt).getTime();
  await ok(alice.post(`/api/v1/questions/${q2.id}/resolution`, { annulled: true }));
  await ok(alice.post(`/api/v1/questions/${q4.id}/resolution`, { hypothesisId: q4.hypotheses[1].id }));
  // Q5: resolved wrongly, Bob then "forecasts" the declared answer, and the answer is corrected
  await estimate(bob, q5, [0.3, 0.7]);
  await ok(alice.post(`/api/v1/questions/${q5.id}/resolution`, { hypothesisId: q5.hypotheses[0].id }));
  await estimate(bob, q5, [0.99, 0.01]);
  await ok(alice.post(`/api/v1/questions/${q5.id}/resolution`, { hypothesisId: q5.hypotheses[1].id, note: "corrected" }));

  const move = db.prepare("UPDATE estimates SET created_at = ? WHERE id = ?");
  move.run(R - 3 * DAY, a1.id);
  move.run(R - 2 * DAY, b1.id);
  move.run(R - 1 * DAY, a2.id);
  db.prepare("UPDATE forecasters SET first_at = ? WHERE question_id = ? AND analyst_id = ?").run(R - 3 * DAY, q.id, alice.user!.id);
  db.prepare("UPDATE forecasters SET first_at = ? WHERE question_id = ? AND analyst_id = ?").run(R - 2 * DAY, q.id, bob.user!.id);

  // Carol's own scenario, shared with Alice only: Alice says x .9 / y .1, x is true
  tId = (await ok(carol.post("/api/v1/scenarios", { title: "Carol's" }))).id;
  await ok(carol.post(`/api/v1/scenarios/${tId}/members`, { email: alice.user!.email, role: "editor" }));
  qt = await question(carol, tId, "QT", 2);
  await estimate(alice, qt, [0.9, 0.1]);
  await ok(carol.post(`/api/v1/questions/${qt.id}/resolution`, { hypothesisId: qt.hypotheses[0].id }));
});

afterAll(() => db?.close());

describe("GET /scenarios/{id}/scores", () => {
  it("scores each analyst's last estimate before resolution and the days before it", async () => {
    const s = await ok(bob.get(`/api/v1/scenarios/${sId}/scores`));
    expect(s.items.map((i: any) => i.questionId)).toEqual([q.id, q2.id, q4.id, q5.id]); // Q3 is unresolved
    const item = s.items[0];
    expect(item).toMatchObject({ resolution: q.hypotheses[0].id, note: "confirmed", resolvedAt: new Date(R).toISOString() });
    const [a, b] = item.analysts; // by name
    expect(a).toMatchObject({ analystId: alice.user!.id, name: "Alice", estimates: 2, lastEstimateAt: new Date(R - DAY).toISOString() });
    expect(a.brier).toBeCloseTo(0.26, 10);
    expect(a.logScore).toBeCloseTo(Math.log(0.6), 10);
    expect(a.timeAveragedBrier).toBeCloseTo(0.34, 10);
    expect(b).toMatchObject({ analystId: bob.user!.id, name: "Bob" });
    expect(b.brier).toBeCloseTo(0.98, 10);
    expect(b.logScore).toBeCloseTo(Math.log(0.2), 10);
    expect(b.timeAveragedBrier).toBeCloseTo(0.98, 10);
  });

  it("scores the team's aggregate as it stood each day", async () => {
    const s = await ok(alice.get(`/api/v1/scenarios/${sId}/scores`));
    const team = s.items[0].team;
    // R−3d: Alice alone (.5 .3 .2); R−2d: pool(Alice .5/.3/.2, Bob); R−1d on: pool(Alice .6/.3/.1, Bob)
    const day0 = [0.5, 0.3, 0.2];
    const day1 = gmPool([0.5, 0.3, 0.2], [0.2, 0.5, 0.3]);
    const final = gmPool([0.6, 0.3, 0.1], [0.2, 0.5, 0.3]);
    expect(team.analysts).toBe(2);
    expect(team.brier).toBeCloseTo(brier(final, 0), 10);
    expect(team.logScore).toBeCloseTo(Math.log(final[0]!), 10);
    expect(team.timeAveragedBrier).toBeCloseTo((brier(day0, 0) + brier(day1, 0) + brier(final, 0)) / 3, 10);

    const mean = await ok(alice.get(`/api/v1/scenarios/${sId}/scores?method=mean`));
    // mean of .6/.3/.1 and .2/.5/.3 = .4/.4/.2 → .36 + .16 + .04 = .56
    expect(mean.method).toBe("mean");
    expect(mean.items[0].team.brier).toBeCloseTo(0.56, 10);
  });

  it("lists annulled questions without scoring them", async () => {
    const s = await ok(vera.get(`/api/v1/scenarios/${sId}/scores`));
    const annulled = s.items[1];
    expect(annulled).toMatchObject({ questionId: q2.id, resolution: "annulled", team: { brier: null, logScore: null, timeAveragedBrier: null } });
    expect(annulled.analysts).toEqual([expect.objectContaining({ analystId: alice.user!.id, brier: null, logScore: null, timeAveragedBrier: null })]);
    // Q4 (y true), Alice .8/.2 a minute before: .8² + .8² = 1.28; under a day, so time-averaged = final
    const q4Item = s.items[2];
    expect(q4Item.analysts[0].brier).toBeCloseTo(1.28, 10);
    expect(q4Item.analysts[0].timeAveragedBrier).toBeCloseTo(1.28, 10);
    expect(q4Item.team.brier).toBeCloseTo(1.28, 6); // one analyst: the pool is her estimate (clamped)
  });

  it("scores a corrected resolution's answer, but only estimates made before the first resolution", async () => {
    const s = await ok(alice.get(`/api/v1/scenarios/${sId}/scores`));
    const item = s.items.find((i: any) => i.questionId === q5.id);
    expect(item).toMatchObject({ resolution: q5.hypotheses[1].id, note: "corrected" });
    // Bob's .3/.7 with the second hypothesis true: .3² + .3² = .18 (his .99/.01 came after the first resolution)
    expect(item.analysts[0]).toMatchObject({ name: "Bob", estimates: 1 });
    expect(item.analysts[0].brier).toBeCloseTo(0.18, 10);
  });

  it("is 404 outside the scenario", async () => {
    expect((await carol.get(`/api/v1/scenarios/${sId}/scores`)).status).toBe(404);
    expect((await alice.get(`/api/v1/scenarios/${sId}/scores?method=best`)).status).toBe(422);
  });
});

describe("GET /analysts/{id}/calibration", () => {
  const bucket = (c: any, from: number) => c.buckets.find((b: any) => Math.abs(b.from - from) < 1e-9);

  it("buckets every forecast an analyst made before resolution, on resolved questions the caller can see", async () => {
    // Bob shares only the first scenario. Q (H1 true): .5/.3/.2 then .6/.3/.1; Q4 (y true): .8/.2;
    // Q2 annulled → 8 forecasts: .1 f · .2 f, .2 t · .3 f, .3 f · .5 t · .6 t · .8 f
    const c = await ok(bob.get(`/api/v1/analysts/${alice.user!.id}/calibration`));
    expect(c).toMatchObject({ analystId: alice.user!.id, name: "Alice", scenarios: 1, questions: 2, forecasts: 8 });
    expect(c.buckets).toHaveLength(10);
    expect(bucket(c, 0.1)).toMatchObject({ count: 1, observed: 0 });
    expect(bucket(c, 0.2)).toMatchObject({ count: 2, observed: 0.5 });
    expect(bucket(c, 0.3)).toMatchObject({ count: 2, observed: 0 });
    expect(bucket(c, 0.5)).toMatchObject({ count: 1, observed: 1 });
    expect(bucket(c, 0.6)).toMatchObject({ count: 1, observed: 1 });
    expect(bucket(c, 0.8)).toMatchObject({ count: 1, observed: 0 });
    expect(bucket(c, 0.2).meanForecast).toBeCloseTo(0.2, 10);
    expect(bucket(c, 0.4)).toEqual({ from: 0.4, to: 0.5, count: 0, meanForecast: null, observed: null });
  });

  it("counts only scenarios the caller shares with the analyst", async () => {
    // Carol shares only her own scenario with Alice: x .9 (true), y .1 (false)
    const c = await ok(carol.get(`/api/v1/analysts/${alice.user!.id}/calibration`));
    expect(c).toMatchObject({ scenarios: 1, questions: 1, forecasts: 2 });
    expect(bucket(c, 0.9)).toMatchObject({ count: 1, observed: 1 });
    expect(bucket(c, 0.1)).toMatchObject({ count: 1, observed: 0 });
    // Alice herself sees both scenarios: 8 + 2 forecasts, two of them in [.1, .2). (She may
    // also own the demo scenario, if hers was the first account on this server: no forecasts there.)
    const own = await ok(alice.get(`/api/v1/analysts/${alice.user!.id}/calibration`));
    expect(own).toMatchObject({ questions: 3, forecasts: 10 });
    expect(own.scenarios).toBeGreaterThanOrEqual(2);
    expect(bucket(own, 0.1)).toMatchObject({ count: 2, observed: 0 });
  });

  it("is 404 for an analyst the caller shares no scenario with", async () => {
    expect((await carol.get(`/api/v1/analysts/${bob.user!.id}/calibration`)).status).toBe(404);
    expect((await carol.get(`/api/v1/analysts/nobody/calibration`)).status).toBe(404);
    const anon = await fetch(`${baseUrl}/api/v1/analysts/${alice.user!.id}/calibration`);
    expect(anon.status).toBe(401);
  });
});
