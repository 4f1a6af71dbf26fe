// A look at a test server's database through the app's own store (either engine): row counts
// for "nothing changed" checks, and direct writes where a test must move time (a row's
// created_at) rather than wait for it.
import { and, count, eq, type SQL } from "drizzle-orm";
import { afterAll } from "vitest";
import { openStore } from "@/db/client";
import type { Store } from "@/db/store";
import type { Schema } from "@/db/types";

const open = new Map<string, Promise<Store>>();

/** The store on a database URL, opened once per test file and closed after it. */
export function storeAt(url: string): Promise<Store> {
  let s = open.get(url);
  if (!s) {
    s = openStore(url, { poolSize: 2 });
    open.set(url, s);
  }
  return s;
}

afterAll(async () => {
  for (const s of open.values()) await (await s).close();
  open.clear();
});

type Counter = (store: Store, s: Schema, scenarioId: string) => Promise<{ n: number }[]>;

// Per-scenario row counts: version tables and forecasters join their parent row.
const COUNTS: Record<string, Counter> = {
  scenarios: (st, s, id) => st.db.select({ n: count() }).from(s.scenarios).where(eq(s.scenarios.id, id)),
  members: (st, s, id) => st.db.select({ n: count() }).from(s.members).where(eq(s.members.scenarioId, id)),
  questions: (st, s, id) => st.db.select({ n: count() }).from(s.questions).where(eq(s.questions.scenarioId, id)),
  question_versions: (st, s, id) =>
    st.db.select({ n: count() }).from(s.questionVersions).innerJoin(s.questions, eq(s.questions.id, s.questionVersions.questionId)).where(eq(s.questions.scenarioId, id)),
  hypotheses: (st, s, id) => st.db.select({ n: count() }).from(s.hypotheses).where(eq(s.hypotheses.scenarioId, id)),
  hypothesis_versions: (st, s, id) =>
    st.db.select({ n: count() }).from(s.hypothesisVersions).innerJoin(s.hypotheses, eq(s.hypotheses.id, s.hypothesisVersions.hypothesisId)).where(eq(s.hypotheses.scenarioId, id)),
  outcomes: (st, s, id) => st.db.select({ n: count() }).from(s.outcomes).where(eq(s.outcomes.scenarioId, id)),
  sources: (st, s, id) => st.db.select({ n: count() }).from(s.sources).where(eq(s.sources.scenarioId, id)),
  evidence: (st, s, id) => st.db.select({ n: count() }).from(s.evidence).where(eq(s.evidence.scenarioId, id)),
  evidence_versions: (st, s, id) =>
    st.db.select({ n: count() }).from(s.evidenceVersions).innerJoin(s.evidence, eq(s.evidence.id, s.evidenceVersions.evidenceId)).where(eq(s.evidence.scenarioId, id)),
  ratings: (st, s, id) => st.db.select({ n: count() }).from(s.ratings).where(eq(s.ratings.scenarioId, id)),
  estimates: (st, s, id) => st.db.select({ n: count() }).from(s.estimates).where(eq(s.estimates.scenarioId, id)),
  forecasters: (st, s, id) =>
    st.db.select({ n: count() }).from(s.forecasters).innerJoin(s.questions, eq(s.questions.id, s.forecasters.questionId)).where(eq(s.questions.scenarioId, id)),
  resolutions: (st, s, id) => st.db.select({ n: count() }).from(s.resolutions).where(eq(s.resolutions.scenarioId, id)),
  indicators: (st, s, id) => st.db.select({ n: count() }).from(s.indicators).where(eq(s.indicators.scenarioId, id)),
  indicator_versions: (st, s, id) =>
    st.db.select({ n: count() }).from(s.indicatorVersions).innerJoin(s.indicators, eq(s.indicators.id, s.indicatorVersions.indicatorId)).where(eq(s.indicators.scenarioId, id)),
  assumptions: (st, s, id) => st.db.select({ n: count() }).from(s.assumptions).where(eq(s.assumptions.scenarioId, id)),
  assumption_versions: (st, s, id) =>
    st.db.select({ n: count() }).from(s.assumptionVersions).innerJoin(s.assumptions, eq(s.assumptions.id, s.assumptionVersions.assumptionId)).where(eq(s.assumptions.scenarioId, id)),
  events: (st, s, id) => st.db.select({ n: count() }).from(s.events).where(eq(s.events.scenarioId, id)),
};

/** Row counts of every domain table for one scenario, read straight from the database. */
export async function rowCounts(url: string, scenarioId: string): Promise<Record<string, number>> {
  const store = await storeAt(url);
  const out: Record<string, number> = {};
  for (const [table, counter] of Object.entries(COUNTS)) out[table] = Number((await counter(store, store.schema, scenarioId))[0]!.n);
  return out;
}

/** Rows of a table matching `where` (all rows without it). */
export async function countRows<K extends keyof Schema>(url: string, table: K, where?: (t: Schema[K]) => SQL | undefined): Promise<number> {
  const store = await storeAt(url);
  const t = store.schema[table];
  // the tables differ in columns, not in how they are counted
  const q = store.db.select({ n: count() }).from(t as never);
  const rows = (await (where ? q.where(and(where(t))) : q)) as { n: number }[];
  return Number(rows[0]!.n);
}
