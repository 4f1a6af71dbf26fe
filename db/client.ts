// openStore(DATABASE_URL): the one way the app reaches its data (docs/store.md). The URL's
// scheme picks the engine; anything that cannot be opened fails here, at start, with a
// message that says what and where.
import type { Store } from "./store";

export type { Store } from "./store";
export { withClock } from "./store";
export { engineOf, redactUrl } from "./url";
import { engineOf } from "./url";

export interface OpenOptions {
  /** PostgreSQL: connections in this instance's pool. */
  poolSize?: number;
}

export async function openStore(url: string, options: OpenOptions = {}): Promise<Store> {
  switch (engineOf(url)) {
    case "postgres": {
      const { openPgStore } = await import("./dialect/pg");
      // the pool connects lazily: openPgStore migrates first, so an unreachable server fails here
      return openPgStore(url, options);
    }
    case "sqlite": {
      const { openSqliteStore, sqlitePathFromUrl } = await import("./dialect/sqlite");
      try {
        return openSqliteStore(url);
      } catch (err) {
        throw new Error(`cannot open the SQLite database at ${sqlitePathFromUrl(url)}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    default:
      throw new Error(`DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL); got "${url.split(":")[0]}:…"`);
  }
}
