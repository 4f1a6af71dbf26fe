// The process-wide store: opened (and migrated, and seeded when empty) once per server.
// Kept on globalThis because Next bundles instrumentation and routes separately.
import "server-only";
import { openStore, type Store } from "@/db/client";
import { seedDemoTemplate } from "@/db/seed";
import { env } from "@/lib/env";

const KEY = Symbol.for("branchpoint.store");
type Holder = { [KEY]?: Promise<Store> };

export function getStore(): Promise<Store> {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    g[KEY] = (async () => {
      const store = openStore(env().DATABASE_URL);
      if (env().BRANCHPOINT_SEED === "on") await seedDemoTemplate(store);
      return store;
    })();
    g[KEY].catch(() => {
      delete g[KEY];
    });
  }
  return g[KEY];
}
