// GET /api/v1/scenarios/{id}/members — who has which role (people join by invitation: …/invites)
import { route, json, notAllowed } from "@/lib/http/route";
import { listMembers } from "@/lib/members/service";

export const GET = route<{ id: string }>(async ({ store, actor, params }) => json({ items: await listMembers(store, actor, params.id) }));

export const POST = notAllowed("GET", "Members join by invitation: an owner makes a link with POST /api/v1/scenarios/{id}/invites");
export const PUT = notAllowed("GET");
export const PATCH = notAllowed("GET");
export const DELETE = notAllowed("GET");
