// POST /api/v1/hypotheses/{id}/indicators — add an indicator to watch for (status "watching")
import { route, created, notAllowed } from "@/lib/http/route";
import { createIndicator } from "@/lib/indicators/service";
import { createIndicatorInput } from "@/lib/indicators/schema";

export const POST = route<{ id: string }>(async ({ store, actor, params, body }) =>
  created(await createIndicator(store, actor, params.id, await body(createIndicatorInput))),
);

export const GET = notAllowed("POST");
export const PUT = notAllowed("POST");
export const PATCH = notAllowed("POST");
export const DELETE = notAllowed("POST");
