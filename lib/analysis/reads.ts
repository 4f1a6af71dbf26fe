// The store reads the analysis services share: hypotheses, evidence and ratings as they
// stood at a time (history.ts has resolutions and estimates). No access checks here — the
// services in this folder check the actor's role before calling these.
// Every read is a range read on an index (see the comment on each); none scans a table.
import "server-only";
import { and, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db, Store } from "@/db/client";
import type { Consistency, Reliability, Credibility } from "@/lib/math";

// Keeps each IN (…) list well under SQLite's bound-parameter limit.
const CHUNK = 500;

export function chunks<T>(list: readonly T[], size: number = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

// ------------------------------------------------------------------ hypotheses

export interface HypothesisAt {
  id: string;
  questionId: string;
  title: string;
  status: "open" | "archived";
  position: number;
}

/**
 * The hypotheses of the given questions that existed at `at` (now when absent), each with
 * the title and status of its version then, in position order.
 */
export async function hypothesesAt(store: Store, questionIds: readonly string[], at?: Date): Promise<Map<string, HypothesisAt[]>> {
  const h = store.schema.hypotheses;
  const hv = store.schema.hypothesisVersions;
  const out = new Map<string, HypothesisAt[]>();
  const all: HypothesisAt[] = [];
  for (const part of chunks([...new Set(questionIds)])) {
    // hypotheses_question_idx (question_id, position)
    const rows = await store.db
      .select({ id: h.id, questionId: h.questionId, title: h.title, status: h.status, position: h.position })
      .from(h)
      .where(and(inArray(h.questionId, part), at ? lte(h.createdAt, at) : undefined))
      .orderBy(asc(h.questionId), asc(h.position), asc(h.createdAt));
    all.push(...rows);
  }
  if (at) {
    const byId = new Map(all.map((x) => [x.id, x]));
    for (const part of chunks([...byId.keys()])) {
      // primary key (hypothesis_id, version); oldest first so the last row per id wins
      const versions = await store.db
        .select({ id: hv.hypothesisId, title: hv.title, status: hv.status })
        .from(hv)
        .where(and(inArray(hv.hypothesisId, part), lte(hv.createdAt, at)))
        .orderBy(asc(hv.createdAt), asc(hv.version));
      for (const v of versions) Object.assign(byId.get(v.id)!, { title: v.title, status: v.status });
    }
  }
  for (const x of all) {
    const list = out.get(x.questionId) ?? [];
    list.push(x);
    out.set(x.questionId, list);
  }
  return out;
}

export interface QuestionAt {
  id: string;
  scenarioId: string;
  title: string;
  createdAt: Date;
}

/** A question's row with its title as of `at`; null when it did not exist then or at all. */
export async function questionAt(store: Store, questionId: string, at?: Date): Promise<QuestionAt | "later" | null> {
  const q = store.schema.questions;
  const qv = store.schema.questionVersions;
  const row = (
    await store.db
      .select({ id: q.id, scenarioId: q.scenarioId, title: q.title, createdAt: q.createdAt })
      .from(q)
      .where(eq(q.id, questionId))
      .limit(1)
  )[0];
  if (!row) return null;
  if (!at) return row;
  if (row.createdAt.getTime() > at.getTime()) return "later";
  // question_versions_at_idx (question_id, created_at)
  const v = (
    await store.db
      .select({ title: qv.title })
      .from(qv)
      .where(and(eq(qv.questionId, questionId), lte(qv.createdAt, at)))
      .orderBy(desc(qv.createdAt), desc(qv.version))
      .limit(1)
  )[0];
  return v ? { ...row, title: v.title } : row;
}

// ------------------------------------------------------------------ evidence

export interface EvidenceAt {
  id: string;
  summary: string;
  reliability: Reliability;
  credibility: Credibility;
  version: number;
  sourceId: string | null;
  occurredAt: Date | null;
  createdAt: Date;
  /** Retracted by `at` (now when absent). */
  retractedAt: Date | null;
}

/**
 * A scenario's evidence as it stood at `at`: items logged by then with the content of
 * their version then, retracted ones included (flagged by retractedAt), newest first.
 */
export async function evidenceAt(store: Store, scenarioId: string, at?: Date): Promise<EvidenceAt[]> {
  const e = store.schema.evidence;
  const ev = store.schema.evidenceVersions;
  const cols = {
    id: e.id,
    summary: e.summary,
    reliability: e.reliability,
    credibility: e.credibility,
    version: e.version,
    sourceId: e.sourceId,
    occurredAt: e.occurredAt,
    createdAt: e.createdAt,
    retractedAt: e.retractedAt,
  };
  const newestFirst = (a: EvidenceAt, b: EvidenceAt) =>
    b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  // evidence_scenario_created_idx (scenario_id, created_at)
  const rows = (await store.db.select(cols).from(e).where(and(eq(e.scenarioId, scenarioId), at ? lte(e.createdAt, at) : undefined))).map(
    (r): EvidenceAt => ({ ...r, credibility: r.credibility as Credibility }),
  );
  if (!at) return rows.sort(newestFirst);

  // Each item's versions up to `at` in one join on the primary key (evidence_id, version),
  // oldest first so the last one seen per item is the version in force then.
  const versions = await store.db
    .select({
      id: ev.evidenceId,
      summary: ev.summary,
      reliability: ev.reliability,
      credibility: ev.credibility,
      version: ev.version,
      sourceId: ev.sourceId,
      occurredAt: ev.occurredAt,
    })
    .from(ev)
    .innerJoin(e, eq(e.id, ev.evidenceId))
    .where(and(eq(e.scenarioId, scenarioId), lte(e.createdAt, at), lte(ev.createdAt, at)))
    .orderBy(asc(ev.evidenceId), asc(ev.createdAt), asc(ev.version));
  const versionOf = new Map(versions.map((v) => [v.id, v]));
  const t = at.getTime();
  return rows
    .map((r) => {
      const v = versionOf.get(r.id); // none for imported data without history: current content
      const retractedAt = r.retractedAt && r.retractedAt.getTime() <= t ? r.retractedAt : null;
      return { ...r, ...(v ?? {}), credibility: (v?.credibility ?? r.credibility) as Credibility, retractedAt };
    })
    .sort(newestFirst);
}

// ------------------------------------------------------------------ ratings

export interface RatingAt {
  evidenceId: string;
  hypothesisId: string;
  analystId: string;
  consistency: Consistency;
  likelihood: number | null;
}

// The matrix read is the hot one: statements prepared once per database and hypothesis
// count (1…16 slots), so a request neither builds nor compiles SQL.
const MAX_HYPOTHESES = 16;
const END_OF_TIME = 8.64e15;

function prepareRatings(db: Db, s: Store["schema"], hypothesisSlots: number) {
  const r = s.ratings;
  const slots = Array.from({ length: hypothesisSlots }, (_, i) => sql.placeholder(`h${i}`));
  return (
    db
      // Only the five columns the grid needs: every value crossing into JS costs.
      .select({ evidenceId: r.evidenceId, hypothesisId: r.hypothesisId, analystId: r.analystId, consistency: r.consistency, likelihood: r.likelihood })
      .from(r)
      .where(and(inArray(r.hypothesisId, slots), lte(r.createdAt, sql.placeholder("at"))))
      // the order of ratings_hypothesis_idx: each cell's rows together, oldest first, so the
      // last row of each cell is the one in force
      .orderBy(asc(r.hypothesisId), asc(r.evidenceId), asc(r.analystId), asc(r.createdAt), asc(r.id))
      .prepare()
  );
}

const prepared = new WeakMap<Db, Map<number, ReturnType<typeof prepareRatings>>>();
function ratingsQuery(store: Store, hypothesisSlots: number) {
  let bySize = prepared.get(store.db);
  if (!bySize) {
    bySize = new Map();
    prepared.set(store.db, bySize);
  }
  let q = bySize.get(hypothesisSlots);
  if (!q) {
    q = prepareRatings(store.db, store.schema, hypothesisSlots);
    bySize.set(hypothesisSlots, q);
  }
  return q;
}

function fill(prefix: string, values: readonly string[], n: number, into: Record<string, string | number>) {
  for (let i = 0; i < n; i++) into[`${prefix}${i}`] = values[i] ?? "";
}

/**
 * The latest rating per (evidence, hypothesis, analyst) at `at` (now when absent), for the
 * given evidence items and hypotheses only. Reads every rating of the hypotheses index-only
 * from ratings_hypothesis_idx (hypothesis_id, evidence_id, analyst_id, created_at, id,
 * consistency, likelihood), which yields each cell's rows together, oldest first, and keeps
 * those of the given evidence items.
 */
export async function ratingsAt(store: Store, evidenceIds: readonly string[], hypothesisIds: readonly string[], at?: Date): Promise<RatingAt[]> {
  const out: RatingAt[] = [];
  const items = new Set(evidenceIds);
  if (items.size === 0) return out;
  for (const hyps of chunks([...new Set(hypothesisIds)], MAX_HYPOTHESES)) {
    const params: Record<string, string | number> = { at: at ? at.getTime() : END_OF_TIME };
    fill("h", hyps, hyps.length, params);
    // rows arrive cell by cell, oldest first: the last row of each cell is in force, and a
    // cleared row (consistency null) leaves the cell unrated
    let cell: { evidenceId: string; hypothesisId: string; analystId: string } | undefined;
    let latest: (typeof cell & { consistency: Consistency | null; likelihood: number | null }) | undefined;
    const flush = () => {
      if (latest && latest.consistency !== null) out.push({ ...latest, consistency: latest.consistency });
    };
    for (const x of await ratingsQuery(store, hyps.length).execute(params)) {
      if (!items.has(x.evidenceId)) continue;
      if (!(cell && cell.analystId === x.analystId && cell.hypothesisId === x.hypothesisId && cell.evidenceId === x.evidenceId)) flush();
      cell = x;
      latest = x;
    }
    flush();
  }
  return out;
}
