// DELETE /api/v1/me/tokens/{id} — revoke one of the caller's API tokens (204)
import { route, noContent, notAllowed } from "@/lib/http/route";
import { revokeToken } from "@/lib/tokens/service";

export const DELETE = route<{ id: string }>(async ({ store, actor, params }) => {
  await revokeToken(store, actor, params.id);
  return noContent();
});

export const GET = notAllowed("DELETE");
export const POST = notAllowed("DELETE");
export const PUT = notAllowed("DELETE");
export const PATCH = notAllowed("DELETE");
