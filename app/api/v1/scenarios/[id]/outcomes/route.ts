// GET /api/v1/scenarios/{id}/outcomes — list · POST — add an outcome reached through hypotheses of one tree
import { route, json, created, notAllowed } from "@/lib/http/route";
import { createOutcome, listOutcomes } from "@/lib/outcomes/service";
import { createOutcomeInput } from "@/lib/outcomes/schema";

export const GET = route<{ id: string }>(async ({ store, actor, params }) =>
  json({ items: await listOutcomes(store, actor, params.id) }),
);

export const POST = route<{ id: string }>(async ({ store, actor, params, body }) =>
  created(await createOutcome(store, actor, params.id, await body(createOutcomeInput))),
);

export const PUT = notAllowed("GET, POST");
export const PATCH = notAllowed("GET, POST");
export const DELETE = notAllowed("GET, POST");
