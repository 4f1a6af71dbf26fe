// POST /api/v1/scenarios/{id}/questions — add a question (optionally under a parent hypothesis) with ≥2 hypotheses
import { route, created, notAllowed } from "@/lib/http/route";
import { createQuestion } from "@/lib/questions/service";
import { createQuestionInput } from "@/lib/questions/schema";

export const POST = route<{ id: string }>(async ({ store, actor, params, body }) =>
  created(await createQuestion(store, actor, params.id, await body(createQuestionInput))),
);

export const GET = notAllowed("POST");
export const PUT = notAllowed("POST");
export const PATCH = notAllowed("POST");
export const DELETE = notAllowed("POST");
