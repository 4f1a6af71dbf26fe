// PATCH /api/v1/hypotheses/{id} — edit or archive/reopen a hypothesis (a new version; history kept)
import { route, json, notAllowed } from "@/lib/http/route";
import { patchHypothesis } from "@/lib/questions/service";
import { patchHypothesisInput } from "@/lib/questions/schema";

export const PATCH = route<{ id: string }>(async ({ store, actor, params, body }) =>
  json(await patchHypothesis(store, actor, params.id, await body(patchHypothesisInput))),
);

export const GET = notAllowed("PATCH");
export const POST = notAllowed("PATCH");
export const PUT = notAllowed("PATCH");
export const DELETE = notAllowed("PATCH");
