#!/usr/bin/env node
// `npm start`: build once if there is no production build, then serve on PORT (default
// 3000) through scripts/server.mjs. The app migrates the database and seeds the demo
// template at start-up.
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
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

// A local install needs no setup: without BETTER_AUTH_SECRET, one is made on the first start
// and kept in data/ (readable by this user only), so sessions survive restarts. The server
// itself refuses to run in production without a secret; deployments set their own.
let secret = process.env.BETTER_AUTH_SECRET;
if (!secret) {
  const file = path.join(root, "data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
    console.log(`Made a session secret for this install in ${path.relative(root, file)}`);
  }
  secret = fs.readFileSync(file, "utf8").trim();
}

console.log(`Database: ${process.env.DATABASE_URL || "file:./data/branchpoint.db"}`);
const server = spawn(process.execPath, [path.join(root, "scripts", "server.mjs")], {
  cwd: root,
  stdio: "inherit",
  env: { NODE_ENV: "production", ...process.env, BETTER_AUTH_SECRET: secret },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
