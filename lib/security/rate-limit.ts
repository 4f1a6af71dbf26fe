// Fixed-window counters in the database (so they hold across restarts and instances): one
// row per key, counting hits in the current window. One statement increments atomically on
// both engines (INSERT … ON CONFLICT DO UPDATE … RETURNING); API writes are counted inside
// their own transaction (limitWrites), the rest in one of their own (hit).
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { eq, lt, sql } from "drizzle-orm";
import { preparedPerStore } from "@/db/prepared";
import type { Store } from "@/db/store";
import type { Db } from "@/db/types";
import { DomainError } from "@/lib/errors";

export interface Verdict {
  allowed: boolean;
  /** Seconds until the window ends (when refused). */
  retryAfter: number;
}

// Old windows are deleted now and then, not on every hit.
const PRUNE_EVERY = 200;
let hits = 0;

const windowOf = (now: number, windowMs: number) => new Date(now - (now % windowMs));
const retryAfter = (now: number, windowMs: number) => Math.max(1, Math.ceil((windowOf(now, windowMs).getTime() + windowMs - now) / 1000));

/** Count a hit on `key` inside the open transaction `tx`; the count so far in this window. */
async function countIn(store: Store, tx: Db, key: string, now: number, windowMs: number): Promise<number> {
  const t = store.schema.rateLimits;
  const windowStart = windowOf(now, windowMs);
  if (++hits % PRUNE_EVERY === 0) await tx.delete(t).where(lt(t.windowStart, new Date(now - 24 * 3600 * 1000)));
  const rows = await tx
    .insert(t)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        count: sql`case when ${t.windowStart} = excluded.window_start then ${t.count} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: t.count });
  return rows[0]?.count ?? 1;
}

/** Count a hit on `key`; allowed while the window holds at most `limit` hits. 0 = no limit. */
export async function hit(store: Store, key: string, limit: number, windowMs: number): Promise<Verdict> {
  if (limit <= 0) return { allowed: true, retryAfter: 0 };
  const now = store.now().getTime();
  const count = await store.tx((tx) => countIn(store, tx, key, now, windowMs));
  return { allowed: count <= limit, retryAfter: retryAfter(now, windowMs) };
}

// Which request's counted transaction is open here. One for the process: each instance of
// AsyncLocalStorage adds to the cost of every async operation from then on.
const openFor = new AsyncLocalStorage<object>();

const countOf = preparedPerStore(({ db, schema: s, prepare }) =>
  prepare(db.select({ windowStart: s.rateLimits.windowStart, count: s.rateLimits.count }).from(s.rateLimits).where(eq(s.rateLimits.key, sql.placeholder("key"))), "rate_limit_count"),
);

/**
 * A request's writes, limited to `limit` a window per `key`, counted without a commit of
 * their own. A read first refuses (429) a key already at its limit. The store this returns
 * counts the request in its first transaction — the write's own, so one commit holds both —
 * and refuses there, before the write, once the count passes the limit; two instances
 * counting at once take turns on the counter's row. (On PostgreSQL that row stays locked
 * until the write commits: one person's writes queue behind each other, nobody else's.)
 * A transaction that rolls back takes its count with it; `settle()` then counts the
 * request in a transaction of its own — a change attempted counts, whether or not it
 * landed. Refused requests are not counted.
 */
export async function limitWrites(store: Store, key: string, limit: number, windowMs: number, what: string): Promise<{ store: Store; settle(): Promise<void> }> {
  if (limit <= 0) return { store, settle: async () => undefined };
  const refuse = (now: number) => {
    const s = retryAfter(now, windowMs);
    return tooManyRequests(`Too many ${what}; try again in ${s} s`, s);
  };
  const now = store.now().getTime();
  const row = (await countOf(store).execute({ key }))[0];
  if (row && row.windowStart.getTime() === windowOf(now, windowMs).getTime() && row.count >= limit) throw refuse(now);

  let counted = false; // by a committed transaction
  let refused = false;
  const request = {};
  const tx: Store["tx"] = async (fn, options) => {
    // a nested call joins the open transaction, which already counts
    if (openFor.getStore() === request) return store.tx(fn, options);
    const result = await store.tx((t) =>
      openFor.run(request, async () => {
        if (!counted) {
          const at = store.now().getTime();
          if ((await countIn(store, t, key, at, windowMs)) > limit) {
            refused = true;
            throw refuse(at);
          }
        }
        return fn(t);
      }),
      options,
    );
    counted = true;
    return result;
  };
  return {
    store: Object.create(store, { tx: { value: tx } }) as Store,
    settle: async () => {
      if (counted || refused) return;
      // the reply stands whatever happens here: a count lost is better than a change reported failed
      await hit(store, key, limit, windowMs).catch((err: unknown) => console.error("Could not count a write against its limit", err));
    },
  };
}

export const tooManyRequests = (message: string, retryAfter: number) => new DomainError("too_many_requests", message, [], { retryAfter });
