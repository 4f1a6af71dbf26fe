// GET /api/v1/scenarios/{id}/sources — the scenario's sources (without text) · POST — add one
import { route, json, created, SOURCE_BODY_LIMIT, notAllowed } from "@/lib/http/route";
import { createSource, listSources } from "@/lib/sources/service";
import { createSourceInput } from "@/lib/sources/schema";

export const GET = route<{ id: string }>(async ({ store, actor, params }) =>
  json({ items: await listSources(store, actor, params.id) }),
);

export const POST = route<{ id: string }>(
  async ({ store, actor, params, body }) => created(await createSource(store, actor, params.id, await body(createSourceInput))),
  { bodyLimit: SOURCE_BODY_LIMIT },
);

export const PUT = notAllowed("GET, POST");
export const PATCH = notAllowed("GET, POST");
export const DELETE = notAllowed("GET, POST");
