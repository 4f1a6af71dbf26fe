// The door in front of better-auth's endpoints (/api/auth/*): what better-auth does not do
// for us, done before and after it handles a request.
//  - Limits, counted in the database: sign-in attempts and sign-ups per client address,
//    and an increasing backoff per account after repeated wrong passwords (429 with
//    Retry-After, whatever the address — an attacker rotating addresses still hits it).
//  - Input rules: a display name of at most LIMITS.name characters; a new password that
//    zxcvbn rates strong enough, with the reason why not at the password field.
//  - Replies: the session list never hands session tokens to page scripts.
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Store } from "@/db/store";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/security/client";
import { hit } from "@/lib/security/rate-limit";
import { nulPath } from "@/lib/validation/storable";
import { LIMITS } from "@/lib/validation/limits";
import { passwordWeakness } from "./password";

/** After this many wrong passwords in a row an account waits, 30 s doubling up to 15 min. */
export const FREE_FAILURES = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;
const BODY_LIMIT = 64_000;

type Body = Record<string, unknown>;

/** A reply in better-auth's error shape, so its client shows `message`. */
function refuse(status: number, code: string, message: string, retryAfter?: number): Response {
  const headers: Record<string, string> = { "content-type": "application/json", "cache-control": "no-store" };
  if (retryAfter !== undefined) headers["retry-after"] = String(retryAfter);
  return new Response(JSON.stringify({ code, message }), { status, headers });
}

const tooMany = (retryAfter: number, what: string) =>
  refuse(429, "TOO_MANY_REQUESTS", `Too many ${what}. Try again in ${retryAfter} seconds.`, retryAfter);

const str = (v: unknown) => (typeof v === "string" ? v : "");
const emailKey = (email: string) => email.trim().toLowerCase();

/** What a request's path and body break, if anything: null when it may go on. */
function inputProblem(path: string, body: Body): Response | null {
  const nul = nulPath(body);
  if (nul) return refuse(400, "INVALID_INPUT", `The field ${nul} contains a NUL character (U+0000), which cannot be stored.`);
  if (path === "/sign-up/email" || path === "/update-user") {
    const name = body.name;
    if (name !== undefined && (typeof name !== "string" || name.trim().length === 0 || name.length > LIMITS.name)) {
      return refuse(400, "INVALID_NAME", `Your name must be 1 to ${LIMITS.name} characters long.`);
    }
  }
  const password = path === "/sign-up/email" ? body.password : path === "/change-password" || path === "/reset-password" ? body.newPassword : undefined;
  if (password !== undefined) {
    const weakness = typeof password === "string" ? passwordWeakness(password, [str(body.name), str(body.email)]) : "A password is required.";
    if (weakness) return refuse(400, "PASSWORD_TOO_WEAK", weakness);
  }
  return null;
}

async function accountWait(store: Store, email: string): Promise<number> {
  const f = store.schema.signInFailures;
  const row = (await store.db.select().from(f).where(eq(f.email, email)).limit(1))[0];
  const until = row?.lockedUntil?.getTime() ?? 0;
  return Math.max(0, Math.ceil((until - store.now().getTime()) / 1000));
}

async function recordSignIn(store: Store, email: string, ok: boolean): Promise<void> {
  const f = store.schema.signInFailures;
  await store.tx(async (tx) => {
    if (ok) {
      await tx.delete(f).where(eq(f.email, email));
      return;
    }
    const now = store.now();
    const [row] = await tx
      .insert(f)
      .values({ email, failures: 1, lastFailureAt: now, lockedUntil: null })
      .onConflictDoUpdate({ target: f.email, set: { failures: sql`${f.failures} + 1`, lastFailureAt: now } })
      .returning({ failures: f.failures });
    const over = (row?.failures ?? 1) - FREE_FAILURES;
    if (over >= 0) {
      const wait = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** over);
      await tx.update(f).set({ lockedUntil: new Date(now.getTime() + wait) }).where(eq(f.email, email));
    }
  });
}

/**
 * Handle one /api/auth request: `forward` hands it to better-auth. The body is read here
 * (with a size cap) and passed on unchanged.
 */
export async function guardAuthRequest(store: Store, req: Request, forward: (req: Request) => Promise<Response>): Promise<Response> {
  const path = new URL(req.url).pathname.replace(/^\/api\/auth/, "");
  if (req.method !== "POST") {
    const res = await forward(req);
    return path === "/list-sessions" ? withoutTokens(res) : res;
  }
  const text = await req.text();
  if (text.length > BODY_LIMIT) return refuse(413, "PAYLOAD_TOO_LARGE", "The request is too large.");
  let body: Body = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed as Body;
  } catch {
    // better-auth answers malformed JSON itself
  }
  const e = env();
  const address = clientAddress(req.headers);
  if (path === "/sign-in/email") {
    const ip = await hit(store, `sign-in:${address}`, e.BRANCHPOINT_SIGN_IN_PER_MINUTE, 60_000);
    if (!ip.allowed) return tooMany(ip.retryAfter, "sign-in attempts from your address");
  }
  if (path === "/sign-up/email") {
    const ip = await hit(store, `sign-up:${address}`, e.BRANCHPOINT_SIGN_UP_PER_HOUR, 3_600_000);
    if (!ip.allowed) return tooMany(ip.retryAfter, "new accounts from your address");
  }
  const problem = inputProblem(path, body);
  if (problem) return problem;

  const email = emailKey(str(body.email));
  if (path === "/sign-in/email" && email) {
    const wait = await accountWait(store, email);
    if (wait > 0) return tooMany(wait, "wrong passwords for this account");
  }
  const res = await forward(new Request(req, { body: text }));
  if (path === "/sign-in/email" && email) {
    if (res.status === 200) await recordSignIn(store, email, true);
    else if (res.status === 401 || res.status === 403) await recordSignIn(store, email, false);
  }
  return res;
}

/** The session list, minus each session's token (the cookie is the only place for it). */
async function withoutTokens(res: Response): Promise<Response> {
  if (!res.ok) return res;
  const data: unknown = await res.json();
  const strip = (s: unknown) => {
    if (s && typeof s === "object") delete (s as Body).token;
    return s;
  };
  const body = Array.isArray(data) ? data.map(strip) : strip(data);
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(body), { status: res.status, headers });
}
