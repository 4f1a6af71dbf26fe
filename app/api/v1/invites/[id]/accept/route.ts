// POST /api/v1/invites/{token}/accept — join the invitation's scenario with its role (signed in)
import { route, json, notAllowed } from "@/lib/http/route";
import { acceptInvite } from "@/lib/invites/service";

// the segment holds the link's secret token (Next needs one name per path level)
export const POST = route<{ id: string }>(async ({ store, actor, params }) => json(await acceptInvite(store, actor, params.id)));

export const GET = notAllowed("POST");
export const PUT = notAllowed("POST");
export const PATCH = notAllowed("POST");
export const DELETE = notAllowed("POST");
