// GET /api/v1/scenarios/{id}/evidence[?asOf=&q=&includeRetracted=&tag=&sourceId=&minReliability=&maxCredibility=
// &occurredFrom=&occurredTo=&limit=&cursor=&order=] — a page of the log, newest first · POST — log an item
import { route, json, created, notAllowed } from "@/lib/http/route";
import { createEvidence, listEvidence } from "@/lib/evidence/service";
import { createEvidenceInput, listEvidenceQuery } from "@/lib/evidence/schema";

export const GET = route<{ id: string }>(async ({ store, actor, params, query }) =>
  json(await listEvidence(store, actor, params.id, query(listEvidenceQuery))),
);

export const POST = route<{ id: string }>(async ({ store, actor, params, body }) =>
  created(await createEvidence(store, actor, params.id, await body(createEvidenceInput))),
);

export const PUT = notAllowed("GET, POST");
export const PATCH = notAllowed("GET, POST");
export const DELETE = notAllowed("GET, POST");
