// GET /api/v1/scenarios/{id}/members — who has which role · POST — owners add someone by email
import { route, json, created, notAllowed } from "@/lib/http/route";
import { addMember, listMembers } from "@/lib/members/service";
import { addMemberInput } from "@/lib/members/schema";

export const GET = route<{ id: string }>(async ({ store, actor, params }) =>
  json({ items: await listMembers(store, actor, params.id) }),
);

export const POST = route<{ id: string }>(async ({ store, actor, params, body }) =>
  created(await addMember(store, actor, params.id, await body(addMemberInput))),
);

export const PUT = notAllowed("GET, POST");
export const PATCH = notAllowed("GET, POST");
export const DELETE = notAllowed("GET, POST");
