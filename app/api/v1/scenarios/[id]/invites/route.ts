// GET /api/v1/scenarios/{id}/invites — open invitations (owners) · POST — a new single-use link {role, expiresInDays?}
import { route, json, created, notAllowed } from "@/lib/http/route";
import { createInvite, listInvites } from "@/lib/invites/service";
import { createInviteInput } from "@/lib/invites/schema";

export const GET = route<{ id: string }>(async ({ store, actor, params }) => json({ items: await listInvites(store, actor, params.id) }));

export const POST = route<{ id: string }>(async ({ store, actor, params, body }) =>
  created(await createInvite(store, actor, params.id, await body(createInviteInput))),
);

export const PUT = notAllowed("GET, POST");
export const PATCH = notAllowed("GET, POST");
export const DELETE = notAllowed("GET, POST");
