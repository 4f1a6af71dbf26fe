// A scenario's key assumptions as they stand now or stood at a time (./rule.ts): the
// assumptions written by then, each with the content of its version in force then. One range
// read of the assumptions and, as of a past time, one join for their versions.
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Store } from "@/db/store";
import type { Row } from "@/db/types";
import { oldestFirst, writtenByAt } from "./query";
import { inForce } from "./rule";

export type AssumptionState = Row<"assumptions">;

/** Every assumption of the scenario at `at` (now when absent), oldest first. */
export async function assumptionsAt(store: Store, scenarioId: string, at?: Date): Promise<AssumptionState[]> {
  const a = store.schema.assumptions;
  const av = store.schema.assumptionVersions;
  // assumptions_scenario_idx (scenario_id, created_at)
  const rows = await store.db
    .select()
    .from(a)
    .where(and(eq(a.scenarioId, scenarioId), writtenByAt(a.createdAt, at)))
    .orderBy(asc(a.createdAt), asc(a.id));
  if (!at || rows.length === 0) return rows;

  const versions = (
    await store.db
      .select({ v: av })
      .from(av)
      .innerJoin(a, eq(a.id, av.assumptionId))
      .where(and(eq(a.scenarioId, scenarioId), writtenByAt(a.createdAt, at), writtenByAt(av.createdAt, at)))
      .orderBy(...oldestFirst(av.createdAt, av.version))
  ).map((x) => x.v);
  const then = inForce(versions, (v) => v.assumptionId, (v) => v.version, at);
  return rows.map((r) => {
    const v = then.get(r.id); // none for imported data without history: its current content
    return v ? { ...r, statement: v.statement, status: v.status, note: v.note, version: v.version, updatedAt: v.createdAt } : r;
  });
}
