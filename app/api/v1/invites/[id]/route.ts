// DELETE /api/v1/invites/{id} — revoke an invitation (owners of its scenario)
import { route, noContent, notAllowed } from "@/lib/http/route";
import { revokeInvite } from "@/lib/invites/service";

export const DELETE = route<{ id: string }>(async ({ store, actor, params }) => {
  await revokeInvite(store, actor, params.id);
  return noContent();
});

export const GET = notAllowed("DELETE");
export const POST = notAllowed("DELETE");
export const PUT = notAllowed("DELETE");
export const PATCH = notAllowed("DELETE");
