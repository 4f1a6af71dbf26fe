// The audit log: every change writes one immutable event inside the same transaction.
import "server-only";
import { and, asc, desc, eq, gte, lte } from "drizzle-orm";
import type { Db, Store } from "@/db/client";
import { newId } from "@/lib/ids";
import { requireRole, type Actor } from "@/lib/access/service";

export interface AuditEvent {
  id: string;
  scenarioId: string;
  actorId: string | null;
  actorName: string | null;
  at: string;
  type: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface EventInput {
  scenarioId: string;
  actorId: string | null;
  type: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export async function recordEvent(store: Store, tx: Db, e: EventInput): Promise<void> {
  await tx.insert(store.schema.events).values({
    id: newId(),
    scenarioId: e.scenarioId,
    actorId: e.actorId,
    at: store.now(),
    type: e.type,
    entity: e.entity,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
  });
}

type EventRow = typeof import("@/db/schema/sqlite").events.$inferSelect;

export function toAuditEvent(r: EventRow, actorName: string | null = null): AuditEvent {
  return { ...r, actorName, at: r.at.toISOString(), before: r.before ?? null, after: r.after ?? null };
}

export interface HistoryQuery {
  from?: Date;
  to?: Date;
  actorId?: string;
  /** An entity kind ("evidence") or an event type prefix ("estimate.created"). */
  kind?: string;
  /** Newest first, for "recent activity". */
  newestFirst?: boolean;
  limit?: number;
}

/** The audit log of a scenario, oldest first. */
export async function listEvents(store: Store, actor: Actor | null, scenarioId: string, q: HistoryQuery = {}): Promise<AuditEvent[]> {
  await requireRole(store, actor, scenarioId, "viewer");
  const e = store.schema.events;
  const u = store.schema.user;
  const rows = await store.db
    .select({ event: e, actorName: u.name })
    .from(e)
    .leftJoin(u, eq(u.id, e.actorId))
    .where(
      and(
        eq(e.scenarioId, scenarioId),
        q.from ? gte(e.at, q.from) : undefined,
        q.to ? lte(e.at, q.to) : undefined,
        q.actorId ? eq(e.actorId, q.actorId) : undefined,
        q.kind ? (q.kind.includes(".") ? eq(e.type, q.kind) : eq(e.entity, q.kind)) : undefined,
      ),
    )
    .orderBy(...(q.newestFirst ? [desc(e.at), desc(e.id)] : [asc(e.at), asc(e.id)]))
    .limit(Math.min(q.limit ?? 5000, 5000));
  return rows.map((r) => toAuditEvent(r.event, r.actorName));
}
