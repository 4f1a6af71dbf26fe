// GET /api/v1/scenarios/{id}/assumptions[?asOf=] — every question's key assumptions, now or as they stood then
import { route, json, notAllowed } from "@/lib/http/route";
import { listAssumptions } from "@/lib/assumptions/service";
import { asOfQuery } from "@/lib/validation/common";

export const GET = route<{ id: string }>(async ({ store, actor, params, query }) => json(await listAssumptions(store, actor, params.id, query(asOfQuery))));

export const POST = notAllowed("GET", "Assumptions are added to a question: POST /api/v1/questions/{id}/assumptions");
export const PUT = notAllowed("GET");
export const PATCH = notAllowed("GET");
export const DELETE = notAllowed("GET");
