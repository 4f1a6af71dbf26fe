// PATCH /api/v1/scenarios/{id}/members/{userId} — change a role · DELETE — remove a member (owners only)
import { route, json, noContent, notAllowed } from "@/lib/http/route";
import { changeRole, removeMember } from "@/lib/members/service";
import { patchMemberInput } from "@/lib/members/schema";

export const PATCH = route<{ id: string; userId: string }>(async ({ store, actor, params, body }) =>
  json(await changeRole(store, actor, params.id, params.userId, await body(patchMemberInput))),
);

export const DELETE = route<{ id: string; userId: string }>(async ({ store, actor, params }) => {
  await removeMember(store, actor, params.id, params.userId);
  return noContent();
});

export const GET = notAllowed("PATCH, DELETE");
export const POST = notAllowed("PATCH, DELETE");
export const PUT = notAllowed("PATCH, DELETE");
