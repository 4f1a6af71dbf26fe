// SQLite's transactions are queued in process and committed in groups (db/dialect/sqlite.ts).
// What callers must still be able to count on: one caller's failure undoes only its own
// writes, a reply comes only once its row is on disk, nested calls join, the caller's async
// context reaches its body, and a busy database refuses one caller without stalling the rest.
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { openSqliteStore, type SqliteStore } from "@/db/dialect/sqlite";

let dir: string;
let store: SqliteStore;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "branchpoint-tx-"));
  file = path.join(dir, "t.db");
  store = openSqliteStore(`file:${file}`);
  store.connection.exec("create table notes (n integer primary key, body text not null)");
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A long transaction (alone) that writes note `n`, then waits until fail() is called and
 * throws: held open, as an import is between its chunks.
 */
function failingLongTransaction(n: number) {
  let fail!: () => void;
  const held = new Promise<void>((resolve) => (fail = resolve));
  const done = store.tx(
    async () => {
      insert(n);
      await held;
      throw new Error("refused");
    },
    { alone: true },
  );
  return { done, fail };
}

/** One turn of the event loop: a write that did not wait for its turn has been made by then. */
const oneTurn = () => new Promise((resolve) => setImmediate(resolve));

const insert = (n: number) => store.connection.prepare("insert into notes (n, body) values (?, ?)").run(n, `note ${n}`);
const stored = (conn: Database.Database = store.connection) => (conn.prepare("select n from notes order by n").all() as { n: number }[]).map((r) => r.n);

describe("SQLite transactions committed in groups", () => {
  it("of 20 callers at once, the one that fails loses only its own write and hears its own error", async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        store.tx(async () => {
          insert(i);
          if (i === 7) throw new Error("caller 7 refused");
          return `caller ${i}`;
        }),
      ),
    );
    expect(outcomes[7]).toEqual({ status: "rejected", reason: new Error("caller 7 refused") });
    expect(outcomes.filter((o, i) => i !== 7)).toEqual(Array.from({ length: 19 }, (_, k) => ({ status: "fulfilled", value: `caller ${k < 7 ? k : k + 1}` })));
    expect(stored()).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it("when one caller's error ends the whole transaction (a full disk), the others still land", async () => {
    const pages = store.connection.pragma("page_count", { simple: true }) as number;
    store.connection.pragma(`max_page_count = ${pages + 5}`);
    const outcomes = await Promise.allSettled([
      store.tx(async () => insert(1)),
      store.tx(async () => store.connection.prepare("insert into notes (n, body) values (2, ?)").run("x".repeat(1_000_000))),
      store.tx(async () => insert(3)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: "SQLITE_FULL" });
    expect(stored()).toEqual([1, 3]);
  });

  it("a caller hears of success only once its row can be read by another connection", async () => {
    const other = new Database(file, { readonly: true });
    try {
      const seen = await Promise.all(Array.from({ length: 10 }, (_, i) => store.tx(async () => insert(i)).then(() => stored(other).includes(i))));
      expect(seen).toEqual(Array(10).fill(true));
    } finally {
      other.close();
    }
  });

  it("a nested call joins the open transaction, and goes with it when the outer one fails", async () => {
    await expect(
      store.tx(async () => {
        insert(1);
        const inner = await store.tx(async () => (insert(2), stored()));
        expect(inner).toEqual([1, 2]);
        throw new Error("outer fails");
      }),
    ).rejects.toThrow("outer fails");
    await store.tx(async () => insert(3));
    expect(stored()).toEqual([3]);
  });

  it("a long transaction is committed by itself: the write queued before it is on disk while it still runs", async () => {
    const other = new Database(file, { readonly: true });
    try {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const short = store.tx(async () => insert(1));
      const long = store.tx(
        async () => {
          insert(2);
          await gate;
          insert(3);
        },
        { alone: true },
      );
      const next = store.tx(async () => insert(4));
      // grouped with the long one, this would wait for the gate, which nothing opens
      await short;
      expect(stored(other)).toEqual([1]);
      release();
      await Promise.all([long, next]);
      expect(stored(other)).toEqual([1, 2, 3, 4]);
    } finally {
      other.close();
    }
  });

  it("a sign-up during a long transaction is not absorbed into it (nor rolled back with it)", async () => {
    const adapter = store.wrapAuthAdapter(
      drizzleAdapter(store.db, { provider: "sqlite", schema: { user: store.schema.user, session: store.schema.session, account: store.schema.account, verification: store.schema.verification } }),
    )({} as never) as unknown as { transaction<R>(cb: (trx: { create(x: unknown): Promise<unknown> }) => Promise<R>): Promise<R> };
    const long = failingLongTransaction(1);
    await expect.poll(() => stored()).toEqual([1]); // the long one is open, waiting
    const now = new Date();
    const signedUp = adapter.transaction((trx) =>
      trx.create({ model: "user", data: { id: "u1", name: "Ann", email: "ann@example.com", emailVerified: false, createdAt: now, updatedAt: now } }),
    );
    await oneTurn();
    long.fail();
    await expect(long.done).rejects.toThrow("refused");
    await signedUp;
    expect(stored()).toEqual([]);
    expect(store.connection.prepare("select email from user").all()).toEqual([{ email: "ann@example.com" }]);
  });

  it("work a body leaves running takes its own turn later, not a place in whatever transaction is open", async () => {
    let go!: () => void;
    const gate = new Promise<void>((resolve) => (go = resolve));
    let leftover!: Promise<unknown>;
    await store.tx(async () => {
      insert(1);
      leftover = gate.then(() => store.tx(async () => insert(2)));
    });
    const long = failingLongTransaction(3);
    await expect.poll(() => stored()).toEqual([1, 3]);
    go();
    await oneTurn();
    long.fail();
    await expect(long.done).rejects.toThrow("refused");
    await leftover;
    expect(stored()).toEqual([1, 2]);
  });

  it("the body runs in its caller's async context", async () => {
    const request = new AsyncLocalStorage<string>();
    const seen = await Promise.all(["a", "b", "c"].map((id) => request.run(id, () => store.tx(async () => request.getStore()))));
    expect(seen).toEqual(["a", "b", "c"]);
  });

  it("while another process holds the write lock, a caller is refused and the next one still lands", async () => {
    store.connection.pragma("busy_timeout = 50");
    const other = new Database(file);
    try {
      other.exec("BEGIN IMMEDIATE");
      await expect(store.tx(async () => insert(1))).rejects.toMatchObject({ code: "SQLITE_BUSY" });
      other.exec("COMMIT");
      await store.tx(async () => insert(2));
      expect(stored()).toEqual([2]);
    } finally {
      other.close();
    }
  });
});
