// People named in an imported scenario get stand-in user rows (they cannot sign in). When
// that person later signs up, the stand-in steps aside: its email is released so the
// sign-up succeeds, and the imported history stays with the stand-in — an import must not
// hand anyone's record to whoever registers the address first.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Store } from "@/db/client";

export async function releaseImportedEmail(store: Store, email: string): Promise<void> {
  const s = store.schema;
  const normalized = email.trim().toLowerCase();
  await store.tx(async (tx) => {
    const stand = (await tx.select().from(s.user).where(and(eq(s.user.email, normalized), eq(s.user.kind, "imported"))))[0];
    if (!stand) return;
    await tx
      .update(s.user)
      .set({ email: `imported.${stand.id}@placeholder.invalid`, updatedAt: store.now() })
      .where(eq(s.user.id, stand.id));
  });
}
