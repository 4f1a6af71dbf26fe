// GET /api/v1/scenarios/{id}/diff?from=&to=[&method=] — what changed between two times, by whom and why
import { route, json, notAllowed } from "@/lib/http/route";
import { getDiff } from "@/lib/analysis/diff";
import { diffQuery } from "@/lib/analysis/schema";

export const GET = route<{ id: string }>(async ({ store, actor, params, query }) =>
  json(await getDiff(store, actor, params.id, query(diffQuery))),
);

export const POST = notAllowed("GET");
export const PUT = notAllowed("GET");
export const PATCH = notAllowed("GET");
export const DELETE = notAllowed("GET");
