// POST /api/v1/questions/{id}/assumptions — add a key assumption (status "solid")
import { route, created, notAllowed } from "@/lib/http/route";
import { createAssumption } from "@/lib/assumptions/service";
import { createAssumptionInput } from "@/lib/assumptions/schema";

export const POST = route<{ id: string }>(async ({ store, actor, params, body }) =>
  created(await createAssumption(store, actor, params.id, await body(createAssumptionInput))),
);

export const GET = notAllowed("POST");
export const PUT = notAllowed("POST");
export const PATCH = notAllowed("POST");
export const DELETE = notAllowed("POST");
