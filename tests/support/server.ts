// A real Branchpoint server (scripts/server.mjs in front of the production build) on a free
// port and a fresh database of the project's engine (tests/support/database.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { freshDatabase } from "./database";
import { freePort } from "./ports";

export { freePort };

const ROOT = path.resolve(__dirname, "../..");

export interface RunningServer {
  url: string;
  /** The server's DATABASE_URL. */
  databaseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Extra environment (wins over the defaults below). */
  env?: Record<string, string>;
  /** Share another server's database (two instances on one database). */
  databaseUrl?: string;
  /** Extra flags for node itself (say, --cpu-prof for the bench's profile). */
  nodeArgs?: string[];
  /** Listen here rather than on a free port (a test that must know the URL in advance). */
  port?: number;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? {};
  const port = options.port ?? (await freePort());
  const own = options.databaseUrl ? null : await freshDatabase();
  const databaseUrl = options.databaseUrl ?? own!.url;
  const url = `http://localhost:${port}`;
  // The server process itself (not npx, which would orphan it when killed).
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), path.join(ROOT, "scripts/server.mjs")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "localhost",
      DATABASE_URL: databaseUrl,
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
  // everything the server prints goes to test-results/servers/, for reading after a failure
  const logDir = path.join(ROOT, "test-results/servers");
  fs.mkdirSync(logDir, { recursive: true });
  const log = fs.createWriteStream(path.join(logDir, `${new URL(databaseUrl).protocol.replace(":", "")}-${port}.log`));
  let output = "";
  const keep = (d: Buffer) => {
    output += d;
    log.write(d);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.once("exit", () => log.end());

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
    databaseUrl,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      own?.dispose();
    },
  };
}
