// The analysis bench: on each engine, build the data, warm up, then time each case N times,
// alternating service and bare-SQL runs so both see the same machine state, and print
// medians — SQLite and PostgreSQL in the same run, each beside its own bare SQL.
import os from "node:os";
import { openStore } from "@/db/client";
import { rawSql } from "@/db/raw";
import type { Store } from "@/db/store";
import { getDiff } from "@/lib/analysis/diff";
import { getMatrix, readMatrix } from "@/lib/analysis/matrix";
import { getScores } from "@/lib/analysis/scores";
import { benchEngines, scratchDatabase, type Engine } from "./engines";
import { buildData, DAY, SIZE, T0 } from "./data";
import { rawReads } from "./raw";
import { MATRIX_PAGE } from "@/lib/client/queries";

const log = (msg: string) => console.log(`  ${msg}`);

interface Case {
  name: string;
  runs: number;
  service: () => Promise<unknown>;
  raw: () => Promise<number>;
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
    await c.raw();
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
    rows = await c.raw();
    raw.push(performance.now() - t);
  }
  return { name: c.name, runs: c.runs, service: median(service), raw: median(raw), rows, bytes };
}

interface EngineRun {
  engine: Engine;
  built: string;
  results: Awaited<ReturnType<typeof timeCase>>[];
  plans: [string, string][];
  /** Reply sizes of the matrix (issue 11: ≤ 1 MB, or paged by rows). */
  matrixKb: { page: number; largestPage: number; pages: number; whole: number };
}

async function benchEngine(engine: Engine, store: Store): Promise<EngineRun> {
  const t = performance.now();
  const data = await buildData(store, (msg) => log(`${engine}: ${msg}`));
  const built = `built in ${((performance.now() - t) / 1000).toFixed(1)} s`;

  const sid = data.scenarioId;
  const actor = { id: data.analysts[0]! };
  const q1 = data.questions[0]!.id;
  const sql = rawSql(store);
  const raw = rawReads(sql);
  const asOf = new Date(T0 + 200 * DAY);
  const day = (n: number) => new Date(T0 + n * DAY);

  const cases: Case[] = [
    { name: "matrix Q1, now", runs: 21, service: () => getMatrix(store, actor, sid, { questionId: q1 }), raw: () => raw.matrix(sid, actor.id, q1) },
    {
      name: "matrix Q1, asOf day 200",
      runs: 21,
      service: () => getMatrix(store, actor, sid, { questionId: q1, asOf }),
      raw: () => raw.matrix(sid, actor.id, q1, asOf),
    },
    {
      // a resolved question's scores are computed on the first read and kept: this times that read
      name: "scores, first read (computes)",
      runs: 9,
      service: async () => {
        await store.db.delete(store.schema.questionScores);
        return getScores(store, actor, sid);
      },
      raw: () => raw.scores(sid, actor.id),
    },
    { name: "scores, later reads (kept)", runs: 21, service: () => getScores(store, actor, sid), raw: () => raw.scoresKept(sid, actor.id) },
    { name: "diff, 1 day", runs: 21, service: () => getDiff(store, actor, sid, { from: day(200), to: day(201) }), raw: () => raw.diff(sid, actor.id, day(200), day(201)) },
    { name: "diff, 7 days", runs: 15, service: () => getDiff(store, actor, sid, { from: day(200), to: day(207) }), raw: () => raw.diff(sid, actor.id, day(200), day(207)) },
  ];
  // BENCH_ONLY=matrix (a substring of the case names) runs a subset, for profiling
  const only = process.env.BENCH_ONLY;
  const results = [];
  for (const c of cases) if (!only || c.name.includes(only)) results.push(await timeCase(c));

  // the matrix a page at a time, as the matrix page reads it, beside every row in one reply
  const kb = (x: unknown) => JSON.stringify(x).length / 1024;
  const matrixKb = { page: 0, largestPage: 0, pages: 0, whole: kb(await readMatrix(store, actor, sid, { questionId: q1 })) };
  for (let cursor: string | null | undefined = undefined; cursor !== null; matrixKb.pages++) {
    const page = await getMatrix(store, actor, sid, { questionId: q1, sort: "diagnosticity", limit: MATRIX_PAGE, cursor });
    if (matrixKb.pages === 0) matrixKb.page = kb(await getMatrix(store, actor, sid, { questionId: q1 }));
    matrixKb.largestPage = Math.max(matrixKb.largestPage, kb(page));
    cursor = page.nextCursor;
  }

  const [h1, h2] = data.questions[0]!.hypotheses;
  const plans: [string, string][] = [];
  const plan = async (label: string, text: string, params: unknown[]) => plans.push([label, await sql.plan(text, params)]);
  await plan(
    "matrix: ratings",
    "SELECT evidence_id, hypothesis_id, analyst_id, consistency, likelihood, created_at FROM ratings WHERE hypothesis_id IN (?, ?) AND created_at <= ? ORDER BY hypothesis_id, evidence_id, analyst_id, created_at, id",
    [h1, h2, asOf],
  );
  await plan("matrix: evidence", "SELECT * FROM evidence WHERE scenario_id = ? AND created_at <= ? ORDER BY created_at DESC, id DESC", [sid, asOf]);
  await plan(
    "matrix: evidence versions",
    "SELECT v.* FROM evidence_versions v JOIN evidence e ON e.id = v.evidence_id WHERE e.scenario_id = ? AND e.created_at <= ? AND v.created_at <= ? ORDER BY v.created_at, v.version",
    [sid, asOf, asOf],
  );
  await plan("standing estimate", "SELECT * FROM estimates WHERE question_id = ? AND analyst_id = ? AND created_at <= ? ORDER BY created_at DESC, id DESC LIMIT 1", [q1, actor.id, asOf]);
  await plan("scores: estimate history", "SELECT created_at, probabilities FROM estimates WHERE question_id = ? AND analyst_id = ? AND created_at <= ? ORDER BY created_at, id", [q1, actor.id, asOf]);
  await plan("diff: estimates in window", "SELECT * FROM estimates WHERE scenario_id = ? AND created_at > ? AND created_at <= ? ORDER BY created_at, id LIMIT 5001", [sid, day(200), day(201)]);
  await plan("diff: events in window", "SELECT * FROM events WHERE scenario_id = ? AND at > ? AND at <= ? AND type <> 'estimate.created' ORDER BY at, id LIMIT 5001", [sid, day(200), day(201)]);
  return { engine, built, results, plans, matrixKb };
}

export async function main(): Promise<void> {
  // BENCH_ENGINE=sqlite (or postgres) runs one engine
  const engines = benchEngines();
  console.log(`Branchpoint analysis bench — node ${process.version}, ${os.cpus().length} cores`);
  console.log(
    `Data per engine: ${SIZE.questions} questions × ${SIZE.hypotheses} hypotheses, ${SIZE.evidence} evidence, ${SIZE.analysts} analysts, ${SIZE.estimates} estimates …`,
  );
  const runs: EngineRun[] = [];
  for (const engine of engines) {
    const database = await scratchDatabase(engine);
    const store = await openStore(database.url);
    try {
      runs.push(await benchEngine(engine, store));
    } finally {
      await store.close();
      database.dispose();
    }
  }

  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (x: number, n: number, d = 1) => x.toFixed(d).padStart(n);
  console.log(`\n${pad("endpoint (service function)", 34)}${pad("engine", 11)}${"runs".padStart(5)}${"service ms".padStart(12)}${"bare SQL ms".padStart(13)}${"ratio".padStart(8)}${"rows read".padStart(11)}${"JSON KB".padStart(9)}`);
  console.log("-".repeat(103));
  const names = runs[0]?.results.map((r) => r.name) ?? [];
  for (const name of names) {
    for (const run of runs) {
      const r = run.results.find((x) => x.name === name)!;
      console.log(
        `${pad(name, 34)}${pad(run.engine, 11)}${String(r.runs).padStart(5)}${num(r.service, 12)}${num(r.raw, 13)}${num(r.service / r.raw, 7)}×${String(r.rows).padStart(11)}${num(r.bytes / 1024, 9, 0)}`,
      );
    }
  }
  for (const run of runs) {
    const m = run.matrixKb;
    console.log(
      `matrix Q1 reply (${run.engine}): default page (100 rows) ${m.page.toFixed(0)} KB; the matrix page's ${m.pages} pages of ${MATRIX_PAGE} rows, largest ${m.largestPage.toFixed(0)} KB (target ≤ 1024 KB a reply); all ${SIZE.evidence} rows in one ${m.whole.toFixed(0)} KB`,
    );
  }
  console.log(`\nmedians after 2 warm-up runs; service and bare SQL alternate within each run. Data ${runs.map((r) => `${r.engine} ${r.built}`).join(", ")}.`);
  for (const run of runs) {
    console.log(`\nQuery plans of the heaviest reads (${run.engine}):`);
    for (const [label, text] of run.plans) console.log(`  ${pad(label, 27)}${text}`);
  }
}
