// GET /api/v1/scenarios/{id}/history[?from=&to=&actorId=&kind=&order=&limit=&cursor=] — the audit log, oldest first, paged
import { z } from "zod";
import { route, json, notAllowed } from "@/lib/http/route";
import { listEvents } from "@/lib/audit/service";
import { isoQueryDate } from "@/lib/validation/common";

const query = z.object({
  from: isoQueryDate.optional(),
  to: isoQueryDate.optional(),
  actorId: z.string().max(100).optional(),
  kind: z.string().max(100).optional(),
  order: z.enum(["oldest", "newest"]).optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
  cursor: z.string().max(200).optional(),
});

export const GET = route<{ id: string }>(async ({ store, actor, params, query: q }) => {
  const { order, ...rest } = q(query);
  return json(await listEvents(store, actor, params.id, { ...rest, newestFirst: order === "newest" }));
});

export const POST = notAllowed("GET");
export const PUT = notAllowed("GET");
export const PATCH = notAllowed("GET");
export const DELETE = notAllowed("GET");
