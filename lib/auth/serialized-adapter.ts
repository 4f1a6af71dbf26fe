// better-auth writes on the same SQLite connection as our services. An open service
// transaction would otherwise absorb (and could roll back) a concurrent sign-in's
// session row, so every auth write takes the store's transaction lock too (STORE.md).
import type { Store } from "@/db/client";

type AdapterFactory = (options: never) => Record<string, unknown>;

const WRITES = ["create", "update", "updateMany", "delete", "deleteMany", "consumeOne", "incrementOne"] as const;

export function serializedAdapter<F extends AdapterFactory>(store: Store, factory: F): F {
  const wrapped = (options: never) => {
    const adapter = factory(options);
    const out: Record<string, unknown> = { ...adapter };
    for (const name of WRITES) {
      const fn = adapter[name];
      if (typeof fn === "function") {
        out[name] = (...args: unknown[]) => store.tx(async () => (fn as (...a: unknown[]) => Promise<unknown>).apply(adapter, args));
      }
    }
    return out;
  };
  return wrapped as unknown as F;
}
