// The hot paths over HTTP against the production build, on SQLite (as npm start runs) and
// then on PostgreSQL (one instance): 16 clients, in interleaved rounds, on each of
//   - the floor: an unauthenticated /api/v1 reply (401), the cost of Next and our wrapper alone;
//   - reading the demo scenario;
//   - recording an estimate;
// with throughput and latencies beside the floor's. Targets: ≥ 0.6× the floor's throughput,
// p99 ≤ 2× the floor's.
import { ensureBuild } from "../tests/support/build";
import { ApiClient } from "../tests/support/client";
import { authPost, TEST_PASSWORD, uniqueEmail } from "../tests/support/accounts";
import { startServer } from "../tests/support/server";
import { benchEngines, scratchDatabase, type Engine } from "./engines";

const CLIENTS = 16;
// Each phase runs ROUNDS times for SECONDS, the three interleaved (floor, read, write, floor, …):
// on a shared machine the throughput drifts over a minute, and a ratio is only fair between
// phases run side by side. The figures pool every round; the per-round ratios show the spread.
const ROUNDS = 4;
const SECONDS = 4;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

interface Phase {
  times: number[];
  bad: number;
  /** Requests per second of each round. */
  rounds: number[];
}

const newPhase = (): Phase => ({ times: [], bad: 0, rounds: [] });

async function load(phase: Phase, run: () => Promise<boolean>): Promise<void> {
  const times = phase.times;
  const before = times.length;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        const ok = await run();
        times.push(performance.now() - t);
        if (!ok) phase.bad++;
      }
    }),
  );
  phase.rounds.push((times.length - before) / SECONDS);
}

const summary = (p: Phase) => ({ rps: p.times.length / (SECONDS * p.rounds.length), p50: percentile(p.times, 50), p99: percentile(p.times, 99), bad: p.bad });

export async function hotPaths(): Promise<void> {
  ensureBuild();
  for (const engine of benchEngines()) {
    const database = await scratchDatabase(engine);
    try {
      await hotPathsOn(engine, database.url);
    } finally {
      database.dispose();
    }
  }
}

const ENGINE_NAMES: Record<Engine, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };

async function hotPathsOn(engine: Engine, databaseUrl: string): Promise<void> {
  // writes are counted against their author's limit as in production (test servers turn the
  // limit off), with a limit no client reaches
  const server = await startServer({ databaseUrl, env: { BRANCHPOINT_WRITES_PER_MINUTE: "1000000000" } });
  try {
    const users: ApiClient[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const c = new ApiClient(server.url);
      const res = await authPost(c, "/api/auth/sign-up/email", { email: uniqueEmail(`hot${i}`), password: TEST_PASSWORD, name: `Hot ${i}` });
      if (res.status !== 200) throw new Error(`sign-up failed: ${res.status}`);
      users.push(c);
    }
    // each client its own copy of the demo (no contention on one scenario's lock)
    const demos = await Promise.all(users.map(async (u) => (await u.post("/api/v1/scenarios/demo")).body));
    let next = 0;
    const client = () => {
      const i = next++ % CLIENTS;
      return { u: users[i]!, demo: demos[i]! };
    };
    const raw = (path: string, init: RequestInit = {}) => fetch(server.url + path, init).then(async (r) => (await r.arrayBuffer(), r.status));

    // warm every route once
    for (let i = 0; i < 3; i++) {
      await raw("/api/v1/me");
      const { u, demo } = client();
      await u.get(`/api/v1/scenarios/${demo.id}`);
    }
    const phases = { floor: newPhase(), read: newPhase(), write: newPhase() };
    const floorCall = async () => (await raw("/api/v1/me")) === 401;
    const readCall = async () => {
      const { u, demo } = client();
      return (await raw(`/api/v1/scenarios/${demo.id}`, { headers: { cookie: u.cookie } })) === 200;
    };
    const writeCall = async () => {
      const { u, demo } = client();
      const q = demo.questions[0];
      const open = q.hypotheses.filter((h: { status: string }) => h.status === "open");
      const probabilities = Object.fromEntries(open.map((h: { id: string }, k: number) => [h.id, k === 0 ? 1 - (open.length - 1) * 0.1 : 0.1]));
      return (
        (await raw(`/api/v1/questions/${q.id}/estimates`, {
          method: "POST",
          headers: { cookie: u.cookie, origin: server.url, "content-type": "application/json" },
          body: JSON.stringify({ probabilities, rationale: "bench" }),
        })) === 201
      );
    };
    // one round of each first, not counted: until the JIT has compiled every path the floor
    // (the simplest) speeds up the most, and a cold first round flattered the ratios
    const warm = newPhase();
    for (const call of [floorCall, readCall, writeCall]) await load(warm, call);
    for (let r = 0; r < ROUNDS; r++) {
      await load(phases.floor, floorCall);
      await load(phases.read, readCall);
      await load(phases.write, writeCall);
    }
    const floor = summary(phases.floor);
    const read = summary(phases.read);
    const write = summary(phases.write);
    const perRound = (p: Phase) => p.rounds.map((rps, i) => (rps / phases.floor.rounds[i]!).toFixed(2)).join(" ");

    const line = (name: string, r: typeof floor, target: string) =>
      `  ${name.padEnd(28)}${r.rps.toFixed(0).padStart(7)} req/s ${(r.rps / floor.rps).toFixed(2).padStart(6)}×   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms ${(r.p99 / floor.p99).toFixed(2).padStart(5)}×   ${target}${r.bad ? `   (${r.bad} unexpected statuses)` : ""}`;
    console.log(`\nHot paths over HTTP — ${CLIENTS} clients, ${ROUNDS} interleaved rounds of ${SECONDS} s per path (${ENGINE_NAMES[engine]}, production build)`);
    console.log(line("floor: GET /api/v1/me → 401", floor, ""));
    console.log(line("GET /scenarios/{demo}", read, `target ≥ 0.60× and p99 ≤ 2×   rounds: ${perRound(phases.read)}`));
    console.log(line("POST /questions/{id}/estimates", write, `target ≥ 0.60× and p99 ≤ 2×   rounds: ${perRound(phases.write)}`));
  } finally {
    await server.stop();
  }
}
