// The engines a bench run measures, and a scratch database on each: a SQLite file in a
// temporary folder, or a database in a throwaway PostgreSQL cluster.
import { sqliteScratch, type Engine, type TestDatabase } from "../tests/support/database";
import { createDatabase, startCluster } from "../tests/support/postgres";

export type { Engine };

/** Both engines, or only BENCH_ENGINE's (sqlite or postgres). */
export const benchEngines = (): Engine[] => (["sqlite", "postgres"] as const).filter((e) => !process.env.BENCH_ENGINE || process.env.BENCH_ENGINE === e);

/** A fresh, empty database of `engine`; dispose() removes it (and the cluster). */
export async function scratchDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === "sqlite") return sqliteScratch("branchpoint-bench-");
  const cluster = await startCluster();
  return { url: await createDatabase(cluster.adminUrl), dispose: () => cluster.stop() };
}
