// Evidence as it stands now or as it stood at a past time: the shapes the API returns and
// the list read (as-of through lib/asof/evidence.ts). No access checks here —
// callers in lib/*/service.ts check the actor's role first.
import "server-only";
import type { Store } from "@/db/store";
import type { Row } from "@/db/types";
import { evidenceAt } from "@/lib/asof/evidence";
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

/**
 * A scenario's evidence, newest first, as it stands now or stood at `asOf` (each item with
 * the version it had then, retracted only if it was by then — lib/asof/evidence.ts). q, tag
 * and sourceId match that content. Retracted items are left out unless includeRetracted.
 */
export async function scenarioEvidence(store: Store, scenarioId: string, query: ListEvidenceQuery = {}): Promise<Evidence[]> {
  const { asOf, q, tag, sourceId } = query;
  const includeRetracted = query.includeRetracted ?? false;
  return (await evidenceAt(store, scenarioId, asOf))
    .filter((r) => includeRetracted || r.retractedAt === null)
    .map(toEvidence)
    .filter((x) => (!q || matchesText(x, q)) && (!sourceId || x.sourceId === sourceId) && (!tag || x.tags.includes(tag)));
}
