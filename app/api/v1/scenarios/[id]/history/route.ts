// GET /api/v1/scenarios/{id}/history[?from=&to=&actorId=&kind=&order=&limit=&cursor=] — the audit log, oldest first, paged
import { route, json, notAllowed } from "@/lib/http/route";
import { listEvents } from "@/lib/audit/service";
import { historyQuery } from "@/lib/audit/schema";

export const GET = route<{ id: string }>(async ({ store, actor, params, query: q }) => {
  const { order, ...rest } = q(historyQuery);
  return json(await listEvents(store, actor, params.id, { ...rest, newestFirst: order === "newest" }));
});

export const POST = notAllowed("GET");
export const PUT = notAllowed("GET");
export const PATCH = notAllowed("GET");
export const DELETE = notAllowed("GET");
