// GET /api/v1/me/tokens — the caller's API tokens (never their secrets) · POST — make one
// (the secret is in this reply only). A signed-in session only: a token cannot manage tokens.
import { route, json, created, notAllowed } from "@/lib/http/route";
import { createToken, listTokens } from "@/lib/tokens/service";
import { createTokenInput } from "@/lib/tokens/schema";

export const GET = route(async ({ store, actor }) => json({ items: await listTokens(store, actor) }));

export const POST = route(async ({ store, actor, body }) => created(await createToken(store, actor, await body(createTokenInput))));

export const PUT = notAllowed("GET, POST");
export const PATCH = notAllowed("GET, POST");
export const DELETE = notAllowed("GET, POST");
