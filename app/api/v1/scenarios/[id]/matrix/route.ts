// GET /api/v1/scenarios/{id}/matrix?questionId=&asOf=&method= — the ACH matrix: ratings, scores, diagnosticity, implied probabilities
import { route, json, notAllowed } from "@/lib/http/route";
import { getMatrix } from "@/lib/analysis/matrix";
import { matrixQuery } from "@/lib/analysis/schema";

export const GET = route<{ id: string }>(async ({ store, actor, params, query }) =>
  json(await getMatrix(store, actor, params.id, query(matrixQuery))),
);

export const POST = notAllowed("GET");
export const PUT = notAllowed("GET");
export const PATCH = notAllowed("GET");
export const DELETE = notAllowed("GET");
