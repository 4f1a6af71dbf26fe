// HTTP write throughput on PostgreSQL: 16 clients recording estimates for 10 s against one
// instance, then spread over two instances on the same database — requests per second and
// latencies side by side, in one run (the machine's cores are shared by the clients, the
// instances and PostgreSQL, so compare the two rows, not absolute figures).
import { randomBytes } from "node:crypto";
import { ensureBuild } from "../tests/support/build";
import { ApiClient } from "../tests/support/client";
import { authPost, TEST_PASSWORD, uniqueEmail } from "../tests/support/accounts";
import { startServer, type RunningServer } from "../tests/support/server";
import { scratchDatabase } from "./engines";

const CLIENTS = 16;
const SECONDS = 10;
const PUBLIC = "http://branchpoint.bench";

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

async function person(server: RunningServer, name: string): Promise<ApiClient> {
  const anon = new ApiClient(server.url, null, PUBLIC);
  const res = await authPost(anon, "/api/auth/sign-up/email", { email: uniqueEmail(name), password: TEST_PASSWORD, name });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status}`);
  const c = new ApiClient(server.url, res.body.user, PUBLIC);
  c.cookie = anon.cookie;
  return c;
}

async function phase(clients: ApiClient[], questionId: string, ids: string[]) {
  const times: number[] = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  const body = { probabilities: Object.fromEntries(ids.map((id, i) => [id, i === 0 ? 0.5 : 0.25])), rationale: "bench" };
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < until) {
        const t = performance.now();
        const res = await c.post(`/api/v1/questions/${questionId}/estimates`, body);
        times.push(performance.now() - t);
        if (res.status !== 201) errors++;
      }
    }),
  );
  return { rps: times.length / SECONDS, p50: percentile(times, 50), p99: percentile(times, 99), errors };
}

export async function writeThroughput(): Promise<void> {
  ensureBuild();
  const database = await scratchDatabase("postgres");
  const servers: RunningServer[] = [];
  try {
    const databaseUrl = database.url;
    const env = { BETTER_AUTH_SECRET: randomBytes(32).toString("hex"), BETTER_AUTH_URL: PUBLIC };
    servers.push(await startServer({ env, databaseUrl }));
    servers.push(await startServer({ env, databaseUrl }));
    const [a, b] = servers as [RunningServer, RunningServer];

    const owner = await person(a, "Owner");
    const scenario = (await owner.post("/api/v1/scenarios", { title: "Write bench" })).body;
    const question = (await owner.post(`/api/v1/scenarios/${scenario.id}/questions`, { title: "Q", hypotheses: [{ title: "A" }, { title: "B" }, { title: "C" }] })).body;
    const ids = question.hypotheses.map((h: { id: string }) => h.id);
    const clients: ApiClient[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const c = await person(a, `Writer ${i}`);
      const link = (await owner.post(`/api/v1/scenarios/${scenario.id}/invites`, { role: "editor" })).body;
      await c.post(`/api/v1/invites/${String(link.url).split("/invite/")[1]}/accept`, {});
      clients.push(c);
    }
    // warm both instances
    await phase([clients[0]!.on(a.url), clients[1]!.on(b.url)], question.id, ids);

    const one = await phase(clients.map((c) => c.on(a.url)), question.id, ids);
    const two = await phase(clients.map((c, i) => c.on(i % 2 ? b.url : a.url)), question.id, ids);
    const row = (label: string, r: typeof one) =>
      `  ${label.padEnd(36)}${r.rps.toFixed(0).padStart(8)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   non-201 ${r.errors}`;
    console.log(`\nEstimate writes over HTTP on PostgreSQL — ${CLIENTS} clients, ${SECONDS} s each, one question (all writers contend for one scenario's lock)`);
    console.log(row("one instance", one));
    console.log(row("two instances, same database", two));
    console.log(`  two / one: ${(two.rps / one.rps).toFixed(2)}× (2 cores shared by clients, instances and PostgreSQL)`);
  } finally {
    for (const s of servers) await s.stop();
    database.dispose();
  }
}
