// Shared by the integration and e2e projects: build when sources changed, start one real
// `next start` on a temporary database, hand its URL (and DB file) to the tests.
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureBuild } from "./build";
import { startServer, type RunningServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dbFile: string;
  }
}

let server: RunningServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  ensureBuild();
  fs.mkdirSync(path.resolve(__dirname, "../../test-results/screens"), { recursive: true });
  server = await startServer();
  project.provide("baseUrl", server.url);
  project.provide("dbFile", server.dbFile);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
