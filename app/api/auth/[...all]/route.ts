// /api/auth/* — better-auth's own endpoints (sign-up/sign-in/sign-out/session), behind the
// limits and input rules of lib/auth/guard.ts.
import { toNextJsHandler } from "better-auth/next-js";
import { getStore } from "@/lib/server/store";
import { authFor } from "@/lib/auth/auth";
import { guardAuthRequest } from "@/lib/auth/guard";

async function handle(req: Request): Promise<Response> {
  const store = await getStore();
  const { GET, POST } = toNextJsHandler(authFor(store));
  return guardAuthRequest(store, req, (r) => (r.method === "GET" ? GET(r) : POST(r)));
}

export const GET = handle;
export const POST = handle;
