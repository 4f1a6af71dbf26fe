// GET /api/v1/scenarios — the caller's scenarios · POST — create one (caller becomes owner)
import { route, json, created, notAllowed } from "@/lib/http/route";
import { createScenario, listScenarios } from "@/lib/scenarios/service";
import { createScenarioInput } from "@/lib/scenarios/schema";

export const GET = route(async ({ store, actor }) => json({ items: await listScenarios(store, actor) }));

export const POST = route(async ({ store, actor, body }) =>
  created(await createScenario(store, actor, await body(createScenarioInput))),
);

export const PUT = notAllowed("GET, POST");
export const PATCH = notAllowed("GET, POST");
export const DELETE = notAllowed("GET, POST");
