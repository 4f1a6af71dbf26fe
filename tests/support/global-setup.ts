// Shared by the integration projects and e2e: build when sources changed, start one real
// server on a fresh database of the project's engine, hand its URL to the tests. The
// PostgreSQL project first starts a throwaway cluster (tests/support/postgres.ts).
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureBuild } from "./build";
import { ensureChromium } from "./chromium";
import { createDatabase, startCluster, type Cluster } from "./postgres";
import { startServer, type RunningServer } from "./server";
import "./database"; // the ProvidedContext keys

let server: RunningServer | undefined;
let cluster: Cluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (project.name === "e2e") ensureChromium();
  ensureBuild();
  fs.mkdirSync(path.resolve(__dirname, "../../test-results/screens"), { recursive: true });
  let databaseUrl: string | undefined;
  if (project.config.env?.BRANCHPOINT_TEST_ENGINE === "postgres") {
    cluster = await startCluster();
    console.log(`[tests] PostgreSQL from ${cluster.binaries}`);
    process.env.BRANCHPOINT_TEST_PG_ADMIN = cluster.adminUrl;
    project.provide("pgAdminUrl", cluster.adminUrl);
    databaseUrl = await createDatabase(cluster.adminUrl);
  } else {
    project.provide("pgAdminUrl", "");
  }
  server = await startServer({ databaseUrl });
  project.provide("baseUrl", server.url);
  project.provide("databaseUrl", server.databaseUrl);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  cluster?.stop();
}
