// The ACH matrix and sensitivity over HTTP, with every number worked by hand below.
//
// Question Q: H1, H2, H3. Evidence, in the order it is logged:
//   E3 graded C3 (weight .6 × .6 = .36), rated by Alice H1 II, H2 C — then retracted
//   E1 graded B2 (weight .8 × .8 = .64)   Alice: H1 C,  H2 I, H3 II   Bob: H1 CC, H2 I, H3 N
//   E2 graded A1 (weight 1)               Alice: H1 N,  H2 CC, H3 NA  Bob: H1 I,  H2 C, H3 II
// Then (after t1) Alice changes E1/H1 from C to II.
// Likelihoods: CC 4, C 2, N 1, I ½, II ¼ — in log2: 2, 1, 0, −1, −2.
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { ApiClient } from "../support/client";
import { signUp as signUpAt } from "../support/accounts";
import { ok, invite } from "../support/api";

const baseUrl = inject("baseUrl");
const signUp = (name: string) => signUpAt(baseUrl, name);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** p ∝ 2^x for each log2 score x. */
const fromLog2 = (xs: number[]) => {
  const z = xs.reduce((a, x) => a + 2 ** x, 0);
  return xs.map((x) => 2 ** x / z);
};
const tv = (p: number[], q: number[]) => p.reduce((a, x, i) => a + Math.abs(x - q[i]!), 0) / 2;

let alice: ApiClient, bob: ApiClient, carol: ApiClient, vera: ApiClient;
let scenarioId: string, otherScenarioId: string;
let qId: string, q2Id: string, otherQId: string;
let H: string[]; // H1, H2, H3
let e1: string, e2: string, e3: string;
let tE3: string, t1: string, tQ: string;

const matrix = (c: ApiClient, query: string) => c.get(`/api/v1/scenarios/${scenarioId}/matrix?${query}`);
const cell = (m: any, evidenceId: string, h: number) => m.evidence.find((e: any) => e.id === evidenceId).cells.find((c: any) => c.hypothesisId === H[h]);
const hyp = (m: any, h: number) => m.hypotheses.find((x: any) => x.id === H[h]);

beforeAll(async () => {
  [alice, bob, carol, vera] = await Promise.all([signUp("Alice"), signUp("Bob"), signUp("Carol"), signUp("Vera")]);
  scenarioId = (await ok(alice.post("/api/v1/scenarios", { title: "Matrix test" }))).id;
  otherScenarioId = (await ok(carol.post("/api/v1/scenarios", { title: "Carol's own" }))).id;
  await invite(alice, scenarioId, bob, "editor");
  await invite(alice, scenarioId, vera, "viewer");
  const q = await ok(alice.post(`/api/v1/scenarios/${scenarioId}/questions`, { title: "Q", hypotheses: [{ title: "H1" }, { title: "H2" }, { title: "H3" }] }));
  qId = q.id;
  tQ = q.createdAt;
  H = q.hypotheses.map((h: any) => h.id);
  const q2 = await ok(alice.post(`/api/v1/scenarios/${scenarioId}/questions`, { title: "Q2", hypotheses: [{ title: "K1" }, { title: "K2" }] }));
  q2Id = q2.id;
  otherQId = (await ok(carol.post(`/api/v1/scenarios/${otherScenarioId}/questions`, { title: "Elsewhere", hypotheses: [{ title: "a" }, { title: "b" }] }))).id;

  const evidence = (summary: string, reliability: string, credibility: number) =>
    ok(alice.post(`/api/v1/scenarios/${scenarioId}/evidence`, { summary, reliability, credibility }));
  const rate = (c: ApiClient, id: string, cells: [number, string][]) =>
    ok(c.put(`/api/v1/evidence/${id}/ratings`, { ratings: cells.map(([h, consistency]) => ({ hypothesisId: H[h], consistency })) }));

  e3 = (await evidence("E3", "C", 3)).id;
  tE3 = (
    await rate(alice, e3, [
      [0, "II"],
      [1, "C"],
    ])
  ).items[0].createdAt;
  await sleep(5);
  await ok(alice.post(`/api/v1/evidence/${e3}/retract`, { reason: "forged" }));
  e1 = (await evidence("E1", "B", 2)).id;
  e2 = (await evidence("E2", "A", 1)).id;
  await rate(alice, e1, [[0, "C"], [1, "I"], [2, "II"]]);
  await rate(alice, e2, [[0, "N"], [1, "CC"], [2, "NA"]]);
  await rate(bob, e1, [[0, "CC"], [1, "I"], [2, "N"]]);
  await rate(bob, e2, [[0, "I"], [1, "C"], [2, "II"]]);
  // a rating against another question's hypothesis must not reach Q's matrix
  await ok(bob.put(`/api/v1/evidence/${e1}/ratings`, { ratings: [{ hypothesisId: q2.hypotheses[0].id, consistency: "II" }] }));
  await ok(alice.post(`/api/v1/questions/${qId}/estimates`, { probabilities: { [H[0]!]: 0.6, [H[1]!]: 0.3, [H[2]!]: 0.1 }, rationale: "A" }));
  t1 = (await ok(bob.post(`/api/v1/questions/${qId}/estimates`, { probabilities: { [H[0]!]: 0.2, [H[1]!]: 0.5, [H[2]!]: 0.3 }, rationale: "B" })))
    .createdAt;
  await sleep(5);
  await rate(alice, e1, [[0, "II"]]);
});

describe("GET /scenarios/{id}/matrix", () => {
  it("as of t1 (between Alice's two ratings of E1/H1) shows the old rating and the hand-worked scores", async () => {
    const m = await ok(matrix(alice, `questionId=${qId}&asOf=${t1}`));
    expect(m).toMatchObject({ questionId: qId, asOf: t1, method: "geometric", raters: 2, forecasters: 2 });
    expect(m.hypotheses.map((h: any) => h.id)).toEqual(H);
    expect(m.evidence.map((e: any) => e.id)).toEqual([e2, e1, e3]); // newest first
    expect(cell(m, e1, 0).mine).toEqual({ consistency: "C", likelihood: 2, explicitLikelihood: null });

    // weights: B2 .64, A1 1, retracted C3 0 (flagged, its ratings still shown)
    const [w2, w1, w3] = m.evidence.map((e: any) => e.weight);
    expect(w1).toBeCloseTo(0.64, 12);
    expect(w2).toBe(1);
    expect(w3).toBe(0);
    expect(m.evidence[2]).toMatchObject({ retracted: true, diagnosticity: 0, teamDiagnosticity: 0, reliability: "C", credibility: 3 });
    expect(cell(m, e3, 0).mine.consistency).toBe("II");

    // Alice's Heuer scores: H1 0 (E3's II is retracted), H2 E1 I = .64, H3 E1 II = 2 × .64
    expect(hyp(m, 0)).toMatchObject({ inconsistency: 0, inconsistencyCount: 0, rank: 1 });
    expect(hyp(m, 1).inconsistency).toBeCloseTo(0.64, 12);
    expect(hyp(m, 2).inconsistency).toBeCloseTo(1.28, 12);
    expect([hyp(m, 1).inconsistencyCount, hyp(m, 2).inconsistencyCount]).toEqual([1, 2]);
    expect([hyp(m, 1).rank, hyp(m, 2).rank]).toEqual([2, 3]);

    // diagnosticity in bits: E1 .64 × log2(C 2 / II ¼) = .64 × 3; E2 1 × log2(CC 4 / N 1) = 2 (NA counts 1, between)
    expect(m.evidence[1].diagnosticity).toBeCloseTo(1.92, 12);
    expect(m.evidence[0].diagnosticity).toBeCloseTo(2, 12);

    // implied (log2): H1 .64·1 + 0 = .64, H2 .64·(−1) + 2 = 1.36, H3 .64·(−2) + 0 = −1.28
    const implied = fromLog2([0.64, 1.36, -1.28]);
    implied.forEach((p, i) => expect(hyp(m, i).impliedProbability).toBeCloseTo(p, 10));

    // stated: Alice .6/.3/.1, team geometric √(.6·.2), √(.3·.5), √(.1·.3) renormalised
    const g = [Math.sqrt(0.12), Math.sqrt(0.15), Math.sqrt(0.03)];
    const gz = g.reduce((a, b) => a + b, 0);
    g.forEach((x, i) => expect(hyp(m, i).statedProbability).toBeCloseTo(x / gz, 10));
    [0.6, 0.3, 0.1].forEach((p, i) => expect(hyp(m, i).myStatedProbability).toBeCloseTo(p, 12));
    // gap: .6 − .343 and .3 − .566 exceed 20 points, .1 − .091 does not
    expect(m.hypotheses.map((h: any) => h.gapFlag)).toEqual([true, true, false]);
    expect(hyp(m, 0).gap).toBeCloseTo(0.6 - implied[0]!, 10);
    expect(m.gapFlag).toBe(true);
  });

  it("builds team cells from both analysts: geometric-mean likelihood, nearest label, spread", async () => {
    const m = await ok(matrix(alice, `questionId=${qId}&asOf=${t1}`));
    // E1/H1: C 2 and CC 4 → √8 = 2^1.5, a tie between C and CC → C; spread 1 → mild
    expect(cell(m, e1, 0).team.likelihood).toBeCloseTo(2 ** 1.5, 12);
    expect(cell(m, e1, 0)).toMatchObject({ team: { consistency: "C", count: 2 }, disagreement: { spread: 1, label: "mild" } });
    // E1/H3: II ¼ and N 1 → ½ → I; spread 2 → large. E2/H3: Alice's NA counts 1, Bob's II ¼ → √¼ = ½ → I;
    // one non-NA rating, so no spread
    expect(cell(m, e1, 2)).toMatchObject({ team: { consistency: "I", likelihood: 0.5, count: 2 }, disagreement: { spread: 2, label: "large" } });
    expect(cell(m, e2, 2)).toMatchObject({ team: { consistency: "I", likelihood: 0.5, count: 1, ratedBy: 2 }, disagreement: { spread: null } });
    // team Heuer: H2 E1 I = .64; H3 E1 I + E2 I = .64 + 1
    expect(hyp(m, 1).teamInconsistency).toBeCloseTo(0.64, 12);
    expect(hyp(m, 2).teamInconsistency).toBeCloseTo(1.64, 12);
    expect(hyp(m, 2).teamInconsistencyCount).toBe(2);
    // team diagnosticity: E1 .64 × log2(2^1.5 / ½) = .64 × 2.5; E2 log2(2^1.5 / ½) = 2.5
    expect(m.evidence[1].teamDiagnosticity).toBeCloseTo(1.6, 12);
    expect(m.evidence[0].teamDiagnosticity).toBeCloseTo(2.5, 12);
    // team implied (log2): H1 .64·1.5 − .5 = .46, H2 −.64 + 1.5 = .86, H3 −.64 − 1 = −1.64
    fromLog2([0.46, 0.86, -1.64]).forEach((p, i) => expect(hyp(m, i).teamImpliedProbability).toBeCloseTo(p, 10));
    expect(m.hypotheses.map((h: any) => h.teamGapFlag)).toEqual([false, false, false]);
  });

  it("now shows Alice's new rating; Bob sees his own ratings as 'mine' and the same team", async () => {
    const now = await ok(matrix(alice, `questionId=${qId}`));
    expect(now.asOf).toBeNull();
    expect(cell(now, e1, 0).mine.consistency).toBe("II");
    // H1 now E1 II = 1.28, tied with H3 → ranks H2 1, H1 2, H3 2
    expect(hyp(now, 0).inconsistency).toBeCloseTo(1.28, 12);
    expect(now.hypotheses.map((h: any) => h.rank)).toEqual([2, 1, 2]);
    fromLog2([-1.28, 1.36, -1.28]).forEach((p, i) => expect(hyp(now, i).impliedProbability).toBeCloseTo(p, 10));

    const asBob = await ok(matrix(bob, `questionId=${qId}&asOf=${t1}`));
    expect(cell(asBob, e1, 0).mine.consistency).toBe("CC");
    expect(hyp(asBob, 2).inconsistency).toBe(2); // Bob: E2 II on H3 → 1 × 2
    [0.2, 0.5, 0.3].forEach((p, i) => expect(hyp(asBob, i).myStatedProbability).toBeCloseTo(p, 12));
    const asAlice = await ok(matrix(alice, `questionId=${qId}&asOf=${t1}`));
    expect(asBob.hypotheses.map((h: any) => h.teamImpliedProbability)).toEqual(asAlice.hypotheses.map((h: any) => h.teamImpliedProbability));
  });

  it("as of E3's rating: only E3, not yet retracted, at its full weight", async () => {
    const m = await ok(matrix(alice, `questionId=${qId}&asOf=${tE3}`));
    expect(m.evidence.map((e: any) => e.id)).toEqual([e3]);
    expect(m.evidence[0]).toMatchObject({ retracted: false, retractedAt: null });
    expect(m.evidence[0].weight).toBeCloseTo(0.36, 12);
    // H1: II × .36 = .72 (count 2); no estimates yet
    expect(hyp(m, 0).inconsistency).toBeCloseTo(0.72, 12);
    expect(hyp(m, 0)).toMatchObject({ inconsistencyCount: 2, statedProbability: null, myStatedProbability: null, gapFlag: null });
    expect(m.forecasters).toBe(0);
  });

  it("pools the stated probabilities by the chosen method", async () => {
    const m = await ok(matrix(alice, `questionId=${qId}&asOf=${t1}&method=mean`));
    [0.4, 0.4, 0.2].forEach((p, i) => expect(hyp(m, i).statedProbability).toBeCloseTo(p, 12));
    const med = await ok(matrix(alice, `questionId=${qId}&asOf=${t1}&method=median`));
    [0.4, 0.4, 0.2].forEach((p, i) => expect(hyp(med, i).statedProbability).toBeCloseTo(p, 12));
  });

  it("pages the rows in the chosen order, with the scores over every row on each page", async () => {
    const whole = await ok(matrix(alice, `questionId=${qId}&sort=diagnosticity`));
    expect(whole).toMatchObject({ sort: "diagnosticity", evidenceCount: 3, nextCursor: null });
    const diag = whole.evidence.map((e: any) => e.diagnosticity);
    expect(diag).toEqual([...diag].sort((a: number, b: number) => b - a));

    const pages: any[] = [];
    let cursor = "";
    do {
      const page = await ok(matrix(alice, `questionId=${qId}&sort=diagnosticity&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`));
      pages.push(page);
      cursor = page.nextCursor ?? "";
    } while (cursor && pages.length < 5);
    expect(pages.map((p) => p.evidence.map((e: any) => e.id))).toEqual(whole.evidence.map((e: any) => [e.id]));
    for (const p of pages) expect(p.hypotheses).toEqual(whole.hypotheses);
    expect(pages.map((p) => p.evidenceCount)).toEqual([3, 3, 3]);

    // one item's row alone, with the same scores: what the matrix page re-reads after a rating
    const one = await ok(matrix(alice, `questionId=${qId}&evidenceId=${e1}`));
    expect(one.evidence).toEqual([whole.evidence.find((e: any) => e.id === e1)]);
    expect(one).toMatchObject({ evidenceCount: 3, nextCursor: null, hypotheses: whole.hypotheses });
    expect((await ok(matrix(alice, `questionId=${qId}&evidenceId=no-such-item`))).evidence).toEqual([]);

    // the default: newest logged first, 100 rows
    expect((await ok(matrix(alice, `questionId=${qId}`))).evidence.map((e: any) => e.id)).toEqual([e2, e1, e3]);
    expect((await ok(matrix(alice, `questionId=${qId}&sort=weight`))).evidence.map((e: any) => e.id)).toEqual([e2, e1, e3]);
    for (const bad of ["sort=newest", "limit=0", "limit=1001", "cursor=nonsense"]) {
      const r = await matrix(alice, `questionId=${qId}&${bad}`);
      expect(r.status, bad).toBeGreaterThanOrEqual(400);
      expect(r.status, bad).toBeLessThan(500);
      expect(r.body.errors[0].path, bad).toBe(bad.split("=")[0]);
    }
  });

  it("answers bad requests with problem+json", async () => {
    const missing = await alice.get(`/api/v1/scenarios/${scenarioId}/matrix`);
    expect(missing.status).toBe(400);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
    expect(missing.body.errors[0].path).toBe("questionId");
    expect((await matrix(alice, `questionId=nope`)).status).toBe(404);
    expect((await matrix(alice, `questionId=${otherQId}`)).status).toBe(404); // another scenario's question
    expect((await matrix(alice, `questionId=${qId}&asOf=2001-01-01T00:00:00Z`)).status).toBe(422); // before Q existed
    expect((await matrix(alice, `questionId=${qId}&asOf=yesterday`)).status).toBe(422);
    expect((await matrix(alice, `questionId=${qId}&method=mode`)).status).toBe(422);
    expect((await matrix(carol, `questionId=${qId}`)).status).toBe(404); // not a member
    expect((await matrix(vera, `questionId=${qId}`)).status).toBe(200); // viewers may read
    const anon = await fetch(`${baseUrl}/api/v1/scenarios/${scenarioId}/matrix?questionId=${qId}`);
    expect(anon.status).toBe(401);
    expect(new Date(tQ).getTime()).toBeLessThanOrEqual(new Date(t1).getTime());
    expect(q2Id).toBeTruthy();
  });
});

describe("GET /questions/{id}/sensitivity", () => {
  it("ranks Alice's items by how much mass moves without them", async () => {
    const s = await ok(alice.get(`/api/v1/questions/${qId}/sensitivity?scope=mine&asOf=${t1}`));
    const base = fromLog2([0.64, 1.36, -1.28]);
    const withoutE1 = [1 / 6, 4 / 6, 1 / 6]; // E2 alone: N 1, CC 4, NA 1
    const withoutE2 = fromLog2([0.64, -0.64, -1.28]); // E1 alone; H3 gets nothing from E2's NA
    const effects = { [e1]: tv(withoutE1, base), [e2]: tv(withoutE2, base) };
    expect(s).toMatchObject({ questionId: qId, scope: "mine", asOf: t1 });
    expect(s.items.map((i: any) => i.evidenceId)).toEqual([e1, e2].sort((a, b) => effects[b]! - effects[a]!)); // E3 is retracted: not listed
    for (const item of s.items) expect(item.effect).toBeCloseTo(effects[item.evidenceId]!, 10);
    const e1Item = s.items.find((i: any) => i.evidenceId === e1);
    withoutE1.forEach((p, i) => expect(e1Item.impliedWithout[H[i]!]).toBeCloseTo(p, 10));
    expect(e1Item.summary).toBe("E1");
    base.forEach((p, i) => expect(s.implied[H[i]!]).toBeCloseTo(p, 10));
  });

  it("defaults to the team's likelihoods", async () => {
    const s = await ok(alice.get(`/api/v1/questions/${qId}/sensitivity?asOf=${t1}`));
    expect(s.scope).toBe("team");
    // team log2 likelihoods: E1 (×.64) 1.5, −1, −1; E2 −.5, 1.5, −1 (H3: NA 1 and II ¼ → ½)
    const base = fromLog2([0.46, 0.86, -1.64]);
    const withoutE1 = fromLog2([-0.5, 1.5, -1]);
    const withoutE2 = fromLog2([0.96, -0.64, -0.64]);
    const expected = [
      { id: e1, effect: tv(withoutE1, base) },
      { id: e2, effect: tv(withoutE2, base) },
    ].sort((a, b) => b.effect - a.effect);
    expect(s.items.map((i: any) => i.evidenceId)).toEqual(expected.map((x) => x.id));
    s.items.forEach((item: any, k: number) => expect(item.effect).toBeCloseTo(expected[k]!.effect, 10));
  });

  it("hides questions of scenarios the caller is not in", async () => {
    expect((await carol.get(`/api/v1/questions/${qId}/sensitivity`)).status).toBe(404);
    expect((await alice.get(`/api/v1/questions/nope/sensitivity`)).status).toBe(404);
    expect((await alice.get(`/api/v1/questions/${qId}/sensitivity?scope=all`)).status).toBe(422);
    expect((await carol.get(`/api/v1/questions/${otherQId}/sensitivity?scope=mine`)).body.items).toEqual([]);
  });
});
