// GET /api/v1/scenarios/{id}/evidence/tags — every tag used on the scenario's evidence, sorted
import { route, json, notAllowed } from "@/lib/http/route";
import { listEvidenceTags } from "@/lib/evidence/service";

export const GET = route<{ id: string }>(async ({ store, actor, params }) => json({ items: await listEvidenceTags(store, actor, params.id) }));

export const POST = notAllowed("GET");
export const PUT = notAllowed("GET");
export const PATCH = notAllowed("GET");
export const DELETE = notAllowed("GET");
