// The process-wide store: opened (and migrated, and seeded when empty) once per server.
// Kept on globalThis because Next bundles instrumentation and routes separately.
import "server-only";
import { openStore } from "@/db/client";
import type { Store } from "@/db/store";
import { seedDemoTemplate } from "@/db/seed";
import { env } from "@/lib/env";

const KEY = Symbol.for("branchpoint.store");
type Holder = { [KEY]?: Promise<Store> };

export function getStore(): Promise<Store> {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    g[KEY] = (async () => {
      const e = env();
      const store = await openStore(e.DATABASE_URL, { poolSize: e.BRANCHPOINT_DB_POOL_SIZE });
      if (e.BRANCHPOINT_SEED === "on") await seedDemoTemplate(store);
      return store;
    })();
    g[KEY].catch(() => {
      delete g[KEY];
    });
  }
  return g[KEY];
}
