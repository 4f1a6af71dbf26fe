// A scenario's indicators as they stand now or stood at a time (./rule.ts): the indicators
// added by then, each with the content of its version in force then, and since when it has
// been observed — the time of the version that last turned its status to "observed", read
// from the same version rows. One range read of the indicators (with their hypotheses'
// questions) and one join for their versions.
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Store } from "@/db/store";
import type { Row } from "@/db/types";
import { oldestFirst, writtenByAt } from "./query";
import { historyOrder, inForce, writtenBy } from "./rule";

export type IndicatorState = Row<"indicators"> & {
  /** The question of the indicator's hypothesis. */
  questionId: string;
  /** Since when it has been observed (by then); null unless its status is "observed". */
  observedAt: Date | null;
};

type StatusStamp = { status: string; createdAt: Date; version: number };

/**
 * When the status became "observed" in the run that is in force at `at`: the version rows
 * (any order) are walked oldest first; null when the status in force then is another one.
 */
export function observedSince(versions: readonly StatusStamp[], at?: Date): Date | null {
  let since: Date | null = null;
  let last: string | null = null;
  for (const v of [...versions].filter((x) => writtenBy(x, at)).sort(historyOrder((x) => x.version))) {
    if (v.status === "observed" && last !== "observed") since = v.createdAt;
    if (v.status !== "observed") since = null;
    last = v.status;
  }
  return since;
}

/** Every indicator of the scenario at `at` (now when absent), oldest first. */
export async function indicatorsAt(store: Store, scenarioId: string, at?: Date): Promise<IndicatorState[]> {
  const i = store.schema.indicators;
  const iv = store.schema.indicatorVersions;
  const h = store.schema.hypotheses;
  // indicators_scenario_idx (scenario_id, created_at)
  const rows = await store.db
    .select({ indicator: i, questionId: h.questionId })
    .from(i)
    .innerJoin(h, eq(h.id, i.hypothesisId))
    .where(and(eq(i.scenarioId, scenarioId), writtenByAt(i.createdAt, at)))
    .orderBy(asc(i.createdAt), asc(i.id));
  if (rows.length === 0) return [];

  // their versions written by then, through the primary key (indicator_id, version)
  const versions = (
    await store.db
      .select({ v: iv })
      .from(iv)
      .innerJoin(i, eq(i.id, iv.indicatorId))
      .where(and(eq(i.scenarioId, scenarioId), writtenByAt(i.createdAt, at), writtenByAt(iv.createdAt, at)))
      .orderBy(...oldestFirst(iv.createdAt, iv.version))
  ).map((x) => x.v);
  const byIndicator = new Map<string, Row<"indicatorVersions">[]>();
  for (const v of versions) {
    const list = byIndicator.get(v.indicatorId);
    if (list) list.push(v);
    else byIndicator.set(v.indicatorId, [v]);
  }
  const then = inForce(versions, (v) => v.indicatorId, (v) => v.version, at);
  return rows.map(({ indicator: r, questionId }) => {
    const v = then.get(r.id);
    // without a version row (imported data without history) the row's own content stands
    const state = v
      ? {
          ...r,
          title: v.title,
          description: v.description,
          direction: v.direction,
          status: v.status,
          evidenceIds: v.evidenceIds,
          version: v.version,
          updatedAt: v.createdAt,
        }
      : r;
    const history = byIndicator.get(r.id) ?? [];
    const observedAt = state.status !== "observed" ? null : history.length > 0 ? observedSince(history, at) : r.updatedAt;
    return { ...state, questionId, observedAt };
  });
}
