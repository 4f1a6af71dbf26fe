// GET /api/v1/scenarios/{id}[?asOf=&method=] — the whole tree with probabilities · PATCH — edit title/summary
import { route, json, notAllowed } from "@/lib/http/route";
import { getScenario, patchScenario } from "@/lib/scenarios/service";
import { patchScenarioInput, scenarioViewQuery } from "@/lib/scenarios/schema";

export const GET = route<{ id: string }>(async ({ store, actor, params, query: q }) => {
  const { asOf, method } = q(scenarioViewQuery);
  return json(await getScenario(store, actor, params.id, asOf, method));
});

export const PATCH = route<{ id: string }>(async ({ store, actor, params, body }) =>
  json(await patchScenario(store, actor, params.id, await body(patchScenarioInput))),
);

export const POST = notAllowed("GET, PATCH");
export const PUT = notAllowed("GET, PATCH");
export const DELETE = notAllowed("GET, PATCH");
