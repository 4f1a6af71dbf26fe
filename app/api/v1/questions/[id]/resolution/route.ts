// POST /api/v1/questions/{id}/resolution — record the true answer or annul · GET — every resolution, newest last
import { route, json, created, notAllowed } from "@/lib/http/route";
import { listResolutions, resolveQuestion } from "@/lib/resolutions/service";
import { resolveInput } from "@/lib/resolutions/schema";

export const GET = route<{ id: string }>(async ({ store, actor, params }) =>
  json({ items: await listResolutions(store, actor, params.id) }),
);

export const POST = route<{ id: string }>(async ({ store, actor, params, body }) =>
  created(await resolveQuestion(store, actor, params.id, await body(resolveInput))),
);

export const PUT = notAllowed("GET, POST");
export const PATCH = notAllowed("GET, POST");
export const DELETE = notAllowed("GET, POST");
