// The one skeleton every write to a scenario runs in (docs/store.md): a transaction that
// resolves the scenario, takes its lock, checks the actor's role and runs the write — all in
// the same transaction, so a role revoked or an edit committed by another instance a moment
// earlier is seen. The body gets the transaction, a typed actor, the clock read once and a
// `record` for the audit event.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Store } from "@/db/store";
import type { Db, NewRow, Row, Schema } from "@/db/types";
import { requireActor, requireRole, roleIn, scenarioOf, ENTITY_LABEL, type Actor, type Entity, type Role } from "@/lib/access/service";
import { recordEvent, type EventBody } from "@/lib/audit/service";
import type { EventType } from "@/lib/audit/catalogue";
import { notFound, staleVersion } from "@/lib/errors";

export interface ScenarioWrite {
  /** The open transaction (also what `store.db` returns inside it). */
  tx: Db;
  schema: Schema;
  actor: Actor;
  scenarioId: string;
  /** The actor's role; null only for writes that need none (accepting an invitation). */
  role: Role | null;
  /** The clock, read once: every row and event of the write carries this time. */
  now: Date;
  /** Append the write's audit event (scenario, actor and time filled in). */
  record<T extends EventType>(event: EventBody<T>): Promise<void>;
}

/** What the write is about: a scenario, or an entity inside one. */
export type WriteTarget = { scenarioId: string } | { entity: Entity; id: string };

/**
 * Run `body` as `actor` on the target's scenario, holding at least `min` (null: any or no
 * role). Unknown targets and scenarios the actor cannot see are 404, a role too low 403 —
 * decided inside the transaction, after the scenario's lock is held.
 */
export async function writeScenario<T>(
  store: Store,
  actor: Actor | null,
  target: WriteTarget,
  min: Role | null,
  body: (w: ScenarioWrite) => Promise<T>,
): Promise<T> {
  const a = requireActor(actor);
  const what = "entity" in target ? ENTITY_LABEL[target.entity] : "Scenario";
  return store.tx(async (tx) => {
    const scenarioId = "entity" in target ? await scenarioOf(store, target.entity, target.id) : target.scenarioId;
    // writers to one scenario take turns here, across instances
    if (!(await store.lockScenario(tx, scenarioId))) throw notFound(what);
    const role = min ? await requireRole(store, a, scenarioId, min, what) : await roleIn(store, a.id, scenarioId);
    const now = store.now();
    return body({
      tx,
      schema: store.schema,
      actor: a,
      scenarioId,
      role,
      now,
      record: (event) => recordEvent(store, tx, { ...event, scenarioId, actorId: a.id, tokenId: a.tokenId ?? null, at: now }),
    });
  });
}

type Versioned = "scenarios" | "questions" | "hypotheses" | "outcomes" | "evidence" | "indicators" | "assumptions";

/**
 * An edit checked against the version the client saw: one conditional UPDATE … WHERE id AND
 * version, so of two edits from the same version exactly one lands, whichever instance runs
 * them. Zero rows: 404 when the row is gone, else 409 naming the current version.
 */
export async function updateVersioned<K extends Versioned>(
  store: Store,
  table: K,
  id: string,
  expected: number,
  set: Partial<NewRow<K>>,
  what: string,
): Promise<Row<K>> {
  const t = store.schema[table] as Schema["questions"]; // they all share id and version columns
  const rows = await store.db
    .update(t)
    .set({ ...(set as object), version: expected + 1 })
    .where(and(eq(t.id, id), eq(t.version, expected)))
    .returning();
  if (rows[0]) return rows[0] as unknown as Row<K>;
  const current = (await store.db.select({ version: t.version }).from(t).where(eq(t.id, id)).limit(1))[0];
  if (!current) throw notFound(what);
  throw staleVersion(what, current.version);
}
