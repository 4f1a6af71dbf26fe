// The audit log: every change writes one immutable event inside the same transaction.
import "server-only";
import { and, asc, desc, eq, gt, gte, lt, lte, or } from "drizzle-orm";
import type { Store } from "@/db/store";
import type { Db, Row } from "@/db/types";
import { newId } from "@/lib/ids";
import { requireRole, type Actor } from "@/lib/access/service";
import { DomainError } from "@/lib/errors";
import { EVENT_TYPES, type EventPayloads, type EventType } from "./catalogue";
import { describeEvent, type Names } from "./describe";
import { scenarioNames } from "./names";

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
  /** The event in words (without the actor), from lib/audit/describe.ts. */
  summary: string;
  /** The question it is about, if any, and its title. */
  questionId: string | null;
  questionTitle: string | null;
  /** The evidence item it is about, by its summary. */
  item: string | null;
}

/** An event of a catalogued type: what changed, with the payloads its type declares. */
export type EventBody<T extends EventType> = {
  type: T;
  entityId: string;
} & (EventPayloads[T]["before"] extends null ? { before?: null } : { before: EventPayloads[T]["before"] }) &
  (EventPayloads[T]["after"] extends null ? { after?: null } : { after: EventPayloads[T]["after"] });

export type EventInput<T extends EventType> = { scenarioId: string; actorId: string | null; at?: Date } & EventBody<T>;

/** Append one event of a catalogued type (./catalogue.ts), inside the caller's transaction. */
export async function recordEvent<T extends EventType>(store: Store, tx: Db, e: EventInput<T>): Promise<void> {
  await tx.insert(store.schema.events).values({
    id: newId(),
    scenarioId: e.scenarioId,
    actorId: e.actorId,
    at: e.at ?? store.now(),
    type: e.type,
    entity: EVENT_TYPES[e.type].entity,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
  });
}

type EventRow = Row<"events">;

export function toAuditEvent(r: EventRow, actorName: string | null, names: Names): AuditEvent {
  const event = { ...r, before: r.before ?? null, after: r.after ?? null };
  const { text, questionId, item } = describeEvent(event, names);
  return { ...event, actorName, at: r.at.toISOString(), summary: text, questionId, questionTitle: names.question(questionId), item };
}

export interface HistoryQuery {
  from?: Date;
  to?: Date;
  actorId?: string;
  /** An entity kind ("evidence") or an event type prefix ("estimate.created"). */
  kind?: string;
  /** Newest first, for "recent activity". */
  newestFirst?: boolean;
  /** Page size (default 1,000, at most 5,000). */
  limit?: number;
  /** Continue after this point: the `nextCursor` of the previous page. */
  cursor?: string;
}

export interface EventPage {
  items: AuditEvent[];
  /** Pass as `cursor` to read the next page; null on the last page. */
  nextCursor: string | null;
}

// A cursor is the (at, id) of the last event served: stable while new events arrive.
const encodeCursor = (e: AuditEvent) => `${Date.parse(e.at)}_${e.id}`;
function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, ...rest] = cursor.split("_");
  const ms = Number(at);
  if (!Number.isFinite(ms) || rest.length === 0) {
    throw new DomainError("invalid", "The cursor is not one this server gave out", [{ path: "cursor", message: "malformed cursor" }]);
  }
  return { at: new Date(ms), id: rest.join("_") };
}

/** The audit log of a scenario, oldest first (or newest first), one page at a time. */
export async function listEvents(store: Store, actor: Actor | null, scenarioId: string, q: HistoryQuery = {}): Promise<EventPage> {
  await requireRole(store, actor, scenarioId, "viewer");
  const e = store.schema.events;
  const u = store.schema.user;
  const limit = Math.min(q.limit ?? 1000, 5000);
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const past = (at: Date, id: string) =>
    q.newestFirst ? or(lt(e.at, at), and(eq(e.at, at), lt(e.id, id))) : or(gt(e.at, at), and(eq(e.at, at), gt(e.id, id)));
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
        after ? past(after.at, after.id) : undefined,
      ),
    )
    .orderBy(...(q.newestFirst ? [desc(e.at), desc(e.id)] : [asc(e.at), asc(e.id)]))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const names = await scenarioNames(
    store,
    scenarioId,
    page.flatMap((r) => (r.event.entity === "evidence" ? [r.event.entityId] : [])),
  );
  const items = page.map((r) => toAuditEvent(r.event, r.actorName, names));
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]!) : null };
}

