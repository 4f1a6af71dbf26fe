// The paged-list bench: does the cost of one page of a question's estimates grow with the
// length of its history? On each engine, one question with 20 analysts; time a page (100) at
// the start, from the middle (by cursor) and newest-first, through the service, first with
// 1,000 estimates and then with 200,000 — the target is within 20 % (issue 11, item 3).
import { openStore } from "@/db/client";
import type { Store } from "@/db/store";
import { newId } from "@/lib/ids";
import { encodeCursor } from "@/lib/paging";
import { listEstimates } from "@/lib/estimates/service";
import { benchEngines, scratchDatabase } from "./engines";

const ANALYSTS = 20;
const SIZES = [1_000, 200_000];
const RUNS = 31;
const T0 = Date.UTC(2024, 0, 1);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await run();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

interface Setup {
  scenarioId: string;
  questionId: string;
  hypotheses: [string, string];
  analysts: string[];
  owner: string;
}

async function setUp(store: Store): Promise<Setup> {
  const s = store.schema;
  const t = new Date(T0);
  const analysts = Array.from({ length: ANALYSTS }, () => newId());
  const scenarioId = newId();
  const questionId = newId();
  const hypotheses: [string, string] = [newId(), newId()];
  await store.tx(async (tx) => {
    await tx.insert(s.user).values(analysts.map((id, i) => ({ id, name: `Analyst ${i + 1}`, email: `p${i}@bench.test`, createdAt: t, updatedAt: t })));
    await tx.insert(s.scenarios).values({ id: scenarioId, title: "Paging", createdBy: analysts[0], createdAt: t, updatedAt: t });
    await tx.insert(s.members).values(analysts.map((userId, i) => ({ scenarioId, userId, role: i === 0 ? ("owner" as const) : ("editor" as const), createdAt: t, updatedAt: t })));
    await tx.insert(s.questions).values({ id: questionId, scenarioId, title: "Q", position: 1, createdAt: t, updatedAt: t });
    await tx.insert(s.hypotheses).values(hypotheses.map((id, i) => ({ id, scenarioId, questionId, title: `H${i + 1}`, position: i + 1, createdAt: t, updatedAt: t })));
  });
  return { scenarioId, questionId, hypotheses, analysts, owner: analysts[0]! };
}

/** Appends estimates `from`…`to`-1, one a minute, round-robin over the analysts. */
async function addEstimates(store: Store, x: Setup, from: number, to: number): Promise<void> {
  const s = store.schema;
  for (let start = from; start < to; start += 1000) {
    const rows: (typeof s.estimates.$inferInsert)[] = [];
    for (let i = start; i < Math.min(to, start + 1000); i++) {
      const p = ((i * 37) % 99) / 100 + 0.005;
      const analystId = x.analysts[i % ANALYSTS]!;
      const probabilities = { [x.hypotheses[0]]: p, [x.hypotheses[1]]: 1 - p };
      rows.push({ id: newId(), scenarioId: x.scenarioId, questionId: x.questionId, analystId, probabilities, rationale: `estimate ${i}`, evidenceIds: [], createdAt: new Date(T0 + i * 60_000) });
    }
    await store.tx((tx) => tx.insert(s.estimates).values(rows));
  }
}

async function benchEngine(engine: string, store: Store) {
  const x = await setUp(store);
  const actor = { id: x.owner };
  const out: { size: number; first: number; middle: number; newest: number }[] = [];
  let have = 0;
  for (const size of SIZES) {
    await addEstimates(store, x, have, size);
    have = size;
    // the cursor of the middle estimate: a page from there
    const mid = new Date(T0 + Math.floor(size / 2) * 60_000);
    const middleCursor = encodeCursor({ at: mid, id: "" });
    out.push({
      size,
      first: await time(() => listEstimates(store, actor, x.questionId, { limit: 100 })),
      middle: await time(() => listEstimates(store, actor, x.questionId, { limit: 100, cursor: middleCursor })),
      newest: await time(() => listEstimates(store, actor, x.questionId, { limit: 100, order: "desc" })),
    });
    console.log(`  ${engine}: ${size.toLocaleString("en")} estimates timed`);
  }
  return out;
}

export async function pagingCost(): Promise<void> {
  console.log(`\nPaged lists — one page (100) of a question's estimates, service medians of ${RUNS}`);
  const rows: string[] = [];
  for (const engine of benchEngines()) {
    const database = await scratchDatabase(engine);
    const store = await openStore(database.url);
    try {
      const [small, big] = await benchEngine(engine, store);
      for (const k of ["first", "middle", "newest"] as const) {
        const ratio = big![k] / small![k];
        rows.push(
          `${engine.padEnd(10)}${k.padEnd(9)}${small![k].toFixed(2).padStart(12)}${big![k].toFixed(2).padStart(14)}${(ratio.toFixed(2) + "×").padStart(9)}   ${ratio <= 1.2 ? "within 20 %" : "OVER 20 %"}`,
        );
      }
    } finally {
      await store.close();
      database.dispose();
    }
  }
  console.log(`\n${"engine".padEnd(10)}${"page".padEnd(9)}${"1k ms".padStart(12)}${"200k ms".padStart(14)}${"ratio".padStart(9)}   target ≤ 1.2×`);
  console.log("-".repeat(70));
  for (const r of rows) console.log(r);
}
