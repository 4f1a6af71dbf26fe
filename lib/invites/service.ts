// Invitations: how people join a scenario. An owner makes a link holding a single-use
// secret for a role; whoever opens it signed in joins with that role. Nobody is added by
// typing an email (whoever registered a colleague's address first would receive what was
// shared with it, and the answer would tell whether the address has an account). Only a
// hash of the secret is stored; the link is shown once.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Store } from "@/db/store";
import type { Row } from "@/db/types";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { DomainError } from "@/lib/errors";
import { requireActor, requireRole, roleIn, type Actor, type Role } from "@/lib/access/service";
import { writeScenario } from "@/lib/service/write";
import type { CreateInviteInput } from "./schema";

const DAY_MS = 24 * 3600 * 1000;

export interface InviteOut {
  id: string;
  scenarioId: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  createdBy: string | null;
  createdByName: string | null;
}

/** The reply to creating one: the only time the link (with its secret) is shown. */
export type CreatedInvite = InviteOut & { url: string };

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createInvite(store: Store, actor: Actor | null, scenarioId: string, input: CreateInviteInput): Promise<CreatedInvite> {
  const s = store.schema;
  const token = randomBytes(32).toString("base64url");
  const { row, actorId } = await writeScenario(store, actor, { scenarioId }, "owner", async (w) => {
    const created = (
      await w.tx
        .insert(s.invites)
        .values({
          id: newId(),
          scenarioId,
          role: input.role,
          tokenHash: hash(token),
          createdBy: w.actor.id,
          createdAt: w.now,
          expiresAt: new Date(w.now.getTime() + input.expiresInDays * DAY_MS),
        })
        .returning()
    )[0]!;
    await w.record({
      type: "invite.created",
      entityId: created.id,
      after: { role: created.role, expiresAt: created.expiresAt.toISOString() },
    });
    return { row: created, actorId: w.actor.id };
  });
  const name = (await store.db.select({ name: s.user.name }).from(s.user).where(eq(s.user.id, actorId)))[0]?.name ?? null;
  return { ...inviteOut(row, name), url: `${env().BETTER_AUTH_URL}/invite/${token}` };
}

type InviteRow = Row<"invites">;
const inviteOut = (r: InviteRow, createdByName: string | null): InviteOut => ({
  id: r.id,
  scenarioId: r.scenarioId,
  role: r.role,
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
  createdBy: r.createdBy,
  createdByName,
});

/** Invitations still waiting: not accepted, not revoked, not expired. Owners only. */
export async function listInvites(store: Store, actor: Actor | null, scenarioId: string): Promise<InviteOut[]> {
  await requireRole(store, actor, scenarioId, "owner");
  const s = store.schema;
  const rows = await store.db
    .select({ invite: s.invites, name: s.user.name })
    .from(s.invites)
    .leftJoin(s.user, eq(s.user.id, s.invites.createdBy))
    .where(and(eq(s.invites.scenarioId, scenarioId), isNull(s.invites.acceptedAt), isNull(s.invites.revokedAt), gt(s.invites.expiresAt, store.now())))
    .orderBy(desc(s.invites.createdAt));
  return rows.map((r) => inviteOut(r.invite, r.name));
}

export async function revokeInvite(store: Store, actor: Actor | null, inviteId: string): Promise<void> {
  const s = store.schema;
  // an invite of a scenario the caller is not in does not exist for them (404), a member who
  // is not an owner may not revoke it (403)
  await writeScenario(store, actor, { entity: "invite", id: inviteId }, "owner", async (w) => {
    const current = (await w.tx.select().from(s.invites).where(eq(s.invites.id, inviteId)).limit(1))[0]!;
    if (current.revokedAt || current.acceptedAt) return;
    await w.tx.update(s.invites).set({ revokedAt: w.now, revokedBy: w.actor.id }).where(eq(s.invites.id, inviteId));
    await w.record({ type: "invite.revoked", entityId: inviteId, before: { role: current.role } });
  });
}

const invalid = () =>
  new DomainError("not_found", "This invitation link is not valid: it may have expired, been used already, or been revoked. Ask for a new one.");

async function openInvite(store: Store, token: string): Promise<InviteRow> {
  const s = store.schema;
  const invite = (await store.db.select().from(s.invites).where(eq(s.invites.tokenHash, hash(token))).limit(1))[0];
  if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt.getTime() <= store.now().getTime()) throw invalid();
  return invite;
}

/** What the link offers, for the page that asks "join?": the scenario's title and the role. */
export async function previewInvite(store: Store, actor: Actor | null, token: string): Promise<{ scenarioTitle: string; role: Role; expiresAt: string; member: boolean }> {
  const a = requireActor(actor);
  const invite = await openInvite(store, token);
  const s = store.schema;
  const scenario = (await store.db.select({ title: s.scenarios.title }).from(s.scenarios).where(eq(s.scenarios.id, invite.scenarioId)).limit(1))[0];
  if (!scenario) throw invalid();
  return { scenarioTitle: scenario.title, role: invite.role, expiresAt: invite.expiresAt.toISOString(), member: (await roleIn(store, a.id, invite.scenarioId)) !== null };
}

/** Join with the invitation's role; the link is used up. */
export async function acceptInvite(store: Store, actor: Actor | null, token: string): Promise<{ scenarioId: string; role: Role }> {
  requireActor(actor);
  const s = store.schema;
  const tokenHash = hash(token);
  const found = (await store.db.select({ scenarioId: s.invites.scenarioId }).from(s.invites).where(eq(s.invites.tokenHash, tokenHash)).limit(1))[0];
  if (!found) throw invalid();
  // the link is the authority here, not a role: the actor joins by it
  return writeScenario(store, actor, { scenarioId: found.scenarioId }, null, async (w) => {
    const { tx } = w;
    const a = w.actor;
    const invite = (await tx.select().from(s.invites).where(eq(s.invites.tokenHash, tokenHash)).limit(1))[0];
    if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt.getTime() <= w.now.getTime()) throw invalid();
    const existing = (await tx.select({ role: s.members.role }).from(s.members).where(and(eq(s.members.scenarioId, invite.scenarioId), eq(s.members.userId, a.id))))[0];
    if (existing) {
      throw new DomainError("conflict", `You are already a member of this scenario (as ${existing.role}); the invitation is left for someone else`);
    }
    const now = w.now;
    // a conditional update: of two people racing for one link, exactly one wins
    const claimed = await tx
      .update(s.invites)
      .set({ acceptedAt: now, acceptedBy: a.id })
      .where(and(eq(s.invites.id, invite.id), isNull(s.invites.acceptedAt), isNull(s.invites.revokedAt)))
      .returning({ id: s.invites.id });
    if (claimed.length === 0) throw invalid();
    await tx.insert(s.members).values({ scenarioId: invite.scenarioId, userId: a.id, role: invite.role, createdAt: now, updatedAt: now });
    await w.record({ type: "member.joined", entityId: a.id, after: { role: invite.role, inviteId: invite.id } });
    return { scenarioId: invite.scenarioId, role: invite.role };
  });
}
