// API tokens: scripts and notebooks act as their owner, with the owner's roles, by sending
// `Authorization: Bearer <token>`. The secret is shown once; only its SHA-256 is stored, so a
// leaked database does not leak working tokens. Tokens are made, listed and revoked only
// from a signed-in browser session — a token cannot mint or revoke tokens.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Store } from "@/db/store";
import type { Row } from "@/db/types";
import { newId } from "@/lib/ids";
import { DomainError, notFound } from "@/lib/errors";
import { requireActor, type Actor } from "@/lib/access/service";
import type { CreateTokenInput } from "./schema";

const DAY_MS = 24 * 3600 * 1000;
// How stale "last used" may be before a use writes it again: one write a minute at most.
const LAST_USED_GRANULARITY_MS = 60_000;
export const TOKEN_PREFIX = "bp_";

export interface TokenOut {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/** The reply to making one: the only time the secret is shown. */
export type CreatedToken = TokenOut & { token: string };

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

const tokenOut = (t: Row<"apiTokens">): TokenOut => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt ? t.expiresAt.toISOString() : null,
  lastUsedAt: t.lastUsedAt ? t.lastUsedAt.toISOString() : null,
});

/** Token management needs the person, not a script acting for them. */
function requireSession(actor: Actor | null): Actor {
  const a = requireActor(actor);
  if (a.tokenId) throw new DomainError("forbidden", "API tokens cannot manage tokens: sign in to the app to make or revoke them");
  return a;
}

export async function createToken(store: Store, actor: Actor | null, input: CreateTokenInput): Promise<CreatedToken> {
  const a = requireSession(actor);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const now = store.now();
  // every write in a transaction of its own: on SQLite's one connection a bare write would join
  // (and could be rolled back with) whatever transaction another request has open
  const row = (
    await store.tx((tx) => tx
      .insert(store.schema.apiTokens)
      .values({
        id: newId(),
        userId: a.id,
        name: input.name,
        tokenHash: hash(token),
        createdAt: now,
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null,
      })
      .returning())
  )[0]!;
  return { ...tokenOut(row), token };
}

/** The caller's tokens that still work, newest first; never their secrets. */
export async function listTokens(store: Store, actor: Actor | null): Promise<TokenOut[]> {
  const a = requireSession(actor);
  const t = store.schema.apiTokens;
  const rows = await store.db.select().from(t).where(and(eq(t.userId, a.id), isNull(t.revokedAt))).orderBy(desc(t.createdAt), desc(t.id));
  const now = store.now().getTime();
  return rows.filter((r) => !r.expiresAt || r.expiresAt.getTime() > now).map(tokenOut);
}

export async function revokeToken(store: Store, actor: Actor | null, tokenId: string): Promise<void> {
  const a = requireSession(actor);
  const t = store.schema.apiTokens;
  // someone else's token does not exist for the caller
  const revoked = await store.tx((tx) =>
    tx
      .update(t)
      .set({ revokedAt: store.now() })
      .where(and(eq(t.id, tokenId), eq(t.userId, a.id), isNull(t.revokedAt)))
      .returning({ id: t.id }),
  );
  if (revoked.length === 0) {
    const mine = (await store.db.select({ id: t.id }).from(t).where(and(eq(t.id, tokenId), eq(t.userId, a.id))).limit(1))[0];
    if (!mine) throw notFound("Token");
  }
}

const invalid = () => new DomainError("unauthenticated", "This API token is not valid: it is unknown, revoked or expired");

/** The actor a bearer token stands for; 401 for an unknown, revoked or expired one. */
export async function actorFromToken(store: Store, token: string): Promise<Actor> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) throw invalid();
  const t = store.schema.apiTokens;
  const row = (await store.db.select().from(t).where(eq(t.tokenHash, hash(token))).limit(1))[0];
  const now = store.now();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now.getTime())) throw invalid();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
    await store.tx((tx) => tx.update(t).set({ lastUsedAt: now }).where(eq(t.id, row.id)));
  }
  return { id: row.userId, tokenId: row.id };
}
