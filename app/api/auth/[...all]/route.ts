// /api/auth/* — better-auth's own endpoints (sign-up/sign-in/sign-out/session).
import { toNextJsHandler } from "better-auth/next-js";
import { getStore } from "@/lib/server/store";
import { authFor } from "@/lib/auth/auth";

async function handle(req: Request): Promise<Response> {
  const auth = authFor(await getStore());
  const { GET, POST } = toNextJsHandler(auth);
  return req.method === "GET" ? GET(req) : POST(req);
}

export const GET = handle;
export const POST = handle;
