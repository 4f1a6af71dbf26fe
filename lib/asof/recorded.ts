// As-of reads of what keeps no version table of its own — a scenario's title and summary, an
// outcome's routing — come from the audit log: the `after` of the entity's newest event of
// the given types at or before the time (./rule.ts, with events ordered by (at, id)).
import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { preparedPerStore } from "@/db/prepared";
import type { Store } from "@/db/store";
import type { Row } from "@/db/types";
import { newestFirst, writtenByAt } from "./query";

/** The state the audit log recorded for an entity at `at`, or null when it recorded none. */
export async function recordedStateAt(store: Store, entityId: string, types: readonly string[], at: Date): Promise<Record<string, unknown> | null> {
  const e = store.schema.events;
  // events_entity_idx (entity_id, at)
  const rows = await store.db
    .select({ after: e.after })
    .from(e)
    .where(and(eq(e.entityId, entityId), writtenByAt(e.at, at), inArray(e.type, [...types])))
    .orderBy(...newestFirst(e.at, e.id))
    .limit(1);
  const after = rows[0]?.after;
  return after && typeof after === "object" ? (after as Record<string, unknown>) : null;
}

export type OutcomeState = Row<"outcomes">;

// the outcomes in force now, read on every view of a scenario
const outcomesNow = preparedPerStore(({ db, schema, prepare }) => {
  const o = schema.outcomes;
  return prepare(
    db
      .select()
      .from(o)
      .where(and(eq(o.scenarioId, sql.placeholder("scenarioId")), isNull(o.archivedAt)))
      .orderBy(asc(o.position), asc(o.id)),
    "outcomes_now",
  );
});

/**
 * A scenario's outcomes at `at` (now when absent): those that existed and were not archived
 * then, each with the title and routing recorded by its newest outcome event then.
 */
export async function outcomesAt(store: Store, scenarioId: string, at?: Date): Promise<OutcomeState[]> {
  if (!at) return outcomesNow(store).execute({ scenarioId });
  const o = store.schema.outcomes;
  const rows = await store.db
    .select()
    .from(o)
    .where(and(eq(o.scenarioId, scenarioId), writtenByAt(o.createdAt, at)))
    .orderBy(asc(o.position), asc(o.id));
  const out: OutcomeState[] = [];
  for (const row of rows) {
    const then = await recordedStateAt(store, row.id, ["outcome.created", "outcome.updated"], at);
    const state: OutcomeState = then
      ? {
          ...row,
          title: typeof then.title === "string" ? then.title : row.title,
          description: typeof then.description === "string" ? then.description : row.description,
          hypothesisIds: Array.isArray(then.hypothesisIds) ? (then.hypothesisIds as string[]) : row.hypothesisIds,
          version: typeof then.version === "number" ? then.version : 1,
          archivedAt: typeof then.archivedAt === "string" ? new Date(then.archivedAt) : null,
        }
      : row;
    if (!state.archivedAt || state.archivedAt > at) out.push(state);
  }
  return out;
}
