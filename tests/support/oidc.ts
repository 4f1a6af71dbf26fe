// A real OpenID Connect provider on localhost for the single-sign-on tests: panva's
// oidc-provider with its development login form (any login name, any password), one client
// for the app, and each login name standing for an identity with a verified email.
import http from "node:http";
import Provider from "oidc-provider";
import { freePort } from "./ports";

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The identity a login name signs in as: its email and display name. */
  identity(login: string, name: string): void;
  stop(): Promise<void>;
}

export async function startIdp(appUrl: string): Promise<TestIdp> {
  const port = await freePort();
  const issuer = `http://localhost:${port}`;
  const clientId = "branchpoint";
  const clientSecret = "a-test-client-secret-that-is-long-enough";
  const names = new Map<string, string>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    // the login name is the email; the subject is derived from it
    findAccount: async (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: async () => ({ sub: `sub-${id}`, email: id, email_verified: true, name: names.get(id) ?? id }),
    }),
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["test-cookie-key"] },
  } as never);
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    identity: (login, name) => void names.set(login, name),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
