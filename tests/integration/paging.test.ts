// Long lists come a page at a time — estimates, the evidence log — with cursors that hold
// while new rows arrive, filters applied before the page is cut, and bad paging refused.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { signUp } from "../support/accounts";
import type { ApiClient } from "../support/client";
import { allPages, expectOk, expectProblem, newEvidence, newQuestion, newScenario } from "../support/api";

const baseUrl = inject("baseUrl");
let c: ApiClient;
let scenarioId: string;
let question: any;

beforeAll(async () => {
  c = await signUp(baseUrl, "Pager");
  scenarioId = (await newScenario(c, "Paging")).id;
  question = await newQuestion(c, scenarioId, "Which?", ["A", "B"]);
  const [a, b] = question.hypotheses.map((h: any) => h.id);
  for (let i = 0; i < 25; i++) expectOk(await c.post(`/api/v1/questions/${question.id}/estimates`, { probabilities: { [a]: (i + 1) / 100, [b]: 1 - (i + 1) / 100 }, rationale: `update ${i}` }), 201);
  for (let i = 0; i < 12; i++) await newEvidence(c, scenarioId, { summary: `item ${i}`, tags: i % 3 === 0 ? ["third"] : [], reliability: i % 2 ? "B" : "D" });
}, 60_000);

describe("GET /questions/{id}/estimates", () => {
  it("pages oldest first by default and newest first with order=desc, 100 by default", async () => {
    const whole = expectOk(await c.get(`/api/v1/questions/${question.id}/estimates`));
    expect(whole.items.map((e: any) => e.rationale)).toEqual(Array.from({ length: 25 }, (_, i) => `update ${i}`));
    expect(whole.nextCursor).toBeNull();

    const first = expectOk(await c.get(`/api/v1/questions/${question.id}/estimates?limit=10`));
    expect(first.items).toEqual(whole.items.slice(0, 10));
    expect(first.nextCursor).toEqual(expect.any(String));
    // a new estimate arriving between pages does not shift the next page
    const [a, b] = question.hypotheses.map((h: any) => h.id);
    expectOk(await c.post(`/api/v1/questions/${question.id}/estimates`, { probabilities: { [a]: 0.5, [b]: 0.5 }, rationale: "late" }), 201);
    const second = expectOk(await c.get(`/api/v1/questions/${question.id}/estimates?limit=10&cursor=${encodeURIComponent(first.nextCursor)}`));
    expect(second.items).toEqual(whole.items.slice(10, 20));

    const paged = await allPages(c, `/api/v1/questions/${question.id}/estimates`);
    expect(paged.map((e: any) => e.rationale)).toEqual([...whole.items.map((e: any) => e.rationale), "late"]);
    const newest = expectOk(await c.get(`/api/v1/questions/${question.id}/estimates?order=desc&limit=3`));
    expect(newest.items.map((e: any) => e.rationale)).toEqual(["late", "update 24", "update 23"]);
  });

  it("refuses a bad limit, order or cursor with a problem naming it", async () => {
    // not a number or not a cursor this server gave out: 400 (malformed); out of range: 422
    for (const [q, status, path] of [
      ["limit=0", 422, "limit"],
      ["limit=1001", 422, "limit"],
      ["limit=ten", 400, "limit"],
      ["order=sideways", 422, "order"],
      ["cursor=abc", 400, "cursor"],
      ["cursor=12x_abc", 400, "cursor"],
    ] as const) {
      const res = await c.get(`/api/v1/questions/${question.id}/estimates?${q}`);
      expectProblem(res, status, path);
      expect(res.body.errors[0].message).not.toMatch(/Invalid input/);
    }
  });
});

describe("GET /scenarios/{id}/evidence", () => {
  it("pages newest first, filters before cutting the page, and follows cursors to the end", async () => {
    const first = expectOk(await c.get(`/api/v1/scenarios/${scenarioId}/evidence?limit=5`));
    expect(first.items.map((e: any) => e.summary)).toEqual(["item 11", "item 10", "item 9", "item 8", "item 7"]);
    const all = await allPages(c, `/api/v1/scenarios/${scenarioId}/evidence`);
    expect(all.map((e: any) => e.summary)).toEqual(Array.from({ length: 12 }, (_, i) => `item ${11 - i}`));
    const oldest = expectOk(await c.get(`/api/v1/scenarios/${scenarioId}/evidence?order=asc&limit=2`));
    expect(oldest.items.map((e: any) => e.summary)).toEqual(["item 0", "item 1"]);

    // filters run before the page is cut: a page of 2 tagged items, then the rest
    const tagged = expectOk(await c.get(`/api/v1/scenarios/${scenarioId}/evidence?tag=third&limit=2`));
    expect(tagged.items.map((e: any) => e.summary)).toEqual(["item 9", "item 6"]);
    const rest = expectOk(await c.get(`/api/v1/scenarios/${scenarioId}/evidence?tag=third&limit=2&cursor=${encodeURIComponent(tagged.nextCursor)}`));
    expect(rest.items.map((e: any) => e.summary)).toEqual(["item 3", "item 0"]);
    expect(rest.nextCursor).toBeNull();
    const graded = await allPages(c, `/api/v1/scenarios/${scenarioId}/evidence?minReliability=B`);
    expect(graded.every((e: any) => e.reliability <= "B")).toBe(true);
    expect(graded).toHaveLength(6);

    const tags = expectOk(await c.get(`/api/v1/scenarios/${scenarioId}/evidence/tags`));
    expect(tags.items).toEqual(["third"]);
  });

  it("as of a past time pages the log as it stood then", async () => {
    const now = new Date().toISOString();
    await newEvidence(c, scenarioId, { summary: "after the moment" });
    const then = await allPages(c, `/api/v1/scenarios/${scenarioId}/evidence?asOf=${now}`);
    expect(then.map((e: any) => e.summary)).toEqual(Array.from({ length: 12 }, (_, i) => `item ${11 - i}`));
    const page = expectOk(await c.get(`/api/v1/scenarios/${scenarioId}/evidence?asOf=${now}&limit=4&order=asc`));
    const next = expectOk(await c.get(`/api/v1/scenarios/${scenarioId}/evidence?asOf=${now}&limit=4&order=asc&cursor=${encodeURIComponent(page.nextCursor)}`));
    expect([...page.items, ...next.items].map((e: any) => e.summary)).toEqual(Array.from({ length: 8 }, (_, i) => `item ${i}`));
  });
});
