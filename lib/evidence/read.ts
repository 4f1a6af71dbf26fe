// Evidence as it stands now or as it stood at a past time: the shapes the API returns and
// the as-of read the list and (later) the analysis engine share. No access checks here —
// callers in lib/*/service.ts check the actor's role first.
import "server-only";
import { and, desc, eq, gt, isNull, lte, or, sql, type SQLWrapper } from "drizzle-orm";
import type { Db, Store } from "@/db/client";
import { preparedPerStore } from "@/db/prepared";
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

export type EvidenceRow = typeof import("@/db/schema/sqlite").evidence.$inferSelect;
export type VersionRow = typeof import("@/db/schema/sqlite").evidenceVersions.$inferSelect;
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

/** The item as it stood at `asOf`: that version's content, retracted only if it was by then. */
function asOfView(r: EvidenceRow, v: VersionRow | undefined, asOf: Date): Evidence {
  const current = toEvidence(r);
  const retracted = r.retractedAt !== null && r.retractedAt.getTime() <= asOf.getTime();
  const base = { ...current, retractedAt: retracted ? current.retractedAt : null, retractReason: retracted ? r.retractReason : null };
  if (!v) return base; // no version row at or before asOf (imported data): best effort
  return {
    ...base,
    summary: v.summary,
    excerpt: v.excerpt,
    sourceId: v.sourceId,
    occurredAt: iso(v.occurredAt),
    reliability: v.reliability,
    credibility: v.credibility,
    tags: v.tags,
    version: v.version,
    updatedAt: v.createdAt.toISOString(),
  };
}

function prepare(db: Db, s: Store["schema"]) {
  const ev = s.evidenceVersions;
  return {
    // one seek on (evidence_id, created_at) per item
    versionAt: db
      .select()
      .from(ev)
      .where(and(eq(ev.evidenceId, sql.placeholder("id")), lte(ev.createdAt, sql.placeholder("at"))))
      .orderBy(desc(ev.createdAt), desc(ev.version))
      .limit(1)
      .prepare(),
  };
}
const queries = preparedPerStore(prepare);

/** `lower(col) LIKE %q%` with % and _ in q taken literally; lower() on both sides (STORE.md). */
function containsText(col: SQLWrapper, q: string) {
  const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`lower(${col}) like ${pattern} escape '\\'`;
}

const matchesText = (e: Evidence, q: string) => {
  const needle = q.toLowerCase();
  return e.summary.toLowerCase().includes(needle) || (e.excerpt?.toLowerCase().includes(needle) ?? false);
};

/**
 * A scenario's evidence, newest first. As of a past time: only items logged by then, each
 * with the version it had then, retracted only if it was by then; q/tag/sourceId then
 * match that old version. Retracted items are left out unless includeRetracted.
 */
export async function scenarioEvidence(store: Store, scenarioId: string, query: ListEvidenceQuery = {}): Promise<Evidence[]> {
  const e = store.schema.evidence;
  const { asOf, q, tag, sourceId } = query;
  const includeRetracted = query.includeRetracted ?? false;
  const rows = await store.db
    .select()
    .from(e)
    .where(
      and(
        eq(e.scenarioId, scenarioId),
        asOf ? lte(e.createdAt, asOf) : undefined,
        includeRetracted ? undefined : asOf ? or(isNull(e.retractedAt), gt(e.retractedAt, asOf)) : isNull(e.retractedAt),
        // as of a past time these filters must see the old versions, so they run below
        !asOf && q ? or(containsText(e.summary, q), containsText(e.excerpt, q)) : undefined,
        !asOf && sourceId ? eq(e.sourceId, sourceId) : undefined,
      ),
    )
    .orderBy(desc(e.createdAt), desc(e.id));

  let items: Evidence[];
  if (asOf) {
    const at = asOf.getTime();
    items = [];
    for (const r of rows) {
      const v = (await queries(store).versionAt.execute({ id: r.id, at }))[0];
      items.push(asOfView(r, v, asOf));
    }
    if (q) items = items.filter((x) => matchesText(x, q));
    if (sourceId) items = items.filter((x) => x.sourceId === sourceId);
  } else {
    items = rows.map(toEvidence);
  }
  // Tags are a JSON array, whose containment test differs between dialects: filtered here.
  return tag ? items.filter((x) => x.tags.includes(tag)) : items;
}

