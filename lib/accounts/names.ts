// People's display names by id, for the views that show who did what: one prepared read per
// slice of ids (db/prepared.ts preparedIn). Ids of deleted accounts are simply absent.
import "server-only";
import { inArray } from "drizzle-orm";
import { preparedIn } from "@/db/prepared";
import type { Store } from "@/db/store";

const byIds = preparedIn("user_names", ({ db, schema: s }, ids) => db.select({ id: s.user.id, name: s.user.name }).from(s.user).where(inArray(s.user.id, ids)));

export async function userNames(store: Store, ids: readonly string[]): Promise<Map<string, string>> {
  return new Map((await byIds.rows(store, [...new Set(ids)])).map((u) => [u.id, u.name]));
}
