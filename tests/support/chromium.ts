// The browser tests drive Debian's Chromium. On a machine without it, install it when we can
// (as root, with apt-get), else stop the run at once with one line saying what to install —
// rather than let every browser test fail on its own.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM)) return;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const apt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!process.env.CHROMIUM_PATH && root && apt) {
    console.log("[tests] installing Debian's chromium for the browser tests …");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const install = update.status === 0 ? spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env }) : update;
    if (install.status === 0 && fs.existsSync(CHROMIUM)) return;
  }
  throw new Error(
    `The browser tests need Chromium at ${CHROMIUM}: install Debian's package (sudo apt-get install chromium), or set CHROMIUM_PATH to a Chromium binary.`,
  );
}
