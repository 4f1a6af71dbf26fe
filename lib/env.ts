// The environment, validated once at start (instrumentation.ts): every setting the app
// reads, with its default, in one schema. In production the app refuses to start without
// a real secret. Services read `env()`, never process.env.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { engineOf } from "@/db/client";

const flag = (fallback: "on" | "off") => z.enum(["on", "off"], { message: "must be on or off" }).default(fallback);
const count = (fallback: number) => z.coerce.number().int("must be a whole number").min(0, "must not be negative").default(fallback);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .default("file:./data/branchpoint.db")
      .refine((u) => engineOf(u) !== null, { message: "must be file:<path> (SQLite) or postgres://… (PostgreSQL)" }),
    /** PostgreSQL: connections each instance keeps in its pool. */
    BRANCHPOINT_DB_POOL_SIZE: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(1000).default(10),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    BETTER_AUTH_SECRET: z.string().optional(),
    BETTER_AUTH_URL: z.url({ message: "must be the app's public URL, e.g. https://branchpoint.example.org" }).optional(),
    /** How many reverse proxies in front append to X-Forwarded-For (0: take the socket's address). */
    TRUST_PROXY: count(0),
    BRANCHPOINT_SEED: flag("on"),
    /** Sign-in attempts per client address per minute. */
    BRANCHPOINT_SIGN_IN_PER_MINUTE: count(10),
    /** Sign-ups per client address per hour. */
    BRANCHPOINT_SIGN_UP_PER_HOUR: count(20),
    /** API writes per user per minute. */
    BRANCHPOINT_WRITES_PER_MINUTE: count(300),
    /** The largest import: bytes of JSON, and rows of every kind together. */
    BRANCHPOINT_IMPORT_MAX_BYTES: count(10_000_000),
    BRANCHPOINT_IMPORT_MAX_ROWS: count(20_000),
    /** Single sign-on (OpenID Connect): the issuer's URL, this app's client id and secret. */
    OIDC_ISSUER: z.url({ message: "must be the provider's issuer URL, e.g. https://login.example.org" }).optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    /** How the sign-in button names the provider: "Sign in with <name>". */
    OIDC_NAME: z.string().min(1).max(60).default("single sign-on"),
  })
  .superRefine((e, ctx) => {
    const sso = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (sso > 0 && sso < 3) {
      for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!e[key]) ctx.addIssue({ code: "custom", path: [key], message: "must be set too: single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET" });
      }
    }
    if (e.NODE_ENV === "production" && (e.BETTER_AUTH_SECRET ?? "").length < 32) {
      ctx.addIssue({ code: "custom", path: ["BETTER_AUTH_SECRET"], message: "must be set to a random secret of at least 32 characters in production" });
    }
  });

export type Env = z.infer<typeof schema> & { BETTER_AUTH_SECRET: string; BETTER_AUTH_URL: string };

/** Parse an environment; throws one readable line naming every problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    // one line, so a log shows the whole reason the server stopped
    throw new Error(`Invalid environment: ${problems.join("; ")}`);
  }
  const e = result.data;
  return {
    ...e,
    // outside production a missing secret is a random one per process (sessions end with it);
    // `npm start` keeps one in data/ so a local install survives restarts
    BETTER_AUTH_SECRET: e.BETTER_AUTH_SECRET || randomBytes(32).toString("hex"),
    BETTER_AUTH_URL: (e.BETTER_AUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
  };
}

let cached: Env | undefined;

/** The process's environment, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The app's own origin (scheme, host, port): requests from anywhere else are cross-origin. */
export const appOrigin = (): string => new URL(env().BETTER_AUTH_URL).origin;
