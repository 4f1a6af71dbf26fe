// GET /api/v1/questions/{id}/series[?method=&asOf=] — the team's and each analyst's probabilities over time, with markers
import { route, json, notAllowed } from "@/lib/http/route";
import { getQuestionSeries } from "@/lib/analysis/question-series";
import { seriesQuery } from "@/lib/analysis/schema";

export const GET = route<{ id: string }>(async ({ store, actor, params, query }) => json(await getQuestionSeries(store, actor, params.id, query(seriesQuery))));

export const POST = notAllowed("GET");
export const PUT = notAllowed("GET");
export const PATCH = notAllowed("GET");
export const DELETE = notAllowed("GET");
