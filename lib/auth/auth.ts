// Accounts: better-auth (email + password, session cookie) on the same database, and single
// sign-on through an OpenID Connect provider when OIDC_* is configured (lib/auth/sso.ts).
import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { genericOAuth } from "better-auth/plugins";
import type { Store } from "@/db/store";
import { appOrigin, env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { CLIENT_HEADER } from "@/lib/security/client";
import { SSO_PROVIDER, ssoConfig } from "./sso";

export function createAuth(store: Store) {
  const e = env();
  const sso = ssoConfig();
  return betterAuth({
    appName: "Branchpoint",
    baseURL: e.BETTER_AUTH_URL,
    secret: e.BETTER_AUTH_SECRET,
    trustedOrigins: [appOrigin()],
    database: store.wrapAuthAdapter(
      drizzleAdapter(store.db, {
        provider: store.authProvider,
        schema: {
          user: store.schema.user,
          session: store.schema.session,
          account: store.schema.account,
          verification: store.schema.verification,
        },
      }),
    ),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
    account: {
      // An SSO sign-in is never joined to an existing account by its email (anyone may have
      // registered that address with a password): the owner links the provider from the
      // account page while signed in; until then the sign-in is refused (account_not_linked).
      accountLinking: { enabled: true, disableImplicitLinking: true, trustedProviders: [] },
    },
    // where a failed SSO callback lands, with ?error=<code> (the sign-in page explains it)
    onAPIError: { errorURL: "/sign-in" },
    // Limits live in lib/auth/guard.ts (counted in the database, keyed on the real address).
    rateLimit: { enabled: false },
    advanced: {
      database: { generateId: () => newId() },
      // the address scripts/server.mjs determined, never a header the client chose
      ipAddress: { ipAddressHeaders: [CLIENT_HEADER] },
    },
    plugins: [
      nextCookies(),
      ...(sso
        ? [
            genericOAuth({
              config: [
                {
                  providerId: SSO_PROVIDER,
                  name: sso.name,
                  discoveryUrl: `${sso.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
                  clientId: sso.clientId,
                  clientSecret: sso.clientSecret,
                  scopes: ["openid", "email", "profile"],
                  pkce: true,
                  requireIdTokenVerification: true,
                  // signing out of Branchpoint leaves the organisation's other sessions alone
                  disableProviderLogout: true,
                },
              ],
            }),
          ]
        : []),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const KEY = Symbol.for("branchpoint.auth");
type Holder = { [KEY]?: Auth };

export function authFor(store: Store): Auth {
  const g = globalThis as Holder;
  g[KEY] ??= createAuth(store);
  return g[KEY];
}
