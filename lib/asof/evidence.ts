// A scenario's evidence as it stands now or stood at a time (./rule.ts): the items logged by
// then, each with the content of its version in force then, retracted only if it was by
// then. One range read of the items and, as of a past time, one join for their versions.
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Store } from "@/db/store";
import type { Row } from "@/db/types";
import { oldestFirst, writtenByAt } from "./query";
import { inForce } from "./rule";

export type EvidenceState = Row<"evidence">;

/** Every item of the scenario at `at` (now when absent), retracted ones included, newest first. */
export async function evidenceAt(store: Store, scenarioId: string, at?: Date): Promise<EvidenceState[]> {
  const e = store.schema.evidence;
  const ev = store.schema.evidenceVersions;
  // evidence_scenario_created_idx (scenario_id, created_at)
  const rows = await store.db
    .select()
    .from(e)
    .where(and(eq(e.scenarioId, scenarioId), writtenByAt(e.createdAt, at)))
    .orderBy(desc(e.createdAt), desc(e.id));
  if (!at) return rows;

  // the versions of those items written by then, through the primary key (evidence_id, version)
  const versions = (
    await store.db
      .select({ v: ev })
      .from(ev)
      .innerJoin(e, eq(e.id, ev.evidenceId))
      .where(and(eq(e.scenarioId, scenarioId), writtenByAt(e.createdAt, at), writtenByAt(ev.createdAt, at)))
      .orderBy(...oldestFirst(ev.createdAt, ev.version))
  ).map((x) => x.v);
  const then = inForce(versions, (v) => v.evidenceId, (v) => v.version, at);
  const t = at.getTime();
  return rows.map((r) => {
    const retracted = r.retractedAt !== null && r.retractedAt.getTime() <= t;
    const base = retracted ? r : { ...r, retractedAt: null, retractReason: null, retractedBy: null };
    const v = then.get(r.id); // none for imported data without history: its current content
    return v
      ? {
          ...base,
          summary: v.summary,
          excerpt: v.excerpt,
          sourceId: v.sourceId,
          occurredAt: v.occurredAt,
          reliability: v.reliability,
          credibility: v.credibility,
          tags: v.tags,
          version: v.version,
          updatedAt: v.createdAt,
        }
      : base;
  });
}
