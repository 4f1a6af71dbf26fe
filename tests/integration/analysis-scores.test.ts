// Scores and calibration over HTTP. Time-averaged Brier needs estimates days apart, so
// after resolving, the test moves timestamps back in the server's database (the only
// way to put days between events without waiting for them) — the estimates, and the
// hypotheses and their versions with them, so the history stays in order.
//
// Question Q (H1 H2 H3), resolved H1 at R:
//   Alice  R−3d (.5 .3 .2)   R−1d (.6 .3 .1)      Bob  R−2d (.2 .5 .3)
// Brier (Σ (p − o)²): Alice .5/.3/.2 → .25 + .09 + .04 = .38;  .6/.3/.1 → .16 + .09 + .01 = .26
//                     Bob .2/.5/.3 → .64 + .25 + .09 = .98
// Time-averaged, each estimate weighted by the time it stood: Alice (.38·2d + .26·1d) / 3d = .34;
// Bob .98 throughout.
//
// A second scenario (Dana, Eli) pins the two rules the review asked for:
//   Q6 (K1 K2 K3, K1 true at R6): Dana R6−2d (.5 .3 .2); K3 archived R6−1.5d; Dana R6−1d (.7 .3)
//   Q7, its twin without the archive: Dana R7−2d (.5 .3 .2), R7−1d (.7 .3 0)
//   Q8 (K1 K2, K1 true at R8): Dana R8−3d (.6 .4) and R8−1.5d (.9 .1); Eli R8−2.5d (.8 .2)
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Store } from "@/db/store";
import type { ApiClient } from "../support/client";
import { signUp as signUpAt } from "../support/accounts";
import { ok, invite } from "../support/api";
import { storeAt } from "../support/store";

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

let store: Store;
let alice: ApiClient, bob: ApiClient, carol: ApiClient, vera: ApiClient, dana: ApiClient, eli: ApiClient;
let sId: string, tId: string, uId: string;
let q: any, q2: any, q3: any, q4: any, q5: any, qt: any, q6: any, q7: any, q8: any;
let R: number;

const estimate = (c: ApiClient, question: any, ps: number[]) =>
  ok(c.post(`/api/v1/questions/${question.id}/estimates`, { probabilities: Object.fromEntries(question.hypotheses.map((h: any, i: number) => [h.id, ps[i]])), rationale: "because" }));
const question = (c: ApiClient, scenario: string, title: string, n: number) =>
  ok(c.post(`/api/v1/scenarios/${scenario}/questions`, { title, hypotheses: Array.from({ length: n }, (_, i) => ({ title: `${title}-${i + 1}` })) }));
const resolve = async (c: ApiClient, question: any, i: number) =>
  new Date((await ok(c.post(`/api/v1/questions/${question.id}/resolution`, { hypothesisId: question.hypotheses[i].id }))).createdAt).getTime();

/** Move a question's hypotheses (and their first versions) back to `at`: they existed before any estimate. */
const backdateHypotheses = async (question: any, at: number) => {
  const s = store.schema;
  await store.db.update(s.hypotheses).set({ createdAt: new Date(at) }).where(eq(s.hypotheses.questionId, question.id));
  const ids = question.hypotheses.map((h: any) => h.id);
  await store.db
    .update(s.hypothesisVersions)
    .set({ createdAt: new Date(at) })
    .where(and(eq(s.hypothesisVersions.version, 1), inArray(s.hypothesisVersions.hypothesisId, ids)));
};
const moveEstimate = (id: string, at: number) => store.db.update(store.schema.estimates).set({ createdAt: new Date(at) }).where(eq(store.schema.estimates.id, id));
const moveFirstAt = (question: any, c: ApiClient, at: number) => {
  const f = store.schema.forecasters;
  return store.db.update(f).set({ firstAt: new Date(at) }).where(and(eq(f.questionId, question.id), eq(f.analystId, c.user!.id)));
};
const moveVersion = (hypothesisId: string, version: number, at: number) => {
  const v = store.schema.hypothesisVersions;
  return store.db.update(v).set({ createdAt: new Date(at) }).where(and(eq(v.hypothesisId, hypothesisId), eq(v.version, version)));
};

beforeAll(async () => {
  store = await storeAt(inject("databaseUrl"));
  [alice, bob, carol, vera] = await Promise.all([signUp("Alice"), signUp("Bob"), signUp("Carol"), signUp("Vera")]);
  sId = (await ok(alice.post("/api/v1/scenarios", { title: "Scores test" }))).id;
  await invite(alice, sId, bob, "editor");
  await invite(alice, sId, vera, "viewer");
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
  // Q5: Bob .3/.7, then .99/.01 (moved below to after the first resolution, as if he had
  // "forecast" the declared answer); the answer is then corrected to the second hypothesis
  await estimate(bob, q5, [0.3, 0.7]);
  const b5 = await estimate(bob, q5, [0.99, 0.01]);
  const res = await ok(alice.post(`/api/v1/questions/${q.id}/resolution`, { hypothesisId: q.hypotheses[0].id, note: "confirmed" }));
  R = new Date(res.createdAt).getTime();
  await ok(alice.post(`/api/v1/questions/${q2.id}/resolution`, { annulled: true }));
  await ok(alice.post(`/api/v1/questions/${q4.id}/resolution`, { hypothesisId: q4.hypotheses[1].id }));
  const R5 = await resolve(alice, q5, 0);
  await ok(
    alice.post(`/api/v1/questions/${q5.id}/resolution`, { hypothesisId: q5.hypotheses[1].id, note: "corrected", correction: { reason: "the first answer was entered by mistake" } }),
  );

  await backdateHypotheses(q, R - 4 * DAY);
  await moveEstimate(a1.id, R - 3 * DAY);
  await moveEstimate(b1.id, R - 2 * DAY);
  await moveEstimate(a2.id, R - 1 * DAY);
  await moveFirstAt(q, alice, R - 3 * DAY);
  await moveFirstAt(q, bob, R - 2 * DAY);
  await moveEstimate(b5.id, R5 + 60_000);

  // Dana's scenario, with Eli; nobody from the first scenario, so calibration there is untouched
  [dana, eli] = await Promise.all([signUp("Dana"), signUp("Eli")]);
  uId = (await ok(dana.post("/api/v1/scenarios", { title: "Scores by exact time" }))).id;
  await invite(dana, uId, eli, "editor");
  [q6, q7, q8] = [await question(dana, uId, "Q6", 3), await question(dana, uId, "Q7", 3), await question(dana, uId, "Q8", 2)];
  const d6a = await estimate(dana, q6, [0.5, 0.3, 0.2]);
  const d7a = await estimate(dana, q7, [0.5, 0.3, 0.2]);
  const archived = await ok(dana.patch(`/api/v1/hypotheses/${q6.hypotheses[2].id}`, { version: 1, status: "archived" }));
  expect(archived.status).toBe("archived");
  const d6b = await ok(
    dana.post(`/api/v1/questions/${q6.id}/estimates`, { probabilities: { [q6.hypotheses[0].id]: 0.7, [q6.hypotheses[1].id]: 0.3 }, rationale: "K3 is gone" }),
  );
  const d7b = await estimate(dana, q7, [0.7, 0.3, 0]);
  const d8a = await estimate(dana, q8, [0.6, 0.4]);
  const e8 = await estimate(eli, q8, [0.8, 0.2]);
  const d8b = await estimate(dana, q8, [0.9, 0.1]);
  const [R6, R7, R8] = [await resolve(dana, q6, 0), await resolve(dana, q7, 0), await resolve(dana, q8, 0)];

  await backdateHypotheses(q6, R6 - 3 * DAY);
  await moveEstimate(d6a.id, R6 - 2 * DAY);
  await moveVersion(q6.hypotheses[2].id, 2, R6 - 1.5 * DAY);
  await moveEstimate(d6b.id, R6 - 1 * DAY);
  await moveFirstAt(q6, dana, R6 - 2 * DAY);
  await backdateHypotheses(q7, R7 - 3 * DAY);
  await moveEstimate(d7a.id, R7 - 2 * DAY);
  await moveEstimate(d7b.id, R7 - 1 * DAY);
  await moveFirstAt(q7, dana, R7 - 2 * DAY);
  await backdateHypotheses(q8, R8 - 4 * DAY);
  await moveEstimate(d8a.id, R8 - 3 * DAY);
  await moveEstimate(e8.id, R8 - 2.5 * DAY);
  await moveEstimate(d8b.id, R8 - 1.5 * DAY);
  await moveFirstAt(q8, dana, R8 - 3 * DAY);
  await moveFirstAt(q8, eli, R8 - 2.5 * DAY);

  // Carol's own scenario, shared with Alice only: Alice says x .9 / y .1, x is true
  tId = (await ok(carol.post("/api/v1/scenarios", { title: "Carol's" }))).id;
  await invite(carol, tId, alice, "editor");
  qt = await question(carol, tId, "QT", 2);
  await estimate(alice, qt, [0.9, 0.1]);
  await ok(carol.post(`/api/v1/questions/${qt.id}/resolution`, { hypothesisId: qt.hypotheses[0].id }));
});

describe("GET /scenarios/{id}/scores", () => {
  it("scores each analyst's last estimate before resolution and the time before it", async () => {
    const s = await ok(bob.get(`/api/v1/scenarios/${sId}/scores`));
    expect(s.items.map((i: any) => i.questionId)).toEqual([q.id, q2.id, q4.id, q5.id]); // Q3 is unresolved
    const item = s.items[0];
    expect(item).toMatchObject({ resolution: q.hypotheses[0].id, note: "confirmed", resolvedAt: new Date(R).toISOString() });
    expect(item.hypothesisIds).toEqual(q.hypotheses.map((h: any) => h.id));
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

  it("scores the team's aggregate as it stood at every moment", async () => {
    const s = await ok(alice.get(`/api/v1/scenarios/${sId}/scores`));
    const team = s.items[0].team;
    // R−3d: Alice alone (.5 .3 .2); R−2d: pool(Alice .5/.3/.2, Bob); R−1d on: pool(Alice .6/.3/.1, Bob),
    // each standing one day of the three
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

  it("keeps a resolved question's scores once computed: later reads, by anyone, give the same figures", async () => {
    const first = await ok(bob.get(`/api/v1/scenarios/${sId}/scores?method=median`));
    const again = await ok(vera.get(`/api/v1/scenarios/${sId}/scores?method=median`));
    expect(again).toEqual(first);
    // kept per method: the median pool's team figures are not the geometric pool's
    const geometric = await ok(vera.get(`/api/v1/scenarios/${sId}/scores`));
    expect(geometric.items[0].team.brier).not.toBeCloseTo(first.items[0].team.brier, 6);
    expect(geometric.items[0].analysts).toEqual(first.items[0].analysts);

    // served from what was kept: a kept figure altered in the database is what the next read
    // says (a recomputing stub would not), and once the kept row is gone it is computed again
    const kept = store.schema.questionScores;
    const rows = await store.db.select().from(kept).where(eq(kept.method, "median"));
    const row = rows.find((r) => (r.scores as any).hypothesisIds.join() === first.items[0].hypothesisIds.join())!;
    expect(row).toBeDefined();
    await store.db
      .update(kept)
      .set({ scores: { ...row.scores, team: { ...(row.scores as any).team, brier: 0.123 } } })
      .where(and(eq(kept.resolutionId, row.resolutionId), eq(kept.method, "median")));
    expect((await ok(vera.get(`/api/v1/scenarios/${sId}/scores?method=median`))).items[0].team.brier).toBe(0.123);
    await store.db.delete(kept).where(eq(kept.method, "median"));
    expect(await ok(vera.get(`/api/v1/scenarios/${sId}/scores?method=median`))).toEqual(first);
  });

  it("lists annulled questions without scoring them", async () => {
    const s = await ok(vera.get(`/api/v1/scenarios/${sId}/scores`));
    const annulled = s.items[1];
    expect(annulled).toMatchObject({ questionId: q2.id, resolution: "annulled", team: { brier: null, logScore: null, timeAveragedBrier: null } });
    expect(annulled.analysts).toEqual([expect.objectContaining({ analystId: alice.user!.id, brier: null, logScore: null, timeAveragedBrier: null })]);
    // Q4 (y true), Alice .8/.2 a moment before: .8² + .8² = 1.28; her only estimate, so time-averaged = final
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

  it("scores estimates as given, so archiving a hypothesis between two estimates changes no analyst's score", async () => {
    const s = await ok(dana.get(`/api/v1/scenarios/${uId}/scores`));
    const [i6, i7] = [q6, q7].map((x) => s.items.find((i: any) => i.questionId === x.id));
    // Dana: R−2d .5/.3/.2 → .38 (K3 keeps its .2 though archived later); R−1d .7/.3 → .3² + .3² = .18
    // Brier .18, log ln .7, time-averaged (.38·1d + .18·1d) / 2d = .28
    // (re-expressed over the hypotheses open at resolution, R−2d became .625/.375 → .28125, average .23)
    const d6 = i6.analysts[0];
    expect(d6).toMatchObject({ name: "Dana", estimates: 2, lastEstimateAt: new Date(new Date(i6.resolvedAt).getTime() - DAY).toISOString() });
    expect(d6.brier).toBeCloseTo(0.18, 12);
    expect(d6.logScore).toBeCloseTo(Math.log(0.7), 12);
    expect(d6.timeAveragedBrier).toBeCloseTo(0.28, 12);
    expect(i6.hypothesisIds).toEqual(q6.hypotheses.map((h: any) => h.id)); // K3 was scored: her first estimate gave it
    // the twin that never archived K3 (.7/.3/0 at R−1d: .09 + .09 + 0) scores exactly the same
    const d7 = i7.analysts[0];
    for (const k of ["brier", "logScore", "timeAveragedBrier"]) expect(d7[k]).toBe(d6[k]);
  });

  it("scores the team on what the overview showed: the pool over the hypotheses open at each moment", async () => {
    const s = await ok(dana.get(`/api/v1/scenarios/${uId}/scores`));
    const i6 = s.items.find((i: any) => i.questionId === q6.id);
    // R−2d to R−1.5d over K1 K2 K3: .5/.3/.2 → .38; R−1.5d to R−1d over K1 K2: .625/.375 → .28125;
    // R−1d on: .7/.3 → .18. (.38·.5 + .28125·.5 + .18·1) / 2 = .2553125
    expect(i6.team.analysts).toBe(1);
    expect(i6.team.timeAveragedBrier).toBeCloseTo(0.2553125, 10);
    expect(i6.team.brier).toBeCloseTo(0.18, 10);
  });

  it("weights each estimate by the exact time it stood, the team's pool too", async () => {
    const s = await ok(eli.get(`/api/v1/scenarios/${uId}/scores?method=mean`));
    const i8 = s.items.find((i: any) => i.questionId === q8.id);
    const [d, e] = i8.analysts; // by name
    // Dana .6/.4 (.32) for 1.5 d, then .9/.1 (.02) for 1.5 d: (.48 + .03) / 3 = .17 (day slots gave .22)
    expect(d).toMatchObject({ name: "Dana", estimates: 2 });
    expect(d.timeAveragedBrier).toBeCloseTo(0.17, 10);
    expect(d.brier).toBeCloseTo(0.02, 10);
    expect(d.logScore).toBeCloseTo(Math.log(0.9), 10);
    // Eli .8/.2 (.08) from R−2.5d on
    expect(e).toMatchObject({ name: "Eli", estimates: 1 });
    expect(e.timeAveragedBrier).toBeCloseTo(0.08, 10);
    // team (mean): R−3d Dana alone .32 for .5 d; R−2.5d (.6+.8)/2 = .7 → .18 for 1 d;
    // R−1.5d (.9+.8)/2 = .85 → .045 for 1.5 d: (.16 + .18 + .0675) / 3 = .135833…
    expect(i8.team.timeAveragedBrier).toBeCloseTo(0.4075 / 3, 10);
    expect(i8.team.brier).toBeCloseTo(0.045, 10);
    expect(i8.team.logScore).toBeCloseTo(Math.log(0.85), 10);
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
