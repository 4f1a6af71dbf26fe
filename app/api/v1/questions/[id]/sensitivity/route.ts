// GET /api/v1/questions/{id}/sensitivity?asOf=&scope=mine|team — implied probabilities without each evidence item, largest effect first
import { route, json, notAllowed } from "@/lib/http/route";
import { getSensitivity } from "@/lib/analysis/sensitivity";
import { sensitivityQuery } from "@/lib/analysis/schema";

export const GET = route<{ id: string }>(async ({ store, actor, params, query }) =>
  json(await getSensitivity(store, actor, params.id, query(sensitivityQuery))),
);

export const POST = notAllowed("GET");
export const PUT = notAllowed("GET");
export const PATCH = notAllowed("GET");
export const DELETE = notAllowed("GET");
