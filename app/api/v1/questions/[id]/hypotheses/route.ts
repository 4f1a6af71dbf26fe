// POST /api/v1/questions/{id}/hypotheses — add a hypothesis to a question
import { route, created, notAllowed } from "@/lib/http/route";
import { addHypothesis } from "@/lib/questions/service";
import { hypothesisInput } from "@/lib/questions/schema";

export const POST = route<{ id: string }>(async ({ store, actor, params, body }) =>
  created(await addHypothesis(store, actor, params.id, await body(hypothesisInput))),
);

export const GET = notAllowed("POST");
export const PUT = notAllowed("POST");
export const PATCH = notAllowed("POST");
export const DELETE = notAllowed("POST");
