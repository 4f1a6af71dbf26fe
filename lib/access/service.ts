// Who may do what in a scenario. Every service calls one of these first: a scenario the
// actor is not a member of does not exist for them (404), a role too low is 403.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Store } from "@/db/store";
import { preparedFamily, preparedPerStore } from "@/db/prepared";
import { DomainError, forbidden, notFound } from "@/lib/errors";

export type Role = "owner" | "editor" | "viewer";
export interface Actor {
  id: string;
  /** Set when the request came with an API token (lib/tokens): which one. */
  tokenId?: string;
}

const RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new DomainError("unauthenticated", "Sign in to use the API");
  return actor;
}

const membershipQuery = preparedPerStore(({ db, schema: s, prepare }) =>
  prepare(
    db
      .select({ role: s.members.role })
      .from(s.members)
      .innerJoin(s.scenarios, eq(s.scenarios.id, s.members.scenarioId))
      .where(and(eq(s.members.scenarioId, sql.placeholder("scenarioId")), eq(s.members.userId, sql.placeholder("userId")))),
    "access_membership",
  ),
);

/** The actor's role in the scenario, or null if they are not a member (or it does not exist). */
export async function roleIn(store: Store, actorId: string, scenarioId: string): Promise<Role | null> {
  const rows = await membershipQuery(store).execute({ scenarioId, userId: actorId });
  return rows[0]?.role ?? null;
}

/** Throws unless the actor holds at least `min` in the scenario; returns their role. */
export async function requireRole(
  store: Store,
  actor: Actor | null,
  scenarioId: string,
  min: Role,
  what = "Scenario",
): Promise<Role> {
  const a = requireActor(actor);
  const role = await roleIn(store, a.id, scenarioId);
  if (!role) throw notFound(what);
  if (RANK[role] < RANK[min]) {
    throw forbidden(min === "owner" ? "Only owners of this scenario can do that" : "Viewers can read this scenario but not change it");
  }
  return role;
}

export type Entity = "question" | "hypothesis" | "evidence" | "source" | "outcome" | "invite" | "indicator" | "assumption";

export const ENTITY_LABEL: Record<Entity, string> = {
  question: "Question",
  hypothesis: "Hypothesis",
  evidence: "Evidence",
  source: "Source",
  outcome: "Outcome",
  invite: "Invitation",
  indicator: "Indicator",
  assumption: "Assumption",
};

// every write to an entity starts here: one prepared statement per kind of entity
const scenarioOfEntity = preparedFamily(({ db, schema: s, prepare }, entity: Entity) => {
  const table = {
    question: s.questions,
    hypothesis: s.hypotheses,
    evidence: s.evidence,
    source: s.sources,
    outcome: s.outcomes,
    invite: s.invites,
    indicator: s.indicators,
    assumption: s.assumptions,
  }[entity];
  return prepare(db.select({ scenarioId: table.scenarioId }).from(table).where(eq(table.id, sql.placeholder("id"))).limit(1), `scenario_of_${entity}`);
});

/** The scenario an entity lives in; unknown ids are 404 just like ids the actor may not see. */
export async function scenarioOf(store: Store, entity: Entity, id: string): Promise<string> {
  const row = (await scenarioOfEntity(store, entity).execute({ id }))[0];
  if (!row) throw notFound(ENTITY_LABEL[entity]);
  return row.scenarioId;
}

/** Resolve an entity's scenario and check the actor's role there in one step. */
export async function requireEntityRole(
  store: Store,
  actor: Actor | null,
  entity: Entity,
  id: string,
  min: Role,
): Promise<{ scenarioId: string; role: Role }> {
  requireActor(actor);
  const scenarioId = await scenarioOf(store, entity, id);
  const role = await requireRole(store, actor, scenarioId, min, ENTITY_LABEL[entity]);
  return { scenarioId, role };
}
