// GET /api/v1/scenarios/{id}/indicators[?asOf=] — the watch list, now or as it stood then
import { route, json, notAllowed } from "@/lib/http/route";
import { listIndicators } from "@/lib/indicators/service";
import { asOfQuery } from "@/lib/validation/common";

export const GET = route<{ id: string }>(async ({ store, actor, params, query }) => json(await listIndicators(store, actor, params.id, query(asOfQuery))));

export const POST = notAllowed("GET", "Indicators are added to a hypothesis: POST /api/v1/hypotheses/{id}/indicators");
export const PUT = notAllowed("GET");
export const PATCH = notAllowed("GET");
export const DELETE = notAllowed("GET");
