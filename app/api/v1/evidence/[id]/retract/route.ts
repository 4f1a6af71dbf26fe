// POST /api/v1/evidence/{id}/retract — withdraw an item with a reason (kept as history)
import { route, json, notAllowed } from "@/lib/http/route";
import { retractEvidence } from "@/lib/evidence/service";
import { retractEvidenceInput } from "@/lib/evidence/schema";

export const POST = route<{ id: string }>(async ({ store, actor, params, body }) =>
  json(await retractEvidence(store, actor, params.id, await body(retractEvidenceInput))),
);

export const GET = notAllowed("POST");
export const PUT = notAllowed("POST");
export const PATCH = notAllowed("POST");
export const DELETE = notAllowed("POST");
