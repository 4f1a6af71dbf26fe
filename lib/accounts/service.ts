// The signed-in account itself.
import "server-only";
import { eq } from "drizzle-orm";
import type { Store } from "@/db/store";
import { notFound } from "@/lib/errors";
import { requireActor, type Actor } from "@/lib/access/service";

export interface Me {
  id: string;
  name: string;
  email: string;
}

export async function getMe(store: Store, actor: Actor | null): Promise<Me> {
  const a = requireActor(actor);
  const u = (await store.db.select().from(store.schema.user).where(eq(store.schema.user.id, a.id)))[0];
  if (!u) throw notFound("Account");
  return { id: u.id, name: u.name, email: u.email };
}
