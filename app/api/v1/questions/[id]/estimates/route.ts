// POST /api/v1/questions/{id}/estimates — record the caller's probabilities · GET — the history, a
// page at a time (analystId, from, to, limit, cursor, order)
import { route, json, created, notAllowed } from "@/lib/http/route";
import { createEstimate, listEstimates } from "@/lib/estimates/service";
import { createEstimateInput, estimateHistoryQuery } from "@/lib/estimates/schema";

export const GET = route<{ id: string }>(async ({ store, actor, params, query }) =>
  json(await listEstimates(store, actor, params.id, query(estimateHistoryQuery))),
);

export const POST = route<{ id: string }>(async ({ store, actor, params, body }) =>
  created(await createEstimate(store, actor, params.id, await body(createEstimateInput))),
);

export const PUT = notAllowed("GET, POST");
export const PATCH = notAllowed("GET, POST");
export const DELETE = notAllowed("GET, POST");
