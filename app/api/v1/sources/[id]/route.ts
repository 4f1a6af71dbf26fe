// GET /api/v1/sources/{id} — one source with its full text
import { route, json } from "@/lib/http/route";
import { getSource } from "@/lib/sources/service";

export const GET = route<{ id: string }>(async ({ store, actor, params }) => json(await getSource(store, actor, params.id)));
