// Accounts: better-auth (email + password, session cookie) on the same database.
import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import type { Store } from "@/db/client";
import { newId } from "@/lib/ids";
import { serializedAdapter } from "./serialized-adapter";

// Safe only on a developer's machine; production sets BETTER_AUTH_SECRET.
const LOCAL_SECRET = "branchpoint-local-development-secret-change-me-in-production";

export function authBaseUrl(): string {
  return process.env.BETTER_AUTH_URL || `http://localhost:${process.env.PORT || 3000}`;
}

export function createAuth(store: Store) {
  const baseURL = authBaseUrl();
  return betterAuth({
    appName: "Branchpoint",
    baseURL,
    secret: process.env.BETTER_AUTH_SECRET || LOCAL_SECRET,
    trustedOrigins: [baseURL, `http://127.0.0.1:${new URL(baseURL).port || 80}`],
    database: serializedAdapter(
      store,
      drizzleAdapter(store.db, {
        provider: "sqlite",
        schema: {
          user: store.schema.user,
          session: store.schema.session,
          account: store.schema.account,
          verification: store.schema.verification,
        },
      }),
    ),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
    // better-auth's defaults (sign-in/up: 3 tries per 10 s per client); test servers turn it off.
    rateLimit: { enabled: process.env.BRANCHPOINT_AUTH_RATE_LIMIT !== "off" && process.env.NODE_ENV === "production" },
    advanced: { database: { generateId: () => newId() } },
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
