// Build the production app for tests when there is no build or a source changed since.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const WATCHED = ["app", "components", "lib", "db", "next.config.js", "package-lock.json", "instrumentation.ts"];

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

export function ensureBuild(): void {
  const buildId = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (process.env.SKIP_BUILD !== "1" && fs.existsSync(buildId)) {
    const built = fs.statSync(buildId).mtimeMs;
    const changed = WATCHED.map((w) => path.join(ROOT, w)).filter(fs.existsSync).some((p) => newestMtime(p) > built);
    if (!changed) return;
  } else if (process.env.SKIP_BUILD === "1") {
    return;
  }
  const started = Date.now();
  console.log("[tests] building the app (next build) …");
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`next build failed:\n${r.stdout}\n${r.stderr}`);
  console.log(`[tests] built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
