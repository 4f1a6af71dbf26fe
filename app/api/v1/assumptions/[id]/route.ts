// PATCH /api/v1/assumptions/{id} — reword, rate or annotate a key assumption (a new version)
import { route, json, notAllowed } from "@/lib/http/route";
import { patchAssumption } from "@/lib/assumptions/service";
import { patchAssumptionInput } from "@/lib/assumptions/schema";

export const PATCH = route<{ id: string }>(async ({ store, actor, params, body }) =>
  json(await patchAssumption(store, actor, params.id, await body(patchAssumptionInput))),
);

export const GET = notAllowed("PATCH");
export const POST = notAllowed("PATCH");
export const PUT = notAllowed("PATCH");
export const DELETE = notAllowed("PATCH");
