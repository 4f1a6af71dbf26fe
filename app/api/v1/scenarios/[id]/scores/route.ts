// GET /api/v1/scenarios/{id}/scores[?method=] — Brier, log and time-averaged Brier per analyst and for the team
import { route, json, notAllowed } from "@/lib/http/route";
import { getScores } from "@/lib/analysis/scores";
import { scoresQuery } from "@/lib/analysis/schema";

export const GET = route<{ id: string }>(async ({ store, actor, params, query }) =>
  json(await getScores(store, actor, params.id, query(scoresQuery))),
);

export const POST = notAllowed("GET");
export const PUT = notAllowed("GET");
export const PATCH = notAllowed("GET");
export const DELETE = notAllowed("GET");
