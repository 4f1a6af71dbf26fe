// Invitations: how people join a scenario. An owner makes a link holding a single-use
// secret for a role; whoever opens it signed in joins with that role. Nobody is added by
// typing an email (whoever registered a colleague's address first would receive what was
// shared with it, and the answer would tell whether the address has an account). Only a
// hash of the secret is stored; the link is shown once.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Store } from "@/db/client";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { DomainError, notFound } from "@/lib/errors";
import { requireActor, requireRole, roleIn, type Actor, type Role } from "@/lib/access/service";
import { recordEvent } from "@/lib/audit/service";
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
  await requireRole(store, actor, scenarioId, "owner");
  const s = store.schema;
  const token = randomBytes(32).toString("base64url");
  const now = store.now();
  const row = await store.tx(async (tx) => {
    const created = (
      await tx
        .insert(s.invites)
        .values({
          id: newId(),
          scenarioId,
          role: input.role,
          tokenHash: hash(token),
          createdBy: actor!.id,
          createdAt: now,
          expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
        })
        .returning()
    )[0]!;
    await recordEvent(store, tx, {
      scenarioId,
      actorId: actor!.id,
      type: "invite.created",
      entityId: created.id,
      after: { role: created.role, expiresAt: created.expiresAt.toISOString() },
    });
    return created;
  });
  const name = (await store.db.select({ name: s.user.name }).from(s.user).where(eq(s.user.id, actor!.id)))[0]?.name ?? null;
  return { ...inviteOut(row, name), url: `${env().BETTER_AUTH_URL}/invite/${token}` };
}

type InviteRow = typeof import("@/db/schema/sqlite").invites.$inferSelect;
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
  const a = requireActor(actor);
  const s = store.schema;
  const invite = (await store.db.select().from(s.invites).where(eq(s.invites.id, inviteId)).limit(1))[0];
  // an invite of a scenario the caller is not in does not exist for them
  if (!invite || (await roleIn(store, a.id, invite.scenarioId)) === null) throw notFound("Invitation");
  await requireRole(store, a, invite.scenarioId, "owner", "Invitation");
  await store.tx(async (tx) => {
    const current = (await tx.select().from(s.invites).where(eq(s.invites.id, inviteId)).limit(1))[0]!;
    if (current.revokedAt || current.acceptedAt) return;
    await tx.update(s.invites).set({ revokedAt: store.now(), revokedBy: a.id }).where(eq(s.invites.id, inviteId));
    await recordEvent(store, tx, { scenarioId: invite.scenarioId, actorId: a.id, type: "invite.revoked", entityId: inviteId, before: { role: invite.role } });
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
  const a = requireActor(actor);
  const s = store.schema;
  const tokenHash = hash(token);
  return store.tx(async (tx) => {
    const invite = (await tx.select().from(s.invites).where(eq(s.invites.tokenHash, tokenHash)).limit(1))[0];
    if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt.getTime() <= store.now().getTime()) throw invalid();
    const existing = (await tx.select({ role: s.members.role }).from(s.members).where(and(eq(s.members.scenarioId, invite.scenarioId), eq(s.members.userId, a.id))))[0];
    if (existing) {
      throw new DomainError("conflict", `You are already a member of this scenario (as ${existing.role}); the invitation is left for someone else`);
    }
    const now = store.now();
    // a conditional update: of two people racing for one link, exactly one wins
    const claimed = await tx
      .update(s.invites)
      .set({ acceptedAt: now, acceptedBy: a.id })
      .where(and(eq(s.invites.id, invite.id), isNull(s.invites.acceptedAt), isNull(s.invites.revokedAt)))
      .returning({ id: s.invites.id });
    if (claimed.length === 0) throw invalid();
    await tx.insert(s.members).values({ scenarioId: invite.scenarioId, userId: a.id, role: invite.role, createdAt: now, updatedAt: now });
    await recordEvent(store, tx, { scenarioId: invite.scenarioId, actorId: a.id, type: "member.joined", entityId: a.id, after: { role: invite.role, inviteId: invite.id } });
    return { scenarioId: invite.scenarioId, role: invite.role };
  });
}
