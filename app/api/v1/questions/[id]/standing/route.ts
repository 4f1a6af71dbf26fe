// GET /api/v1/questions/{id}/standing[?asOf=] — each analyst's estimate in force, person by person
import { route, json, notAllowed } from "@/lib/http/route";
import { getStanding } from "@/lib/estimates/standing";
import { asOfQuery } from "@/lib/validation/common";

export const GET = route<{ id: string }>(async ({ store, actor, params, query }) => json(await getStanding(store, actor, params.id, query(asOfQuery).asOf)));

export const POST = notAllowed("GET");
export const PUT = notAllowed("GET");
export const PATCH = notAllowed("GET");
export const DELETE = notAllowed("GET");
