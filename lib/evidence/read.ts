// Evidence as it stands now or as it stood at a past time: the shapes the API returns and
// the list read (as-of through lib/asof/evidence.ts). No access checks here —
// callers in lib/*/service.ts check the actor's role first.
import "server-only";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Store } from "@/db/store";
import type { Row } from "@/db/types";
import { evidenceAt } from "@/lib/asof/evidence";
import { afterCursor, decodeCursor, DEFAULT_PAGE, encodeCursor, pageOf, type Keyset, type Page } from "@/lib/paging";
import type { ListEvidenceQuery } from "./schema";

export type Reliability = "A" | "B" | "C" | "D" | "E" | "F";

export interface EvidenceVersion {
  version: number;
  summary: string;
  excerpt: string | null;
  sourceId: string | null;
  occurredAt: string | null;
  reliability: Reliability;
  credibility: number;
  tags: string[];
  editedBy: string | null;
  createdAt: string;
}

export interface Evidence {
  id: string;
  scenarioId: string;
  summary: string;
  excerpt: string | null;
  sourceId: string | null;
  occurredAt: string | null;
  reliability: Reliability;
  credibility: number;
  tags: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  retractedAt: string | null;
  retractReason: string | null;
}

export type EvidenceDetail = Evidence & { versions: EvidenceVersion[] };

export type EvidenceRow = Row<"evidence">;
export type VersionRow = Row<"evidenceVersions">;
export type Content = Pick<EvidenceRow, "summary" | "excerpt" | "sourceId" | "occurredAt" | "reliability" | "credibility" | "tags">;

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toEvidence = (r: EvidenceRow): Evidence => ({
  id: r.id,
  scenarioId: r.scenarioId,
  summary: r.summary,
  excerpt: r.excerpt,
  sourceId: r.sourceId,
  occurredAt: iso(r.occurredAt),
  reliability: r.reliability,
  credibility: r.credibility,
  tags: r.tags,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  createdBy: r.createdBy,
  retractedAt: iso(r.retractedAt),
  retractReason: r.retractReason,
});

export const toVersion = (v: VersionRow): EvidenceVersion => ({
  version: v.version,
  summary: v.summary,
  excerpt: v.excerpt,
  sourceId: v.sourceId,
  occurredAt: iso(v.occurredAt),
  reliability: v.reliability,
  credibility: v.credibility,
  tags: v.tags,
  editedBy: v.editedBy,
  createdAt: v.createdAt.toISOString(),
});

const matchesText = (e: Evidence, q: string) => {
  const needle = q.toLowerCase();
  return e.summary.toLowerCase().includes(needle) || (e.excerpt?.toLowerCase().includes(needle) ?? false);
};

/** Whether an item (as it stood then) passes the list's filters: one rule for now and as-of. */
function matches(e: Evidence, f: ListEvidenceQuery): boolean {
  const when = e.occurredAt ?? e.createdAt;
  return (
    (f.includeRetracted === true || e.retractedAt === null) &&
    (!f.q || matchesText(e, f.q)) &&
    (!f.tag || e.tags.includes(f.tag)) &&
    (!f.sourceId || e.sourceId === f.sourceId) &&
    (!f.minReliability || e.reliability <= f.minReliability) &&
    (f.maxCredibility === undefined || e.credibility <= f.maxCredibility) &&
    (!f.occurredFrom || when >= f.occurredFrom.toISOString()) &&
    (!f.occurredTo || when <= f.occurredTo.toISOString())
  );
}

const keyOf = (e: Evidence): Keyset => ({ at: new Date(e.createdAt), id: e.id });

/**
 * A scenario's evidence, a page at a time: newest first by when it was logged (or
 * `order=asc`). As of a past time, only items logged by then, each with the version it had
 * then, retracted only if it was by then (lib/asof/evidence.ts); the filters match that
 * content. Now, the page is read in batches along evidence_scenario_created_idx from the
 * cursor until it is full, so it costs the same however long the log is (filters that
 * match little read further).
 */
export async function scenarioEvidence(store: Store, scenarioId: string, query: ListEvidenceQuery = {}): Promise<Page<Evidence>> {
  const limit = query.limit ?? DEFAULT_PAGE;
  const descending = query.order !== "asc";
  if (query.asOf) {
    const all = (await evidenceAt(store, scenarioId, query.asOf)).map(toEvidence).filter((e) => matches(e, query));
    if (!descending) all.reverse();
    const start = query.cursor ? all.findIndex((e) => beyond(keyOf(e), decodeCursor(query.cursor!), descending)) : 0;
    return pageOf(start < 0 ? [] : all.slice(start, start + limit + 1), limit, keyOf);
  }
  const e = store.schema.evidence;
  const batch = Math.max(limit + 1, 200);
  const out: Evidence[] = [];
  let cursor = query.cursor;
  for (;;) {
    // evidence_scenario_created_idx (scenario_id, created_at)
    const rows = await store.db
      .select()
      .from(e)
      .where(and(eq(e.scenarioId, scenarioId), query.includeRetracted ? undefined : isNull(e.retractedAt), afterCursor(e.createdAt, e.id, cursor, descending)))
      .orderBy(...(descending ? [desc(e.createdAt), desc(e.id)] : [asc(e.createdAt), asc(e.id)]))
      .limit(batch);
    for (const r of rows) {
      const item = toEvidence(r);
      if (matches(item, query)) out.push(item);
      if (out.length > limit) return pageOf(out, limit, keyOf);
    }
    if (rows.length < batch) return pageOf(out, limit, keyOf);
    cursor = encodeCursor({ at: rows[rows.length - 1]!.createdAt, id: rows[rows.length - 1]!.id });
  }
}

/** Whether `k` comes after the cursor in the list's order. */
const beyond = (k: Keyset, c: Keyset, descending: boolean) => {
  const d = k.at.getTime() - c.at.getTime() || (k.id < c.id ? -1 : k.id > c.id ? 1 : 0);
  return descending ? d < 0 : d > 0;
};
