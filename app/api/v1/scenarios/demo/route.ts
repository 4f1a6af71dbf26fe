// POST /api/v1/scenarios/demo — a private copy of the demo scenario for the caller (201 with it)
import { route, notAllowed, createdAt } from "@/lib/http/route";
import { copyDemo } from "@/lib/transfer/demo-copy";
import { getScenario } from "@/lib/scenarios/service";

export const POST = route(async ({ store, actor }) => {
  const { id } = await copyDemo(store, actor);
  return createdAt(`/api/v1/scenarios/${encodeURIComponent(id)}`, await getScenario(store, actor, id));
});

export const GET = notAllowed("POST");
export const PUT = notAllowed("POST");
export const PATCH = notAllowed("POST");
export const DELETE = notAllowed("POST");
