// The benchmark proper: build the data, warm up, then time each case N times, alternating
// service and bare-SQL runs so both see the same machine state, and print medians.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openSqliteStore } from "@/db/dialect/sqlite";
import { getDiff } from "@/lib/analysis/diff";
import { getMatrix } from "@/lib/analysis/matrix";
import { getScores } from "@/lib/analysis/scores";
import { buildData, loadData, DAY, SIZE, T0 } from "./data";
import { rawReads } from "./raw";

const log = (msg: string) => console.log(`  ${msg}`);

interface Case {
  name: string;
  runs: number;
  service: () => Promise<unknown>;
  raw: () => number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function timeCase(c: Case) {
  const WARMUP = 2;
  for (let i = 0; i < WARMUP; i++) {
    await c.service();
    c.raw();
  }
  const service: number[] = [];
  const raw: number[] = [];
  let rows = 0;
  let bytes = 0;
  for (let i = 0; i < c.runs; i++) {
    let t = performance.now();
    const out = await c.service();
    service.push(performance.now() - t);
    if (i === 0) bytes = JSON.stringify(out).length;
    t = performance.now();
    rows = c.raw();
    raw.push(performance.now() - t);
  }
  return { name: c.name, runs: c.runs, service: median(service), raw: median(raw), rows, bytes };
}

export async function main(): Promise<void> {
  // BENCH_DB=path reuses a database a previous run kept with BENCH_KEEP=1
  const reuse = process.env.BENCH_DB;
  const dir = reuse ? path.dirname(reuse) : fs.mkdtempSync(path.join(os.tmpdir(), "branchpoint-bench-"));
  const file = reuse ?? path.join(dir, "bench.db");
  const store = openSqliteStore(`file:${file}`);
  try {
    console.log(`Branchpoint analysis bench — node ${process.version}, ${os.cpus().length} cores, ${file}`);
    console.log(
      `Building ${SIZE.questions} questions × ${SIZE.hypotheses} hypotheses, ${SIZE.evidence} evidence, ${SIZE.analysts} analysts, ${SIZE.estimates} estimates …`,
    );
    const t = performance.now();
    const data = reuse ? await loadData(store) : await buildData(store, log);
    const mb = fs.statSync(file).size / 1e6;
    console.log(`  ${reuse ? "reused" : "built"} in ${((performance.now() - t) / 1000).toFixed(1)} s (${mb.toFixed(0)} MB)\n`);

    const sid = data.scenarioId;
    const actor = { id: data.analysts[0]! };
    const q1 = data.questions[0]!.id;
    const raw = rawReads(store.connection);
    const asOf = new Date(T0 + 200 * DAY);
    const day = (n: number) => new Date(T0 + n * DAY);

    const cases: Case[] = [
      { name: "matrix Q1, now", runs: 21, service: () => getMatrix(store, actor, sid, { questionId: q1 }), raw: () => raw.matrix(sid, actor.id, q1) },
      {
        name: "matrix Q1, asOf day 200",
        runs: 21,
        service: () => getMatrix(store, actor, sid, { questionId: q1, asOf }),
        raw: () => raw.matrix(sid, actor.id, q1, asOf.getTime()),
      },
      { name: "scores (3 resolved, 1 annulled)", runs: 9, service: () => getScores(store, actor, sid), raw: () => raw.scores(sid, actor.id) },
      {
        name: "diff, 1 day",
        runs: 21,
        service: () => getDiff(store, actor, sid, { from: day(200), to: day(201) }),
        raw: () => raw.diff(sid, actor.id, day(200).getTime(), day(201).getTime()),
      },
      {
        name: "diff, 7 days",
        runs: 15,
        service: () => getDiff(store, actor, sid, { from: day(200), to: day(207) }),
        raw: () => raw.diff(sid, actor.id, day(200).getTime(), day(207).getTime()),
      },
    ];

    // BENCH_ONLY=matrix (a substring of the case names) runs a subset, for profiling
    const only = process.env.BENCH_ONLY;
    const results = [];
    for (const c of cases) if (!only || c.name.includes(only)) results.push(await timeCase(c));

    const pad = (s: string, n: number) => s.padEnd(n);
    const num = (x: number, n: number, d = 1) => x.toFixed(d).padStart(n);
    console.log(`${pad("endpoint (service function)", 34)}${"runs".padStart(5)}${"service ms".padStart(12)}${"bare SQL ms".padStart(13)}${"ratio".padStart(8)}${"rows read".padStart(11)}${"JSON KB".padStart(9)}`);
    console.log("-".repeat(92));
    for (const r of results) {
      console.log(
        `${pad(r.name, 34)}${String(r.runs).padStart(5)}${num(r.service, 12)}${num(r.raw, 13)}${num(r.service / r.raw, 7)}×${String(r.rows).padStart(11)}${num(r.bytes / 1024, 9, 0)}`,
      );
    }
    console.log("\nmedians after 2 warm-up runs; service and bare SQL alternate within each run.");

    console.log("\nQuery plans of the heaviest reads:");
    const plans: [string, string][] = [
      ["matrix: ratings", "SELECT evidence_id, hypothesis_id, analyst_id, consistency, likelihood FROM ratings WHERE hypothesis_id IN (?, ?) AND created_at <= ? ORDER BY hypothesis_id, evidence_id, analyst_id, created_at, id"],
      ["matrix: evidence", "SELECT id, summary FROM evidence WHERE scenario_id = ? AND created_at <= ?"],
      ["matrix: evidence versions", "SELECT v.* FROM evidence_versions v JOIN evidence e ON e.id = v.evidence_id WHERE e.scenario_id = ? AND e.created_at <= ? AND v.created_at <= ? ORDER BY v.evidence_id, v.created_at, v.version"],
      ["standing estimate", "SELECT * FROM estimates WHERE question_id = ? AND analyst_id = ? AND created_at <= ? ORDER BY created_at DESC, id DESC LIMIT 1"],
      ["scores: estimate times", "SELECT created_at FROM estimates WHERE question_id = ? AND analyst_id = ? AND created_at < ? ORDER BY created_at"],
      ["scores: estimates at instants", "SELECT created_at, id, probabilities FROM estimates WHERE question_id = ? AND analyst_id = ? AND created_at IN (?, ?, ?)"],
      ["diff: estimates in window", "SELECT * FROM estimates WHERE scenario_id = ? AND created_at > ? AND created_at <= ? ORDER BY created_at, id LIMIT 5001"],
      ["diff: events in window", "SELECT * FROM events WHERE scenario_id = ? AND at > ? AND at <= ? AND type <> 'estimate.created' ORDER BY at, id LIMIT 5001"],
    ];
    for (const [label, sql] of plans) console.log(`  ${pad(label, 31)}${raw.plan(sql)}`);
  } finally {
    await store.close();
    if (process.env.BENCH_KEEP === "1" || reuse) console.log(`\nkept ${file}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}
