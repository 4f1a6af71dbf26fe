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
  server = await startServer();
  project.provide("baseUrl", server.url);
  project.provide("dbFile", server.dbFile);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
