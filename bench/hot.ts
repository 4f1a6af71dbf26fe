// The hot paths over HTTP, in one run against the production build (SQLite, like npm start):
// 16 clients for 8 s on each of — the floor (an unauthenticated /api/v1 reply, 401: the cost
// of Next and our wrapper alone), reading the demo scenario, and recording an estimate —
// with throughput and latencies beside the floor's. Targets: ≥ 0.6× the floor's throughput,
// p99 ≤ 2× the floor's.
import { ensureBuild } from "../tests/support/build";
import { ApiClient } from "../tests/support/client";
import { authPost, TEST_PASSWORD, uniqueEmail } from "../tests/support/accounts";
import { startServer, type ServerOptions } from "../tests/support/server";

const CLIENTS = 16;
const SECONDS = 8;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

async function load(run: () => Promise<boolean>): Promise<{ rps: number; p50: number; p99: number; bad: number }> {
  const times: number[] = [];
  let bad = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        const ok = await run();
        times.push(performance.now() - t);
        if (!ok) bad++;
      }
    }),
  );
  return { rps: times.length / SECONDS, p50: percentile(times, 50), p99: percentile(times, 99), bad };
}

export async function hotPaths(options: ServerOptions = {}): Promise<void> {
  ensureBuild();
  const server = await startServer(options);
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
    const floor = await load(async () => (await raw("/api/v1/me")) === 401);
    const read = await load(async () => {
      const { u, demo } = client();
      return (await raw(`/api/v1/scenarios/${demo.id}`, { headers: { cookie: u.cookie } })) === 200;
    });
    const write = await load(async () => {
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
    });

    const line = (name: string, r: typeof floor, target: string) =>
      `  ${name.padEnd(28)}${r.rps.toFixed(0).padStart(7)} req/s ${(r.rps / floor.rps).toFixed(2).padStart(6)}×   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms ${(r.p99 / floor.p99).toFixed(2).padStart(5)}×   ${target}${r.bad ? `   (${r.bad} unexpected statuses)` : ""}`;
    console.log(`\nHot paths over HTTP — ${CLIENTS} clients, ${SECONDS} s each (SQLite, production build)`);
    console.log(line("floor: GET /api/v1/me → 401", floor, ""));
    console.log(line("GET /scenarios/{demo}", read, `target ≥ 0.60× and p99 ≤ 2×`));
    console.log(line("POST /questions/{id}/estimates", write, `target ≥ 0.60× and p99 ≤ 2×`));
  } finally {
    await server.stop();
  }
}
