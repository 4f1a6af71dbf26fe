// Accounts: better-auth (email + password, session cookie) on the same database.
import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import type { Store } from "@/db/store";
import { appOrigin, env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { CLIENT_HEADER } from "@/lib/security/client";

export function createAuth(store: Store) {
  const e = env();
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
    // Limits live in lib/auth/guard.ts (counted in the database, keyed on the real address).
    rateLimit: { enabled: false },
    advanced: {
      database: { generateId: () => newId() },
      // the address scripts/server.mjs determined, never a header the client chose
      ipAddress: { ipAddressHeaders: [CLIENT_HEADER] },
    },
    plugins: [nextCookies()],
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
