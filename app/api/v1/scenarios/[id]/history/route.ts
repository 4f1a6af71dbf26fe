// GET /api/v1/scenarios/{id}/history[?from=&to=] — the audit log, oldest first
import { z } from "zod";
import { route, json } from "@/lib/http/route";
import { listEvents } from "@/lib/audit/service";
import { isoQueryDate } from "@/lib/validation/common";

const query = z.object({ from: isoQueryDate.optional(), to: isoQueryDate.optional() });

export const GET = route<{ id: string }>(async ({ store, actor, params, query: q }) =>
  json({ items: await listEvents(store, actor, params.id, q(query)) }),
);
