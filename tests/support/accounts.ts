// Sign-up and sign-in for tests that create many accounts. better-auth rate-limits
// /sign-up and /sign-in to 3 requests per 10 s per client IP in production mode, and every
// test talks to the server from localhost; each call here therefore presents its own
// X-Forwarded-For address (which better-auth trusts when no proxy is configured), and
// still waits out a 429 if one comes.
import { randomInt, randomUUID } from "node:crypto";
import { ApiClient, type ApiResponse } from "./client";

export const TEST_PASSWORD = "correct horse battery";

const fakeIp = () => `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

/** POST to a better-auth endpoint from a fresh client address; retries after a 429. */
export async function authPost(client: ApiClient, path: string, body: unknown): Promise<ApiResponse> {
  for (let attempt = 0; ; attempt++) {
    const res = await client.request("POST", path, body, { "x-forwarded-for": fakeIp() });
    if (res.status !== 429 || attempt >= 5) return res;
    const wait = Number(res.headers.get("x-retry-after") ?? "2");
    await new Promise((r) => setTimeout(r, Math.min(Math.max(wait, 1), 11) * 1000));
  }
}

export const uniqueEmail = (name: string) =>
  `${name.toLowerCase().replace(/\W+/g, ".")}.${randomUUID().slice(0, 8)}@example.test`;

/** Like support/client.ts signUp, but safe to call many times in parallel test files. */
export async function signUp(baseUrl: string, name = "Analyst", email = uniqueEmail(name)): Promise<ApiClient> {
  const anon = new ApiClient(baseUrl);
  const res = await authPost(anon, "/api/auth/sign-up/email", { email, password: TEST_PASSWORD, name });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  const client = new ApiClient(baseUrl, res.body.user);
  client.cookie = anon.cookie;
  return client;
}
