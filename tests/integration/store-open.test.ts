// A database the server cannot open stops it at start — one clear line, a non-zero exit —
// instead of a server that says "Ready" and then hangs on every request.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../support/ports";

const ROOT = path.resolve(__dirname, "../..");

/** Start the server in `cwd` (it finds its build from its own folder) and wait for it to exit. */
async function start(databaseUrl: string, cwd: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, "scripts/server.mjs")], {
    cwd,
    env: { ...process.env, NODE_ENV: "production", PORT: String(await freePort()), BETTER_AUTH_SECRET: "x".repeat(40), DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { code, output };
}

/** The one line saying why, and nothing like "Ready". */
function expectRefusal(output: string, reason: RegExp) {
  const lines = output.split("\n").filter((l) => l.startsWith("Branchpoint cannot start:"));
  expect(lines, output).toHaveLength(1);
  expect(lines[0], output).toMatch(reason);
  expect(output).not.toMatch(/Branchpoint on http/);
}

describe("a database that cannot be opened", () => {
  it("an unknown scheme is refused by name, and no file appears", async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "branchpoint-cwd-"));
    try {
      for (const url of ["mysql://localhost/branchpoint", "postgres:/nohost/x"]) {
        const { code, output } = await start(url, cwd);
        expect(code).not.toBe(0);
        expectRefusal(output, /DATABASE_URL: must be file:<path> \(SQLite\) or postgres:\/\/… \(PostgreSQL\)/);
      }
      expect(fs.readdirSync(cwd)).toEqual([]);
    } finally {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  }, 60_000);

  it("an unreachable PostgreSQL server is named (without its password)", async () => {
    const port = await freePort();
    const { code, output } = await start(`postgres://app:s3cret@127.0.0.1:${port}/branchpoint`, ROOT);
    expect(code).not.toBe(0);
    expectRefusal(output, new RegExp(`cannot open the PostgreSQL database at postgres://app:\\*\\*\\*@127\\.0\\.0\\.1:${port}/branchpoint: .*ECONNREFUSED`));
    expect(output).not.toContain("s3cret");
  }, 60_000);

  it("a SQLite file in a place that cannot be written is named", async () => {
    const { code, output } = await start("file:/proc/branchpoint/data.db", ROOT);
    expect(code).not.toBe(0);
    expectRefusal(output, /cannot open the SQLite database at \/proc\/branchpoint\/data\.db: /);
  }, 60_000);
});
