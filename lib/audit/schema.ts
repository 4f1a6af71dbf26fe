// The audit log's query string (GET /scenarios/{id}/history).
import { z } from "zod";
import { pageParams } from "@/lib/paging";
import { isoQueryDate } from "@/lib/validation/common";

export const historyQuery = z.object({
  from: isoQueryDate.optional(),
  to: isoQueryDate.optional(),
  actorId: z.string().max(100).optional(),
  kind: z.string().max(100).optional(),
  order: z.enum(["oldest", "newest"]).optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
  cursor: pageParams.cursor,
});
