// GET /api/v1/scenarios/{id}[?asOf=] — the whole tree with probabilities · PATCH — edit title/summary
import { z } from "zod";
import { route, json } from "@/lib/http/route";
import { getScenario, patchScenario } from "@/lib/scenarios/service";
import { patchScenarioInput } from "@/lib/scenarios/schema";
import { isoQueryDate } from "@/lib/validation/common";

const query = z.object({ asOf: isoQueryDate.optional() });

export const GET = route<{ id: string }>(async ({ store, actor, params, query: q }) =>
  json(await getScenario(store, actor, params.id, q(query).asOf)),
);

export const PATCH = route<{ id: string }>(async ({ store, actor, params, body }) =>
  json(await patchScenario(store, actor, params.id, await body(patchScenarioInput))),
);
