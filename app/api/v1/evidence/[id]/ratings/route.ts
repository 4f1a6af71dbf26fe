// GET /api/v1/evidence/{id}/ratings[?asOf=] — every analyst's ratings · PUT — the caller rates hypotheses
import { route, json, notAllowed } from "@/lib/http/route";
import { listRatings, putRatings } from "@/lib/ratings/service";
import { putRatingsInput } from "@/lib/ratings/schema";
import { asOfQuery } from "@/lib/validation/common";

export const GET = route<{ id: string }>(async ({ store, actor, params, query }) =>
  json({ items: await listRatings(store, actor, params.id, query(asOfQuery).asOf) }),
);

export const PUT = route<{ id: string }>(async ({ store, actor, params, body }) =>
  json({ items: await putRatings(store, actor, params.id, await body(putRatingsInput)) }),
);

export const POST = notAllowed("GET, PUT");
export const PATCH = notAllowed("GET, PUT");
export const DELETE = notAllowed("GET, PUT");
