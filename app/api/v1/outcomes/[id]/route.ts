// PATCH /api/v1/outcomes/{id} — edit, re-route or archive an outcome
import { route, json, notAllowed } from "@/lib/http/route";
import { patchOutcome } from "@/lib/outcomes/service";
import { patchOutcomeInput } from "@/lib/outcomes/schema";

export const PATCH = route<{ id: string }>(async ({ store, actor, params, body }) =>
  json(await patchOutcome(store, actor, params.id, await body(patchOutcomeInput))),
);

export const GET = notAllowed("PATCH");
export const POST = notAllowed("PATCH");
export const PUT = notAllowed("PATCH");
export const DELETE = notAllowed("PATCH");
