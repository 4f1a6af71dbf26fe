// A real Branchpoint server (scripts/server.mjs in front of the production build) on a free
// port and a temporary database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

export interface RunningServer {
  url: string;
  dbFile: string;
  pid: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerOptions {
  /** Extra environment (wins over the defaults below). */
  env?: Record<string, string>;
  /** Share another server's database file (two instances on one database). */
  dbFile?: string;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? {};
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "branchpoint-test-"));
  const dbFile = options.dbFile ?? path.join(dir, "test.db");
  const url = `http://localhost:${port}`;
  // The server process itself (not npx, which would orphan it when killed).
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, "scripts/server.mjs")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "localhost",
      DATABASE_URL: `file:${dbFile}`,
      BETTER_AUTH_URL: url,
      BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
      // every test talks from this machine's one address and signs up many accounts:
      // no limits here (0); the security tests start servers with limits of their own
      BRANCHPOINT_SIGN_IN_PER_MINUTE: "0",
      BRANCHPOINT_SIGN_UP_PER_HOUR: "0",
      BRANCHPOINT_WRITES_PER_MINUTE: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/v1/scenarios`);
      if (res.status === 401) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not come up within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    url,
    dbFile,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
