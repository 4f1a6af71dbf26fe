// Query keys and fetchers, shared by server prefetch (HydrationBoundary) and client hooks.
import { queryOptions } from "@tanstack/react-query";
import { api, withAsOf } from "./api";
import type { PoolMethod } from "@/lib/math/aggregation";
import type { AuditEvent, Estimate, Evidence, EvidenceDetail, InviteOut, Member, ScenarioSummary, ScenarioView, Source, SourceSummary } from "./types";

export interface EvidenceFilters {
  q?: string;
  tag?: string;
  includeRetracted?: boolean;
}

const qs = (params: Record<string, string | boolean | undefined | null>) => {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "" && v !== false) u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : "";
};

export const keys = {
  scenarios: ["scenarios"] as const,
  scenario: (id: string, asOf: string | null, method: PoolMethod = "geometric") => ["scenario", id, asOf ?? "now", method] as const,
  evidence: (id: string, asOf: string | null, f: EvidenceFilters) => ["evidence", id, asOf ?? "now", f] as const,
  evidenceItem: (evidenceId: string) => ["evidence-item", evidenceId] as const,
  sources: (id: string) => ["sources", id] as const,
  source: (sourceId: string) => ["source", sourceId] as const,
  estimates: (questionId: string) => ["estimates", questionId] as const,
  activity: (id: string) => ["activity", id] as const,
  history: (id: string, f: Record<string, string | undefined>) => ["history", id, f] as const,
  members: (id: string) => ["members", id] as const,
  invites: (id: string) => ["invites", id] as const,
};

export const scenariosQuery = () =>
  queryOptions({ queryKey: keys.scenarios, queryFn: () => api<{ items: ScenarioSummary[] }>("/api/v1/scenarios") });

export const scenarioQuery = (id: string, asOf: string | null, method: PoolMethod = "geometric") =>
  queryOptions({
    queryKey: keys.scenario(id, asOf, method),
    queryFn: () => api<ScenarioView>(withAsOf(`/api/v1/scenarios/${id}${method === "geometric" ? "" : `?method=${method}`}`, asOf)),
  });

export const evidenceQuery = (id: string, asOf: string | null, f: EvidenceFilters = {}) =>
  queryOptions({
    queryKey: keys.evidence(id, asOf, f),
    queryFn: () =>
      api<{ items: Evidence[] }>(`/api/v1/scenarios/${id}/evidence${qs({ asOf, q: f.q, tag: f.tag, includeRetracted: f.includeRetracted })}`),
  });

export const evidenceItemQuery = (evidenceId: string) =>
  queryOptions({ queryKey: keys.evidenceItem(evidenceId), queryFn: () => api<EvidenceDetail>(`/api/v1/evidence/${evidenceId}`) });

export const sourcesQuery = (id: string) =>
  queryOptions({ queryKey: keys.sources(id), queryFn: () => api<{ items: SourceSummary[] }>(`/api/v1/scenarios/${id}/sources`) });

export const sourceQuery = (sourceId: string) =>
  queryOptions({ queryKey: keys.source(sourceId), queryFn: () => api<Source>(`/api/v1/sources/${sourceId}`) });

export const estimatesQuery = (questionId: string) =>
  queryOptions({ queryKey: keys.estimates(questionId), queryFn: () => api<{ items: Estimate[] }>(`/api/v1/questions/${questionId}/estimates`) });

export const activityQuery = (id: string, asOf: string | null) =>
  queryOptions({
    queryKey: [...keys.activity(id), asOf ?? "now"],
    queryFn: () => api<{ items: AuditEvent[]; nextCursor: string | null }>(`/api/v1/scenarios/${id}/history${qs({ order: "newest", limit: "25", to: asOf })}`),
  });

export const historyQuery = (id: string, f: Record<string, string | undefined>) =>
  queryOptions({ queryKey: keys.history(id, f), queryFn: () => api<{ items: AuditEvent[]; nextCursor: string | null }>(`/api/v1/scenarios/${id}/history${qs(f)}`) });

export const membersQuery = (id: string) =>
  queryOptions({ queryKey: keys.members(id), queryFn: () => api<{ items: Member[] }>(`/api/v1/scenarios/${id}/members`) });

export const invitesQuery = (id: string) =>
  queryOptions({ queryKey: keys.invites(id), queryFn: () => api<{ items: InviteOut[] }>(`/api/v1/scenarios/${id}/invites`) });
