// Who a request's session cookie belongs to. better-auth decides: its getSession checks the
// cookie's signature, expires and deletes stale sessions, and refreshes a session once a day.
// Most requests need none of that — the session is valid and was refreshed recently — yet
// getSession costs about 1 ms each (its endpoint machinery and an unprepared query), most of
// a scenario read. So a valid, recently refreshed session is answered here, with the same
// signature check and one prepared read; anything else goes to getSession, unchanged.
// Nothing is cached: a session signed out or deleted is refused on the very next request.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { BetterAuthOptions } from "better-auth";
import { parseCookies } from "better-call";
import { eq, sql } from "drizzle-orm";
import { preparedPerStore } from "@/db/prepared";
import type { Store } from "@/db/store";
import type { Actor } from "@/lib/access/service";
import { authFor } from "./auth";

const sessionByToken = preparedPerStore(({ db, schema: s, prepare }) =>
  prepare(
    db
      .select({ userId: s.session.userId, expiresAt: s.session.expiresAt })
      .from(s.session)
      .innerJoin(s.user, eq(s.user.id, s.session.userId))
      .where(eq(s.session.token, sql.placeholder("token"))),
    "session_by_token",
  ),
);

/** The value of cookie `name` in a Cookie header (the first, decoded): better-call's own parser, which getSession reads through. */
export const cookieValue = (header: string | null, name: string): string | null => (header ? (parseCookies(header).get(name) ?? null) : null);

/** The token of a signed cookie value `token.signature` (HMAC-SHA256 of the token under `secret`, base64), or null when the signature is not exactly that. */
export function verifiedToken(value: string, secret: string): string | null {
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(createHmac("sha256", secret).update(token).digest("base64"));
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

/**
 * Whether better-auth would return this session as it is, without writing: unexpired, and
 * refreshed less than `updateAge` ago (it sets expiresAt to refresh time + expiresIn). A
 * session signed in without "remember me" (a day long; our pages never ask for one) never
 * qualifies, and always goes to getSession.
 */
export function servedAsIs(expiresAt: Date, now: number, config: { expiresIn: number; updateAge: number }): boolean {
  const t = expiresAt.getTime();
  return t > now && t - config.expiresIn * 1000 + config.updateAge * 1000 > now;
}

/** The signed-in person of a browser session, or null. */
export async function sessionActor(store: Store, headers: Headers): Promise<Actor | null> {
  const auth = authFor(store);
  const ctx = await auth.$context;
  // what is checked here is what getSession checks only while sessions live in the database
  // alone: with a cookie cache or secondary storage configured, getSession decides every time
  const options: BetterAuthOptions = ctx.options;
  const direct = !options.secondaryStorage && !options.session?.cookieCache?.enabled;
  const cookie = direct ? cookieValue(headers.get("cookie"), ctx.authCookies.sessionToken.name) : null;
  const token = cookie === null ? null : verifiedToken(cookie, ctx.secret);
  if (token !== null) {
    const row = (await sessionByToken(store).execute({ token }))[0];
    if (row && servedAsIs(row.expiresAt, Date.now(), ctx.sessionConfig)) return { id: row.userId };
  }
  const session = await auth.api.getSession({ headers });
  return session ? { id: session.user.id } : null;
}
