// GET /api/v1/evidence/{id} — current state with every version · PATCH — edit as a new version
import { route, json, notAllowed } from "@/lib/http/route";
import { getEvidence, patchEvidence } from "@/lib/evidence/service";
import { patchEvidenceInput } from "@/lib/evidence/schema";

export const GET = route<{ id: string }>(async ({ store, actor, params }) => json(await getEvidence(store, actor, params.id)));

export const PATCH = route<{ id: string }>(async ({ store, actor, params, body }) =>
  json(await patchEvidence(store, actor, params.id, await body(patchEvidenceInput))),
);

export const POST = notAllowed("GET, PATCH");
export const PUT = notAllowed("GET, PATCH");
export const DELETE = notAllowed("GET, PATCH");
