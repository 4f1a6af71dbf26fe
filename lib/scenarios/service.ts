// Scenarios: list, create, read as one tree (now or as of a time), edit.
import "server-only";
import { and, eq, inArray, isNull, max, sql } from "drizzle-orm";
import { preparedPerStore } from "@/db/prepared";
import type { Store } from "@/db/store";
import type { Row } from "@/db/types";
import { newId } from "@/lib/ids";
import { forbidden, notFound, staleVersion } from "@/lib/errors";
import { requireActor, requireRole, type Actor, type Role } from "@/lib/access/service";
import { recordEvent } from "@/lib/audit/service";
import { updateVersioned, writeScenario } from "@/lib/service/write";
import type { PoolMethod } from "@/lib/math";
import { buildScenarioView, type ScenarioView } from "./tree";
import type { CreateScenarioInput, PatchScenarioInput } from "./schema";

export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  version: number;
  role: Role;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
}

type ScenarioRow = Row<"scenarios">;
const summaryOf = (r: ScenarioRow, role: Role, lastActivity: Date | null): ScenarioSummary => ({
  id: r.id,
  title: r.title,
  summary: r.summary,
  version: r.version,
  role,
  isDemo: r.isDemo,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  lastActivityAt: (lastActivity ?? r.updatedAt).toISOString(),
});

/** The scenarios the actor is a member of, most recently active first. */
export async function listScenarios(store: Store, actor: Actor | null): Promise<ScenarioSummary[]> {
  const a = requireActor(actor);
  const s = store.schema;
  const rows = await store.db
    .select({ scenario: s.scenarios, role: s.members.role })
    .from(s.members)
    .innerJoin(s.scenarios, eq(s.scenarios.id, s.members.scenarioId))
    .where(and(eq(s.members.userId, a.id), isNull(s.scenarios.archivedAt)));
  if (rows.length === 0) return [];
  const activity = await store.db
    .select({ scenarioId: s.events.scenarioId, last: max(s.events.at) })
    .from(s.events)
    .where(inArray(s.events.scenarioId, rows.map((r) => r.scenario.id)))
    .groupBy(s.events.scenarioId);
  const lastBy = new Map(activity.map((r) => [r.scenarioId, r.last]));
  return rows
    .map((r) => summaryOf(r.scenario, r.role, lastBy.get(r.scenario.id) ?? null))
    .sort((x, y) => y.lastActivityAt.localeCompare(x.lastActivityAt));
}

export async function createScenario(store: Store, actor: Actor | null, input: CreateScenarioInput): Promise<ScenarioView> {
  const a = requireActor(actor);
  const s = store.schema;
  const now = store.now();
  const row = await store.tx(async (tx) => {
    const id = newId();
    const created = (
      await tx
        .insert(s.scenarios)
        // new scenarios start with independent judgments on (a bias control; owners may turn it off)
        .values({ id, title: input.title, summary: input.summary ?? "", independentElicitation: true, createdBy: a.id, createdAt: now, updatedAt: now })
        .returning()
    )[0]!;
    await tx.insert(s.members).values({ scenarioId: id, userId: a.id, role: "owner", createdAt: now, updatedAt: now });
    await recordEvent(store, tx, {
      scenarioId: id,
      actorId: a.id,
      tokenId: a.tokenId ?? null,
      type: "scenario.created",
      entityId: id,
      after: { title: created.title, summary: created.summary },
    });
    return created;
  });
  return buildScenarioView(store, row, "owner", a.id);
}

// read on every view of a scenario
const scenarioRow = preparedPerStore(({ db, schema, prepare }) =>
  prepare(db.select().from(schema.scenarios).where(eq(schema.scenarios.id, sql.placeholder("id"))).limit(1), "scenario_row"),
);

async function loadScenarioRow(store: Store, scenarioId: string): Promise<ScenarioRow> {
  const row = (await scenarioRow(store).execute({ id: scenarioId }))[0];
  if (!row) throw notFound("Scenario");
  return row;
}

/**
 * Who the caller is in a scenario and what it is called, without the question tree:
 * page frames and role checks need only this, not every question's aggregate.
 */
export async function getScenarioHeader(store: Store, actor: Actor | null, scenarioId: string): Promise<ScenarioSummary> {
  const role = await requireRole(store, actor, scenarioId, "viewer");
  return summaryOf(await loadScenarioRow(store, scenarioId), role, null);
}

export async function getScenario(
  store: Store,
  actor: Actor | null,
  scenarioId: string,
  asOf?: Date,
  method?: PoolMethod,
): Promise<ScenarioView> {
  const role = await requireRole(store, actor, scenarioId, "viewer");
  const row = await loadScenarioRow(store, scenarioId);
  return buildScenarioView(store, row, role, requireActor(actor).id, asOf, method);
}

export async function patchScenario(
  store: Store,
  actor: Actor | null,
  scenarioId: string,
  input: PatchScenarioInput,
): Promise<ScenarioView> {
  const { row, role, actorId } = await writeScenario(store, actor, { scenarioId }, "editor", async (w) => {
    const current = await loadScenarioRow(store, scenarioId);
    if (current.version !== input.version) throw staleVersion("Scenario", current.version);
    if (input.independentElicitation !== undefined && input.independentElicitation !== current.independentElicitation && w.role !== "owner") {
      throw forbidden("Only owners of this scenario can switch independent judgments on or off");
    }
    const updated = await updateVersioned(
      store,
      "scenarios",
      scenarioId,
      input.version,
      {
        title: input.title ?? current.title,
        summary: input.summary ?? current.summary,
        independentElicitation: input.independentElicitation ?? current.independentElicitation,
        updatedAt: w.now,
      },
      "Scenario",
    );
    const state = (r: typeof current) => ({ title: r.title, summary: r.summary, independentElicitation: r.independentElicitation, version: r.version });
    await w.record({ type: "scenario.updated", entityId: scenarioId, before: state(current), after: state(updated) });
    return { row: updated, role: w.role!, actorId: w.actor.id };
  });
  return buildScenarioView(store, row, role, actorId);
}
