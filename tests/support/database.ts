// Which engine this test project runs on, and a fresh database on it. The integration suite
// runs twice — project "integration" on SQLite, "integration-pg" on PostgreSQL (a throwaway
// cluster, tests/support/postgres.ts) — so every test here must work on both.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase } from "./postgres";

export type Engine = "sqlite" | "postgres";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    pgAdminUrl: string;
  }
}

export const testEngine = (): Engine => (process.env.BRANCHPOINT_TEST_ENGINE === "postgres" ? "postgres" : "sqlite");

/**
 * The cluster's admin URL: set in the main process by the global setup, injected into
 * workers. (vitest is imported only here, so the bench can use these helpers outside it.)
 */
async function pgAdminUrl(): Promise<string> {
  const url = process.env.BRANCHPOINT_TEST_PG_ADMIN || (await import("vitest")).inject("pgAdminUrl");
  if (!url) throw new Error("no PostgreSQL test cluster: run the tests through npm test");
  return url;
}

export interface TestDatabase {
  url: string;
  /** Removes a SQLite file; a PostgreSQL database goes with the cluster. */
  dispose(): void;
}

export async function freshDatabase(): Promise<TestDatabase> {
  if (testEngine() === "postgres") return { url: await createDatabase(await pgAdminUrl()), dispose: () => undefined };
  return sqliteScratch("branchpoint-test-");
}

/** A SQLite file in a fresh temporary folder (removed by dispose). */
export function sqliteScratch(prefix: string): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { url: `file:${path.join(dir, "test.db")}`, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
