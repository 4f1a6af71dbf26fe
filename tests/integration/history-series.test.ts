// The history chart's series over real HTTP: the team line at any moment equals what the
// overview shows as of that moment, for every pool method, also across a hypothesis added
// and one archived; each analyst's line is their own figures; the lines run to now, or to
// the resolution.
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { ApiClient } from "../support/client";
import { signUp } from "../support/accounts";
import { estimate, expectOk } from "../support/api";

const baseUrl = inject("baseUrl");
let a: ApiClient;
let scenario: any;

beforeAll(async () => {
  a = await signUp(baseUrl, "Sasha Series");
  scenario = expectOk(await a.post("/api/v1/scenarios/demo", {}), 201);
});

/** The series' value at t: its last point at or before t. */
const valueAt = (points: { at: string; probabilities: Record<string, number> }[], t: number) =>
  points.filter((p) => Date.parse(p.at) <= t).at(-1)?.probabilities ?? null;

describe("GET /questions/{id}/series", () => {
  it("the team line equals the as-of overview at every change and between, for every pool method", async () => {
    const q4 = scenario.questions[3];
    // change the open set after the demo's estimates: add a fourth aim, estimate it, archive one
    const added = expectOk(await a.post(`/api/v1/questions/${q4.id}/hypotheses`, { title: "Revenge" }), 201);
    const open = [...q4.hypotheses.map((h: any) => h.id), added.id];
    await estimate(a, q4.id, { [open[0]]: 0.4, [open[1]]: 0.2, [open[2]]: 0.3, [open[3]]: 0.1 }, "with the fourth aim");
    expectOk(await a.patch(`/api/v1/hypotheses/${open[1]}`, { version: 1, status: "archived" }));

    for (const method of ["geometric", "median", "mean"]) {
      const series = expectOk(await a.get(`/api/v1/questions/${q4.id}/series?method=${method}`));
      expect(series.team.length).toBeGreaterThanOrEqual(4);
      const moments = series.team.flatMap((p: any, i: number) => {
        const t = Date.parse(p.at);
        const next = series.team[i + 1] ? Date.parse(series.team[i + 1].at) : Date.parse(series.end);
        return [t, Math.floor((t + next) / 2)];
      });
      for (const t of moments) {
        const iso = new Date(t).toISOString();
        const view = expectOk(await a.get(`/api/v1/scenarios/${scenario.id}?asOf=${encodeURIComponent(iso)}&method=${method}`));
        const q = view.questions.find((x: any) => x.id === q4.id);
        const shown = Object.fromEntries(q.hypotheses.filter((h: any) => h.probability !== null).map((h: any) => [h.id, h.probability]));
        const line = valueAt(series.team, t)!;
        expect(Object.keys(line).sort(), `${method} at ${iso}`).toEqual(Object.keys(shown).sort());
        for (const [id, p] of Object.entries(shown)) expect(line[id], `${method} at ${iso}`).toBeCloseTo(p as number, 10);
      }
    }
  });

  it("each analyst's line is their own figures; the lines run to now, or to the resolution", async () => {
    const q1 = scenario.questions[0];
    const before = Date.now();
    const series = expectOk(await a.get(`/api/v1/questions/${q1.id}/series`));
    expect(Date.parse(series.end)).toBeGreaterThanOrEqual(before - 1000);
    expect(series.resolution).toBeNull();
    const estimates = expectOk(await a.get(`/api/v1/questions/${q1.id}/estimates`)).items;
    for (const analyst of series.analysts) {
      const own = estimates.filter((e: any) => e.analystId === analyst.analystId);
      expect(analyst.points.map((p: any) => p.at)).toEqual(own.map((e: any) => e.createdAt));
      expect(analyst.points.map((p: any) => p.probabilities)).toEqual(own.map((e: any) => e.probabilities));
    }
    expect(series.rationales).toHaveLength(estimates.length);
    expect(series.evidence.length).toBeGreaterThan(0);

    const r = expectOk(await a.post(`/api/v1/questions/${q1.id}/resolution`, { hypothesisId: q1.hypotheses[1].id }), 201);
    const resolved = expectOk(await a.get(`/api/v1/questions/${q1.id}/series`));
    expect(resolved.end).toBe(r.createdAt);
    expect(resolved.resolution).toMatchObject({ at: r.createdAt, hypothesisId: q1.hypotheses[1].id });
  });
});
