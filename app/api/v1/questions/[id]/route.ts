// GET /api/v1/questions/{id} — one question with its hypotheses · PATCH — edit (a new version; history kept)
import { route, json, notAllowed } from "@/lib/http/route";
import { getQuestion, patchQuestion } from "@/lib/questions/service";
import { patchQuestionInput } from "@/lib/questions/schema";

export const GET = route<{ id: string }>(async ({ store, actor, params }) => json(await getQuestion(store, actor, params.id)));

export const PATCH = route<{ id: string }>(async ({ store, actor, params, body }) =>
  json(await patchQuestion(store, actor, params.id, await body(patchQuestionInput))),
);

export const POST = notAllowed("GET, PATCH");
export const PUT = notAllowed("GET, PATCH");
export const DELETE = notAllowed("GET, PATCH");
