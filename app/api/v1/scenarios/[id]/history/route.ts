// GET /api/v1/scenarios/{id}/history[?from=&to=&actorId=&kind=&order=&limit=] — the audit log, oldest first
import { z } from "zod";
import { route, json } from "@/lib/http/route";
import { listEvents } from "@/lib/audit/service";
import { isoQueryDate } from "@/lib/validation/common";

const query = z.object({
  from: isoQueryDate.optional(),
  to: isoQueryDate.optional(),
  actorId: z.string().max(100).optional(),
  kind: z.string().max(100).optional(),
  order: z.enum(["oldest", "newest"]).optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});

export const GET = route<{ id: string }>(async ({ store, actor, params, query: q }) => {
  const { order, ...rest } = q(query);
  return json({ items: await listEvents(store, actor, params.id, { ...rest, newestFirst: order === "newest" }) });
});
