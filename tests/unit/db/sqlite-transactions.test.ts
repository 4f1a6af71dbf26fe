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
