// Does a large import stall everyone else? Starts the real server (production build, default
// limits), has user B read GET /api/v1/me in a loop — first alone (the baseline), then while
// user A imports the largest document the limits allow — and prints B's latencies for both
// beside each other, the import's own time, and the server's peak memory.
import fs from "node:fs";
import { ensureBuild } from "../tests/support/build";
import { startServer } from "../tests/support/server";
import { signUp } from "../tests/support/accounts";

const MAX_ROWS = 20_000;
const MAX_BYTES = 10_000_000;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

async function readLoop(url: string, cookie: string, stop: () => boolean, concurrency = 2): Promise<number[]> {
  const times: number[] = [];
  const worker = async () => {
    while (!stop()) {
      const t = performance.now();
      const res = await fetch(`${url}/api/v1/me`, { headers: { cookie } });
      await res.text();
      times.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return times;
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

export async function importStall(): Promise<void> {
  ensureBuild();
  const server = await startServer({ env: { BRANCHPOINT_IMPORT_MAX_ROWS: String(MAX_ROWS), BRANCHPOINT_IMPORT_MAX_BYTES: String(MAX_BYTES) } });
  try {
    const [a, b] = [await signUp(server.url, "Importer"), await signUp(server.url, "Reader")];
    const scenario = (await a.post("/api/v1/scenarios", { title: "Big import" })).body;
    const doc = (await a.get(`/api/v1/scenarios/${scenario.id}/export`)).body;
    // the largest document the limits allow: evidence items with one version each
    const at = doc.scenario.createdAt;
    const pad = "x".repeat(180);
    for (let i = 0; doc.evidence.length * 2 + doc.events.length + 3 < MAX_ROWS - 2; i++) {
      const summary = `Observation ${i} ${pad}`;
      const grading = { summary, excerpt: null, sourceId: null, occurredAt: null, reliability: "C", credibility: 3, tags: ["bulk"] };
      doc.evidence.push({ id: `e-${i}`, ...grading, version: 1, createdBy: null, createdAt: at, updatedAt: at, retractedAt: null, retractReason: null, retractedBy: null, versions: [{ version: 1, ...grading, editedBy: null, createdAt: at }] });
    }
    const body = JSON.stringify(doc);
    const rows = doc.evidence.length * 2 + doc.events.length + 1;

    let done = false;
    setTimeout(() => (done = true), 3_000);
    const alone = await readLoop(server.url, b.cookie, () => done);

    let importing = true;
    const during = readLoop(server.url, b.cookie, () => !importing);
    const t = performance.now();
    const res = await fetch(`${server.url}/api/v1/scenarios/import`, { method: "POST", body, headers: { cookie: a.cookie, origin: server.url, "content-type": "application/json" } });
    await res.text();
    const importMs = performance.now() - t;
    importing = false;
    const busy = await during;

    const fmt = (xs: number[]) => `${xs.length.toString().padStart(6)} reads   p50 ${percentile(xs, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(xs, 99).toFixed(1).padStart(7)} ms   max ${Math.max(...xs).toFixed(1).padStart(7)} ms`;
    console.log(`\nImport stall — ${rows.toLocaleString("en-GB")} rows, ${(body.length / 1e6).toFixed(1)} MB (limits ${MAX_ROWS.toLocaleString("en-GB")} rows, ${MAX_BYTES / 1e6} MB); import answered ${res.status} in ${importMs.toFixed(0)} ms`);
    console.log(`  another user's GET /api/v1/me, alone          ${fmt(alone)}`);
    console.log(`  another user's GET /api/v1/me, during import  ${fmt(busy)}   (target p99 < 500 ms)`);
    console.log(`  server peak memory ${peakRssMb(server.pid).toFixed(0)} MB`);
  } finally {
    await server.stop();
  }
}
