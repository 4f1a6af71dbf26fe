// Sign-up and sign-in for tests that create many accounts (the shared test server runs
// without sign-in limits; tests/integration/security.test.ts starts servers with them).
import { randomUUID } from "node:crypto";
import { ApiClient, type ApiResponse } from "./client";

export const TEST_PASSWORD = "correct horse battery";

/** POST to a better-auth endpoint. */
export async function authPost(client: ApiClient, path: string, body: unknown): Promise<ApiResponse> {
  return client.request("POST", path, body);
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
