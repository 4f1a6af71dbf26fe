// GET /api/v1/me — the signed-in account
import { route, json, notAllowed } from "@/lib/http/route";
import { getMe } from "@/lib/accounts/service";

export const GET = route(async ({ store, actor }) => json(await getMe(store, actor)));

export const POST = notAllowed("GET");
export const PUT = notAllowed("GET");
export const PATCH = notAllowed("GET");
export const DELETE = notAllowed("GET");
