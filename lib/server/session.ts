// The signed-in user for server components: resolved from the session cookie
// (lib/auth/session.ts), checked again by every service the page calls.
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getStore } from "@/lib/server/store";
import { sessionActor } from "@/lib/auth/session";
import { getMe, type Me } from "@/lib/accounts/service";
import type { Store } from "@/db/store";
import type { Actor } from "@/lib/access/service";

export interface Viewer {
  store: Store;
  actor: Actor;
  user: Me;
}

export async function currentViewer(): Promise<Viewer | null> {
  const store = await getStore();
  const actor = await sessionActor(store, await headers());
  if (!actor) return null;
  return { store, actor, user: await getMe(store, actor) };
}

/** For pages that need a session: send everyone else to sign in, then back here. */
export async function requireViewer(next: string): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  return viewer;
}
