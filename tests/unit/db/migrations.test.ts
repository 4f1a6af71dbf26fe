// The committed migrations must be what drizzle-kit would generate from the schema today, for
// both engines: a schema change without its migration (or a hand-edited one) fails here.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");

const engines = [
  { name: "SQLite", dialect: "sqlite", schema: "db/schema/sqlite.ts", folder: "db/migrations/sqlite" },
  { name: "PostgreSQL", dialect: "postgresql", schema: "db/schema/pg.ts", folder: "db/migrations/pg" },
] as const;

const files = (dir: string): string[] =>
  fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();

describe("committed migrations", () => {
  for (const e of engines) {
    it(`${e.name}: drizzle-kit finds nothing to generate`, () => {
      // drizzle-kit takes `--out` relative to the working directory
      fs.mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
      const out = path.relative(ROOT, fs.mkdtempSync(path.join(ROOT, "test-results/migrations-")));
      try {
        fs.cpSync(path.join(ROOT, e.folder), path.join(ROOT, out), { recursive: true });
        const before = files(path.join(ROOT, out));
        const run = spawnSync(process.execPath, [path.join(ROOT, "node_modules/drizzle-kit/bin.cjs"), "generate", "--dialect", e.dialect, "--schema", e.schema, "--out", out], {
          cwd: ROOT,
          encoding: "utf8",
        });
        // drizzle-kit exits 0 even when it fails: its words say which
        expect(run.status, run.stderr || run.stdout).toBe(0);
        expect(`${run.stdout}${run.stderr}`).toContain("No schema changes, nothing to migrate");
        expect(files(path.join(ROOT, out)), "a schema change needs its migration: npm run db:generate").toEqual(before);
      } finally {
        fs.rmSync(path.join(ROOT, out), { recursive: true, force: true });
      }
    }, 60_000);
  }
});
