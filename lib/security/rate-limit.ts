// Fixed-window counters in the database (so they hold across restarts and instances): one
// row per key, counting hits in the current window. One statement increments atomically on
// both engines (INSERT … ON CONFLICT DO UPDATE … RETURNING).
import "server-only";
import { lt, sql } from "drizzle-orm";
import type { Store } from "@/db/store";
import { DomainError } from "@/lib/errors";

export interface Verdict {
  allowed: boolean;
  /** Seconds until the window ends (when refused). */
  retryAfter: number;
}

// Old windows are deleted now and then, not on every hit.
const PRUNE_EVERY = 200;
let hits = 0;

/** Count a hit on `key`; allowed while the window holds at most `limit` hits. 0 = no limit. */
export async function hit(store: Store, key: string, limit: number, windowMs: number): Promise<Verdict> {
  if (limit <= 0) return { allowed: true, retryAfter: 0 };
  const t = store.schema.rateLimits;
  const now = store.now().getTime();
  const windowStart = new Date(now - (now % windowMs));
  const rows = await store.tx(async (tx) => {
    if (++hits % PRUNE_EVERY === 0) await tx.delete(t).where(lt(t.windowStart, new Date(now - 24 * 3600 * 1000)));
    return tx
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
  });
  const count = rows[0]?.count ?? 1;
  return { allowed: count <= limit, retryAfter: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000)) };
}

/** 429 (with Retry-After) when the key is over its limit. */
export async function enforce(store: Store, key: string, limit: number, windowMs: number, what: string): Promise<void> {
  const v = await hit(store, key, limit, windowMs);
  if (!v.allowed) throw tooManyRequests(`Too many ${what}; try again in ${v.retryAfter} s`, v.retryAfter);
}

export const tooManyRequests = (message: string, retryAfter: number) => new DomainError("too_many_requests", message, [], { retryAfter });
