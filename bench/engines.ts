// The engines a bench run measures, and a scratch database on each: a SQLite file in a
// temporary folder, or a database in a throwaway PostgreSQL cluster.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase, startCluster } from "../tests/support/postgres";

export type Engine = "sqlite" | "postgres";

/** Both engines, or only BENCH_ENGINE's (sqlite or postgres). */
export const benchEngines = (): Engine[] => (["sqlite", "postgres"] as const).filter((e) => !process.env.BENCH_ENGINE || process.env.BENCH_ENGINE === e);

/** A fresh, empty database of `engine`; dispose() removes it (and the cluster). */
export async function scratchDatabase(engine: Engine): Promise<{ url: string; dispose(): void }> {
  if (engine === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "branchpoint-bench-"));
    return { url: `file:${path.join(dir, "bench.db")}`, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const cluster = await startCluster();
  return { url: await createDatabase(cluster.adminUrl), dispose: () => cluster.stop() };
}
