// GET /api/v1/me — the signed-in account
import { route, json } from "@/lib/http/route";
import { getMe } from "@/lib/accounts/service";

export const GET = route(async ({ store, actor }) => json(await getMe(store, actor)));
