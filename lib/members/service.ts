// Members and roles: people join by invitation (lib/invites); owners change roles and
// remove members. A scenario always keeps at least one owner.
import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import type { Store } from "@/db/store";
import { notFound, unprocessable } from "@/lib/errors";
import { requireRole, type Actor, type Role } from "@/lib/access/service";
import { writeScenario } from "@/lib/service/write";
import type { PatchMemberInput } from "./schema";

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  since: string;
}

async function memberRows(store: Store, scenarioId: string, userId?: string): Promise<Member[]> {
  const s = store.schema;
  const rows = await store.db
    .select({ userId: s.members.userId, email: s.user.email, name: s.user.name, role: s.members.role, since: s.members.createdAt })
    .from(s.members)
    .innerJoin(s.user, eq(s.user.id, s.members.userId))
    .where(and(eq(s.members.scenarioId, scenarioId), userId ? eq(s.members.userId, userId) : undefined))
    .orderBy(asc(s.members.createdAt));
  return rows.map((r) => ({ ...r, since: r.since.toISOString() }));
}

export async function listMembers(store: Store, actor: Actor | null, scenarioId: string): Promise<Member[]> {
  await requireRole(store, actor, scenarioId, "viewer");
  return memberRows(store, scenarioId);
}

async function ownerCount(store: Store, scenarioId: string): Promise<number> {
  const s = store.schema;
  const rows = await store.db
    .select({ n: count() })
    .from(s.members)
    .where(and(eq(s.members.scenarioId, scenarioId), eq(s.members.role, "owner")));
  return rows[0]?.n ?? 0;
}

async function existingMember(store: Store, scenarioId: string, userId: string): Promise<Member> {
  const m = (await memberRows(store, scenarioId, userId))[0];
  if (!m) throw notFound("Member");
  return m;
}

export async function changeRole(
  store: Store,
  actor: Actor | null,
  scenarioId: string,
  userId: string,
  input: PatchMemberInput,
): Promise<Member> {
  const s = store.schema;
  return writeScenario(store, actor, { scenarioId }, "owner", async (w) => {
    const before = await existingMember(store, scenarioId, userId);
    if (before.role === input.role) return before;
    if (before.role === "owner" && (await ownerCount(store, scenarioId)) <= 1) {
      throw unprocessable("A scenario needs at least one owner; make someone else owner first", [
        { path: "role", message: "last owner cannot be demoted" },
      ]);
    }
    await w.tx
      .update(s.members)
      .set({ role: input.role, updatedAt: w.now })
      .where(and(eq(s.members.scenarioId, scenarioId), eq(s.members.userId, userId)));
    await w.record({
      type: "member.role_changed",
      entityId: userId,
      before: { email: before.email, role: before.role },
      after: { email: before.email, role: input.role },
    });
    return { ...before, role: input.role };
  });
}

export async function removeMember(store: Store, actor: Actor | null, scenarioId: string, userId: string): Promise<void> {
  const s = store.schema;
  await writeScenario(store, actor, { scenarioId }, "owner", async (w) => {
    const before = await existingMember(store, scenarioId, userId);
    if (before.role === "owner" && (await ownerCount(store, scenarioId)) <= 1) {
      throw unprocessable("A scenario needs at least one owner; make someone else owner first", [
        { path: "userId", message: "last owner cannot be removed" },
      ]);
    }
    // The membership row goes; the event keeps who had which role until when.
    await w.tx.delete(s.members).where(and(eq(s.members.scenarioId, scenarioId), eq(s.members.userId, userId)));
    await w.record({
      type: "member.removed",
      entityId: userId,
      before: { email: before.email, role: before.role },
    });
  });
}

export interface Person {
  id: string;
  name: string;
  /** Whether they are a member now (people from an import, or removed members, are not). */
  member: boolean;
}

/**
 * Everyone who appears in a scenario: its members, and anyone who acted in it — removed
 * members, and the stand-ins an import or a demo copy brings. For filters and pickers.
 */
export async function listPeople(store: Store, actor: Actor | null, scenarioId: string): Promise<Person[]> {
  await requireRole(store, actor, scenarioId, "viewer");
  const s = store.schema;
  const [members, actors] = await Promise.all([
    memberRows(store, scenarioId),
    // events_scenario_at_idx (scenario_id, at)
    store.db
      .selectDistinct({ id: s.user.id, name: s.user.name })
      .from(s.events)
      .innerJoin(s.user, eq(s.user.id, s.events.actorId))
      .where(eq(s.events.scenarioId, scenarioId)),
  ]);
  const out = new Map<string, Person>(members.map((m) => [m.userId, { id: m.userId, name: m.name, member: true }]));
  for (const a of actors) if (!out.has(a.id)) out.set(a.id, { id: a.id, name: a.name, member: false });
  return [...out.values()].sort((x, y) => Number(y.member) - Number(x.member) || x.name.localeCompare(y.name));
}
