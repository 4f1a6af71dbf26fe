// GET /api/v1/sources/{id} — one source with its full text
import { route, json, notAllowed } from "@/lib/http/route";
import { getSource } from "@/lib/sources/service";

export const GET = route<{ id: string }>(async ({ store, actor, params }) => json(await getSource(store, actor, params.id)));

export const POST = notAllowed("GET");
export const PUT = notAllowed("GET");
export const PATCH = notAllowed("GET");
export const DELETE = notAllowed("GET");
