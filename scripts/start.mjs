#!/usr/bin/env node
// `npm start`: build once if there is no production build, then serve on PORT (default
// 3000). The server migrates the database and seeds the demo on an empty one at start-up.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
  console.log("No production build yet: running `next build` (about a minute) …");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT || "3000";
const host = process.env.HOST || "localhost";
console.log(`Branchpoint on http://${host}:${port} (database: ${process.env.DATABASE_URL || "file:./data/branchpoint.db"})`);
const server = spawn(process.execPath, [nextBin, "start", "-p", port, "-H", host], { cwd: root, stdio: "inherit", env: process.env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
