// npm run db:copy moves a whole instance between engines: SQLite → PostgreSQL → SQLite
// round-trips the demo, a generated scenario, accounts and sessions losslessly, verified by
// row counts and by every scenario's export. Needs both engines: runs in the PostgreSQL
// project (SQLite is always at hand).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { openStore, withClock, type Store } from "@/db/client";
import { rowCountsOf } from "@/db/copy";
import { seedDemoTemplate } from "@/db/seed";
import { newId } from "@/lib/ids";
import { copyAndVerify } from "@/lib/transfer/copy";
import { scenarioDocument } from "@/lib/transfer/export";
import { importScenario } from "@/lib/transfer/import";
import { freshDatabase, testEngine, type TestDatabase } from "../support/database";
import { sampleDocument, uuidScheme } from "../unit/transfer/fixture";

const ROOT = path.resolve(__dirname, "../..");
const databases: TestDatabase[] = [];
const stores: Store[] = [];

async function fresh(engine: "sqlite" | "postgres"): Promise<{ url: string; store: Store }> {
  const previous = process.env.BRANCHPOINT_TEST_ENGINE;
  process.env.BRANCHPOINT_TEST_ENGINE = engine;
  try {
    const db = await freshDatabase();
    databases.push(db);
    const store = await openStore(db.url, { poolSize: 2 });
    stores.push(store);
    return { url: db.url, store };
  } finally {
    process.env.BRANCHPOINT_TEST_ENGINE = previous;
  }
}

async function exports(store: Store): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const { id } of await store.db.select({ id: store.schema.scenarios.id }).from(store.schema.scenarios)) {
    // the export time is the one thing that differs between two exports of the same data
    out.set(id, { ...(await scenarioDocument(store, id)), exportedAt: null });
  }
  return out;
}

let source: { url: string; store: Store };

beforeAll(async () => {
  source = await fresh("sqlite");
  const s = source.store.schema;
  await seedDemoTemplate(source.store);
  // an account that can sign in, with a live session
  const at = new Date("2024-01-01T00:00:00.000Z");
  const owner = newId();
  await source.store.db.insert(s.user).values({ id: owner, name: "Owner", email: "owner@example.com", emailVerified: true, createdAt: at, updatedAt: at });
  await source.store.db.insert(s.account).values({ id: newId(), accountId: owner, providerId: "credential", userId: owner, password: "salt:hash", createdAt: at, updatedAt: at });
  await source.store.db.insert(s.session).values({ id: newId(), token: "session-token", userId: owner, expiresAt: new Date("2030-01-01T00:00:00.000Z"), createdAt: at, updatedAt: at });
  // a generated scenario with every kind of row, imported as the owner
  await importScenario(withClock(source.store, at), { id: owner }, sampleDocument(uuidScheme("c")));
});

afterAll(async () => {
  for (const st of stores) await st.close();
  for (const d of databases) d.dispose();
});

describe.skipIf(testEngine() !== "postgres")("db:copy", () => {
  it("SQLite → PostgreSQL → SQLite keeps every row and every scenario's export", async () => {
    const original = await exports(source.store);
    expect(original.size).toBeGreaterThanOrEqual(2);
    const counts = await rowCountsOf(source.store);
    for (const table of ["user", "account", "session", "scenarios", "events", "estimates", "ratings", "evidenceVersions"] as const) {
      expect(counts[table], table).toBeGreaterThan(0);
    }

    const pg = await fresh("postgres");
    const there = await copyAndVerify(source.store, pg.store);
    expect(there.problems).toEqual([]);
    expect(there.counts).toEqual(counts);

    const back = await fresh("sqlite");
    const home = await copyAndVerify(pg.store, back.store);
    expect(home.problems).toEqual([]);
    expect(await exports(back.store)).toEqual(original);
    // the session (and so the person signed in) survives the move
    const sessions = await back.store.db.select().from(back.store.schema.session);
    expect(sessions.map((x) => x.token)).toEqual(["session-token"]);
  }, 120_000);

  it("refuses a target that already holds data, and leaves it as it was", async () => {
    const target = await fresh("postgres");
    await seedDemoTemplate(target.store);
    const before = await rowCountsOf(target.store);
    await expect(copyAndVerify(source.store, target.store)).rejects.toThrow(/the target is not empty/);
    expect(await rowCountsOf(target.store)).toEqual(before);
  }, 60_000);

  it("npm run db:copy copies, verifies and says so", async () => {
    const target = await fresh("postgres");
    const run = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/db-copy.ts", "--from", source.url, "--to", target.url], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.status, run.stderr || run.stdout).toBe(0);
    expect(run.stdout).toMatch(/Copied and verified in [\d.]+ s: \d+ rows match table by table, and \d+ scenario exports are identical\./);
    expect(await rowCountsOf(target.store)).toEqual(await rowCountsOf(source.store));

    const usage = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/db-copy.ts", "--from", source.url], { cwd: ROOT, encoding: "utf8" });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("usage: npm run db:copy -- --from <database URL> --to <database URL>");
  }, 120_000);
});
