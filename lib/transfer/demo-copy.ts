// Every account can try the demo: "Open a copy of the demo" gives the caller a private
// copy of the seeded demo template, made through the import path (the same rules as any
// import: new ids, timestamps kept, the caller its sole owner, the demo analysts stand-ins).
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Store } from "@/db/store";
import { requireActor, type Actor } from "@/lib/access/service";
import { notFound } from "@/lib/errors";
import { scenarioDocument } from "./export";
import { importScenario, type ImportResult } from "./import";

export async function copyDemo(store: Store, actor: Actor | null): Promise<ImportResult> {
  const a = requireActor(actor);
  const s = store.schema;
  const template = (
    await store.db
      .select({ id: s.scenarios.id })
      .from(s.scenarios)
      .where(and(eq(s.scenarios.template, true), eq(s.scenarios.isDemo, true)))
      .limit(1)
  )[0];
  if (!template) throw notFound("Demo scenario (this instance was started without it)");
  return importScenario(store, a, await scenarioDocument(store, template.id), { demo: true });
}
