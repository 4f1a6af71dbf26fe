// The audit log: every change writes one immutable event inside the same transaction.
import "server-only";
import { and, asc, desc, eq, gte, lte, sql } from "drizzle-orm";
import { preparedPerStore } from "@/db/prepared";
import type { Store } from "@/db/store";
import type { Db, Row } from "@/db/types";
import { newId } from "@/lib/ids";
import { requireActor, requireRole, type Actor } from "@/lib/access/service";
import { afterCursor, pageOf, type Page } from "@/lib/paging";
import { EVENT_TYPES, type EventPayloads, type EventType } from "./catalogue";
import { hiddenQuestions, hidingContext } from "@/lib/elicitation/hidden";
import { describeEvent, describeWithheld, WITHHELD_TYPES, type Names } from "./describe";
import { scenarioNames } from "./names";

export interface AuditEvent {
  id: string;
  scenarioId: string;
  actorId: string | null;
  actorName: string | null;
  /** The API token the actor acted through; null in a browser session. */
  tokenId: string | null;
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

export type EventInput<T extends EventType> = { scenarioId: string; actorId: string | null; tokenId?: string | null; at?: Date } & EventBody<T>;

// Every write records one: prepared once per handle, each value bound through its column's
// encoder (an absent before/after stays SQL NULL: db/kit).
const insertEvent = preparedPerStore(({ db, schema, prepare }) => {
  const p = (name: string) => sql.placeholder(name);
  return prepare(
    db.insert(schema.events).values({
      id: p("id"),
      scenarioId: p("scenarioId"),
      actorId: p("actorId"),
      tokenId: p("tokenId"),
      at: p("at"),
      type: p("type"),
      entity: p("entity"),
      entityId: p("entityId"),
      before: p("before"),
      after: p("after"),
    }),
    "audit_insert_event",
  );
});

/** Append one event of a catalogued type (./catalogue.ts), in the caller's transaction (`tx`, the store's handle inside it). */
export async function recordEvent<T extends EventType>(store: Store, tx: Db, e: EventInput<T>): Promise<void> {
  if (tx !== store.db) throw new Error("recordEvent: tx is not the store's open transaction");
  await insertEvent(store).execute({
    id: newId(),
    scenarioId: e.scenarioId,
    actorId: e.actorId,
    tokenId: e.tokenId ?? null,
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

export type EventPage = Page<AuditEvent>;

/**
 * The audit log of a scenario, oldest first (or newest first), one page at a time. Under
 * independent judgments, other analysts' estimates and ratings on a question the reader has
 * not estimated yet (as of `to`) are listed without their figures.
 */
export async function listEvents(store: Store, actor: Actor | null, scenarioId: string, q: HistoryQuery = {}): Promise<EventPage> {
  const a = requireActor(actor);
  const role = await requireRole(store, a, scenarioId, "viewer");
  const e = store.schema.events;
  const u = store.schema.user;
  const limit = Math.min(q.limit ?? 1000, 5000);
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
        afterCursor(e.at, e.id, q.cursor, q.newestFirst === true),
      ),
    )
    .orderBy(...(q.newestFirst ? [desc(e.at), desc(e.id)] : [asc(e.at), asc(e.id)]))
    .limit(limit + 1);
  const page = pageOf(rows, limit, (r) => r.event);
  const names = await scenarioNames(
    store,
    scenarioId,
    page.items.flatMap((r) => (r.event.entity === "evidence" ? [r.event.entityId] : [])),
  );
  const items = page.items.map((r) => toAuditEvent(r.event, r.actorName, names));
  const others = items.filter((e) => WITHHELD_TYPES.has(e.type) && e.actorId !== a.id && e.questionId !== null);
  if (others.length === 0) return { items, nextCursor: page.nextCursor };
  const ctx = await hidingContext(store, scenarioId, a.id, role);
  const hidden = await hiddenQuestions(store, ctx, others.map((e) => e.questionId!), q.to);
  const withheld = new Set(others.filter((e) => hidden.has(e.questionId!)));
  const withhold = (e: AuditEvent): AuditEvent =>
    withheld.has(e) ? { ...e, before: null, after: { questionId: e.questionId, withheld: true }, summary: describeWithheld(e) } : e;
  return { items: items.map(withhold), nextCursor: page.nextCursor };
}

