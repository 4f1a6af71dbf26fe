// Two app instances on one PostgreSQL database, as behind a load balancer: 32 writers spread
// over both for 20 s. Every acknowledged estimate is in the database afterwards, of edits
// racing from the same version exactly one lands and every other is 409, nothing answers 5xx,
// and a session made on one instance works on the other. (SQLite is one process's file:
// several instances need PostgreSQL, so this runs in the PostgreSQL project.)
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/client";
import { authPost, TEST_PASSWORD, uniqueEmail } from "../support/accounts";
import { allPages, invite, showTeamFigures } from "../support/api";
import { testEngine } from "../support/database";
import { startServer, type RunningServer } from "../support/server";

const PUBLIC = "http://branchpoint.test";
const WRITERS = 32;
const DURATION_MS = 20_000;

let a: RunningServer;
let b: RunningServer;

async function person(server: RunningServer, name: string): Promise<ApiClient> {
  const anon = new ApiClient(server.url, null, PUBLIC);
  const res = await authPost(anon, "/api/auth/sign-up/email", { email: uniqueEmail(name), password: TEST_PASSWORD, name });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  const client = new ApiClient(server.url, res.body.user, PUBLIC);
  client.cookie = anon.cookie;
  return client;
}

describe.skipIf(testEngine() !== "postgres")("two instances on one PostgreSQL database", () => {
  beforeAll(async () => {
    const env = { BETTER_AUTH_SECRET: randomBytes(32).toString("hex"), BETTER_AUTH_URL: PUBLIC };
    a = await startServer({ env });
    b = await startServer({ env, databaseUrl: a.databaseUrl });
  }, 120_000);

  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it("32 writers across both for 20 s: no acknowledged write lost, every stale edit 409, no 5xx, sessions valid on both", async () => {
    const owner = await person(a, "Owner");
    const scenario = (await owner.post("/api/v1/scenarios", { title: "Two instances" })).body;
    await showTeamFigures(owner, scenario); // the owner reads every writer's estimates without estimating
    const question = (
      await owner.post(`/api/v1/scenarios/${scenario.id}/questions`, { title: "Who?", hypotheses: [{ title: "A" }, { title: "B" }, { title: "C" }] })
    ).body;
    const ids: string[] = question.hypotheses.map((h: { id: string }) => h.id);

    // writers sign up on alternate instances and join by invitation
    const writers: ApiClient[] = [];
    for (let i = 0; i < WRITERS; i++) {
      const w = await person(i % 2 ? b : a, `Writer ${i}`);
      await invite(owner, scenario.id, w, "editor");
      writers.push(w);
    }
    // a session made on one instance is valid on the other
    for (const w of writers) {
      for (const server of [a, b]) expect((await w.on(server.url).get("/api/v1/me")).status).toBe(200);
    }

    const acknowledged: string[] = [];
    const landed: { version: number; description: string }[] = [];
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const until = Date.now() + DURATION_MS;
    await Promise.all(
      writers.map(async (w, i) => {
        const here = [w.on(a.url), w.on(b.url)];
        for (let n = 0; Date.now() < until; n++) {
          const c = here[(i + n) % 2]!;
          if (i % 2 === 0) {
            // an estimate: 201 means it is stored
            const raw = ids.map(() => 1 + Math.floor(Math.random() * 8));
            const total = raw.reduce((x, y) => x + y, 0);
            const probabilities = Object.fromEntries(ids.map((id, k) => [id, k < ids.length - 1 ? Math.round((raw[k]! / total) * 1000) / 1000 : 0]));
            probabilities[ids[ids.length - 1]!] = Math.round((1 - Object.values(probabilities).reduce((x, y) => x + y, 0)) * 1000) / 1000;
            const res = await c.post(`/api/v1/questions/${question.id}/estimates`, { probabilities, rationale: `writer ${i}, write ${n}` });
            count(res.status);
            if (res.status === 201) acknowledged.push(res.body.id);
            else expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
          } else {
            // an edit from the version just read, racing every other editor
            const seen = (await c.get(`/api/v1/questions/${question.id}`)).body;
            const description = `writer ${i}, edit ${n}`;
            const res = await c.patch(`/api/v1/questions/${question.id}`, { version: seen.version, description });
            count(res.status);
            if (res.status === 200) landed.push({ version: res.body.version, description });
            else expect(res.status, JSON.stringify(res.body)).toBe(409);
          }
        }
      }),
    );

    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(50);
    expect(statuses.get(409) ?? 0, "the edits really raced").toBeGreaterThan(0);

    // every acknowledged estimate is stored, on whichever instance it is read
    for (const server of [a, b]) {
      const stored = new Set((await allPages(owner.on(server.url), `/api/v1/questions/${question.id}/estimates`)).map((e: { id: string }) => e.id));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    }
    // each version was won once: no edit landed on a stale version, none was lost
    const final = (await owner.on(b.url).get(`/api/v1/questions/${question.id}`)).body;
    expect(landed.map((l) => l.version).sort((x, y) => x - y)).toEqual(Array.from({ length: landed.length }, (_, k) => k + 2));
    expect(final.version).toBe(landed.length + 1);
    expect(final.description).toBe(landed.find((l) => l.version === final.version)!.description);
  }, 180_000);
});
