// The audit log: every change writes one immutable event inside the same transaction.
import "server-only";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Db, Store } from "@/db/client";
import { newId } from "@/lib/ids";
import { requireRole, type Actor } from "@/lib/access/service";

export interface AuditEvent {
  id: string;
  scenarioId: string;
  actorId: string | null;
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

export function toAuditEvent(r: EventRow): AuditEvent {
  return { ...r, at: r.at.toISOString(), before: r.before ?? null, after: r.after ?? null };
}

export interface HistoryQuery {
  from?: Date;
  to?: Date;
  limit?: number;
}

/** The audit log of a scenario, oldest first. */
export async function listEvents(store: Store, actor: Actor | null, scenarioId: string, q: HistoryQuery = {}): Promise<AuditEvent[]> {
  await requireRole(store, actor, scenarioId, "viewer");
  const e = store.schema.events;
  const rows = await store.db
    .select()
    .from(e)
    .where(and(eq(e.scenarioId, scenarioId), q.from ? gte(e.at, q.from) : undefined, q.to ? lte(e.at, q.to) : undefined))
    .orderBy(asc(e.at), asc(e.id))
    .limit(q.limit ?? 5000);
  return rows.map(toAuditEvent);
}
