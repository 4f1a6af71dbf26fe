// PATCH /api/v1/indicators/{id} — edit, link evidence, mark observed / not observed, retire (a new version)
import { route, json, notAllowed } from "@/lib/http/route";
import { patchIndicator } from "@/lib/indicators/service";
import { patchIndicatorInput } from "@/lib/indicators/schema";

export const PATCH = route<{ id: string }>(async ({ store, actor, params, body }) =>
  json(await patchIndicator(store, actor, params.id, await body(patchIndicatorInput))),
);

export const GET = notAllowed("PATCH");
export const POST = notAllowed("PATCH");
export const PUT = notAllowed("PATCH");
export const DELETE = notAllowed("PATCH");
