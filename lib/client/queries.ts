// Query keys and fetchers, shared by server prefetch (HydrationBoundary) and client hooks.
import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, withAsOf } from "./api";
import type { PoolMethod } from "@/lib/math/aggregation";
import type { Page } from "@/lib/paging";
import type { TokenOut } from "@/lib/tokens/service";
import type { StandingEstimate } from "@/lib/estimates/standing";
import type { MatrixPage } from "@/lib/analysis/matrix";
import type { MatrixSort } from "@/lib/analysis/schema";
import type { Assumption, AuditEvent, Evidence, EvidenceDetail, Indicator, InviteOut, Member, ScenarioSummary, ScenarioView, Source, SourceSummary } from "./types";

export interface EvidenceFilters {
  q?: string;
  tag?: string;
  includeRetracted?: boolean;
  sourceId?: string;
  minReliability?: string;
  maxCredibility?: string;
  /** ISO timestamps, inclusive: when it happened (else when it was logged). */
  occurredFrom?: string;
  occurredTo?: string;
}



const qs = (params: Record<string, string | boolean | undefined | null>) => {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "" && v !== false) u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : "";
};

/** Rows a matrix page reads at a time: a reply well under 1 MB at 8 hypotheses × 20 analysts. */
export const MATRIX_PAGE = 250;

/** Whose ratings the matrix shows. */
export type MatrixView = "mine" | "team";

/** The order the server sends the rows in: diagnosticity is the shown view's. */
export const matrixServerSort = (sort: "diagnosticity" | "logged" | "weight", view: MatrixView): MatrixSort =>
  sort === "diagnosticity" && view === "team" ? "teamDiagnosticity" : sort;

/** The matrix of one question in one order (the page prefetches the first view under this key). */
export const matrixKey = (scenarioId: string, questionId: string | null, asOf: string | null, sort: MatrixSort) => ["matrix", scenarioId, questionId, asOf ?? "now", sort];

/** The matrix of one question, `MATRIX_PAGE` rows a page in the server's `sort` order. */
export const matrixQuery = (scenarioId: string, questionId: string, asOf: string | null, sort: MatrixSort) =>
  infiniteQueryOptions({
    queryKey: matrixKey(scenarioId, questionId, asOf, sort),
    queryFn: ({ pageParam }) =>
      api<MatrixPage>(withAsOf(`/api/v1/scenarios/${scenarioId}/matrix${qs({ questionId, sort, limit: String(MATRIX_PAGE), cursor: pageParam })}`, asOf)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

/** One evidence item's row of the matrix, with the scores over every row: re-read after a rating. */
export const matrixRow = (scenarioId: string, questionId: string, asOf: string | null, evidenceId: string) =>
  api<MatrixPage>(withAsOf(`/api/v1/scenarios/${scenarioId}/matrix${qs({ questionId, evidenceId })}`, asOf));

/** The matrix's per-hypothesis figures (scores, implied probabilities) without its rows. */
export const matrixFiguresQuery = (scenarioId: string, questionId: string, asOf: string | null) =>
  queryOptions({
    queryKey: [...matrixKey(scenarioId, questionId, asOf, "logged"), "figures"],
    // a page of one row: the figures are over every row whatever the page
    queryFn: () => api<MatrixPage>(withAsOf(`/api/v1/scenarios/${scenarioId}/matrix${qs({ questionId, limit: "1" })}`, asOf)),
  });

/** A question's probability series for the history chart. */
export const seriesKey = (questionId: string, method: PoolMethod, asOf: string | null) => ["series", questionId, method, asOf ?? "now"];

export const keys = {
  scenarios: ["scenarios"] as const,
  scenario: (id: string, asOf: string | null, method: PoolMethod = "geometric") => ["scenario", id, asOf ?? "now", method] as const,
  evidence: (id: string, asOf: string | null, f: EvidenceFilters) => ["evidence", id, asOf ?? "now", f] as const,
  evidenceItem: (evidenceId: string) => ["evidence-item", evidenceId] as const,
  sources: (id: string) => ["sources", id] as const,
  source: (sourceId: string) => ["source", sourceId] as const,
  activity: (id: string) => ["activity", id] as const,
  history: (id: string, f: Record<string, string | undefined>) => ["history", id, f] as const,
  members: (id: string) => ["members", id] as const,
  invites: (id: string) => ["invites", id] as const,
  indicators: (id: string, asOf: string | null) => ["indicators", id, asOf ?? "now"] as const,
  assumptions: (id: string, asOf: string | null) => ["assumptions", id, asOf ?? "now"] as const,
  standing: (questionId: string, asOf: string | null) => ["standing", questionId, asOf ?? "now"] as const,
};

export const scenariosQuery = () =>
  queryOptions({ queryKey: keys.scenarios, queryFn: () => api<{ items: ScenarioSummary[] }>("/api/v1/scenarios") });

export const scenarioQuery = (id: string, asOf: string | null, method: PoolMethod = "geometric") =>
  queryOptions({
    queryKey: keys.scenario(id, asOf, method),
    queryFn: () => api<ScenarioView>(withAsOf(`/api/v1/scenarios/${id}${method === "geometric" ? "" : `?method=${method}`}`, asOf)),
  });

const evidencePath = (id: string, asOf: string | null, f: EvidenceFilters, page: { limit: number; cursor?: string | null }) =>
  `/api/v1/scenarios/${id}/evidence${qs({ asOf, ...f, limit: String(page.limit), cursor: page.cursor })}`;

/** Up to 1,000 items at once (pickers, a source's highlights): filter to what you need. */
export const evidenceQuery = (id: string, asOf: string | null, f: EvidenceFilters = {}) =>
  queryOptions({
    queryKey: keys.evidence(id, asOf, f),
    queryFn: () => api<Page<Evidence>>(evidencePath(id, asOf, f, { limit: 1000 })),
  });

/** The evidence log, 100 items a page, more as the reader scrolls. */
export const EVIDENCE_PAGE = 100;
export const evidencePagesQuery = (id: string, asOf: string | null, f: EvidenceFilters = {}) =>
  infiniteQueryOptions({
    queryKey: [...keys.evidence(id, asOf, f), "pages"],
    queryFn: ({ pageParam }) => api<Page<Evidence>>(evidencePath(id, asOf, f, { limit: EVIDENCE_PAGE, cursor: pageParam })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // while new filters load, the list on screen stays
    placeholderData: keepPreviousData,
  });

/** Every tag used on the scenario's evidence, for the log's filter. */
export const evidenceTagsQuery = (id: string) =>
  queryOptions({ queryKey: ["evidence-tags", id], queryFn: () => api<{ items: string[] }>(`/api/v1/scenarios/${id}/evidence/tags`) });

export const evidenceItemQuery = (evidenceId: string) =>
  queryOptions({ queryKey: keys.evidenceItem(evidenceId), queryFn: () => api<EvidenceDetail>(`/api/v1/evidence/${evidenceId}`) });

export const sourcesQuery = (id: string) =>
  queryOptions({ queryKey: keys.sources(id), queryFn: () => api<{ items: SourceSummary[] }>(`/api/v1/scenarios/${id}/sources`) });

export const sourceQuery = (sourceId: string) =>
  queryOptions({ queryKey: keys.source(sourceId), queryFn: () => api<Source>(`/api/v1/sources/${sourceId}`) });

export const activityQuery = (id: string, asOf: string | null) =>
  queryOptions({
    queryKey: [...keys.activity(id), asOf ?? "now"],
    queryFn: () => api<{ items: AuditEvent[]; nextCursor: string | null }>(`/api/v1/scenarios/${id}/history${qs({ order: "newest", limit: "25", to: asOf })}`),
  });

export const historyQuery = (id: string, f: Record<string, string | undefined>) =>
  queryOptions({ queryKey: keys.history(id, f), queryFn: () => api<{ items: AuditEvent[]; nextCursor: string | null }>(`/api/v1/scenarios/${id}/history${qs(f)}`) });

export const tokensQuery = () =>
  queryOptions({ queryKey: ["tokens"], queryFn: () => api<{ items: TokenOut[] }>("/api/v1/me/tokens") });

export const membersQuery = (id: string) =>
  queryOptions({ queryKey: keys.members(id), queryFn: () => api<{ items: Member[] }>(`/api/v1/scenarios/${id}/members`) });

export const invitesQuery = (id: string) =>
  queryOptions({ queryKey: keys.invites(id), queryFn: () => api<{ items: InviteOut[] }>(`/api/v1/scenarios/${id}/invites`) });

/** The watch list: every indicator of the scenario (with when each was observed), now or as of then. */
export const indicatorsQuery = (id: string, asOf: string | null) =>
  queryOptions({
    queryKey: keys.indicators(id, asOf),
    queryFn: () => api<{ items: Indicator[] }>(withAsOf(`/api/v1/scenarios/${id}/indicators`, asOf)),
  });

/** Every question's key assumptions, fetched once per page and shared by the questions. */
export const assumptionsQuery = (id: string, asOf: string | null) =>
  queryOptions({
    queryKey: keys.assumptions(id, asOf),
    queryFn: () => api<{ items: Assumption[] }>(withAsOf(`/api/v1/scenarios/${id}/assumptions`, asOf)),
  });

/** The evidence the watch list names and picks from: the log up to 1,000 items, retracted ones too. */
export const WATCH_EVIDENCE: EvidenceFilters = { includeRetracted: true };

/** The team person by person on one question (subject to independent judgments). */
export const standingQuery = (questionId: string, asOf: string | null) =>
  queryOptions({
    queryKey: keys.standing(questionId, asOf),
    queryFn: () => api<{ items: StandingEstimate[] }>(withAsOf(`/api/v1/questions/${questionId}/standing`, asOf)),
  });
