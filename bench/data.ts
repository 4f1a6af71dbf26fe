// Builds the benchmark scenario straight into a fresh database (either engine) with drizzle
// inserts in big transactions (no HTTP, no services): 5 questions × 8 hypotheses, 2,000 evidence
// items (10 % regraded once, 2 % retracted), 20 analysts who each rate 300 items against the
// hypotheses of two questions (10 % of those cells re-rated later), 200,000 estimates over
// 400 days, one audit event per change, and 3 questions resolved, 1 annulled, 1 open.
import type { Store } from "@/db/store";
import { newId } from "@/lib/ids";

export const DAY = 24 * 60 * 60 * 1000;
export const T0 = Date.UTC(2024, 0, 1);
export const SPAN_DAYS = 400;

export const SIZE = {
  questions: 5,
  hypotheses: 8,
  evidence: 2_000,
  analysts: 20,
  ratedPerAnalyst: 300,
  questionsPerRating: 2,
  estimates: 200_000,
};

export interface BenchData {
  scenarioId: string;
  analysts: string[];
  questions: { id: string; hypotheses: string[] }[];
  evidence: string[];
  counts: Record<string, number>;
  resolvedAt: Date;
}

// A small seeded generator so every run builds the same data.
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONSISTENCY = ["CC", "C", "N", "N", "I", "II", "NA"] as const;

async function insertAll<T>(store: Store, rows: T[], insert: (batch: T[]) => Promise<unknown>, batch = 1000) {
  for (let i = 0; i < rows.length; i += batch) await insert(rows.slice(i, i + batch));
}

export async function buildData(store: Store, log: (msg: string) => void): Promise<BenchData> {
  const s = store.schema;
  const rand = rng(20220905);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const at = (ms: number) => new Date(Math.round(ms));
  const counts: Record<string, number> = {};

  const scenarioId = newId();
  const analysts = Array.from({ length: SIZE.analysts }, () => newId());
  const questions = Array.from({ length: SIZE.questions }, () => ({ id: newId(), hypotheses: Array.from({ length: SIZE.hypotheses }, () => newId()) }));
  const evidence = Array.from({ length: SIZE.evidence }, () => newId());
  const evidenceAt = evidence.map((_, i) => T0 + (i / SIZE.evidence) * SPAN_DAYS * DAY);
  const resolvedAt = at(T0 + (SPAN_DAYS + 1) * DAY);
  type Event = typeof s.events.$inferInsert;
  const events: Event[] = [];

  // ── people, scenario, tree, evidence ──
  await store.tx(async (tx) => {
    const t = at(T0);
    await tx.insert(s.user).values(analysts.map((id, i) => ({ id, name: `Analyst ${String(i + 1).padStart(2, "0")}`, email: `a${i}@bench.test`, createdAt: t, updatedAt: t })));
    await tx.insert(s.scenarios).values({ id: scenarioId, title: "Benchmark", createdBy: analysts[0], createdAt: t, updatedAt: t });
    await tx.insert(s.members).values(analysts.map((userId, i) => ({ scenarioId, userId, role: i === 0 ? ("owner" as const) : ("editor" as const), createdAt: t, updatedAt: t })));
    for (const [qi, q] of questions.entries()) {
      await tx.insert(s.questions).values({ id: q.id, scenarioId, title: `Question ${qi + 1}`, position: qi + 1, createdAt: t, updatedAt: t });
      await tx.insert(s.questionVersions).values({ questionId: q.id, version: 1, title: `Question ${qi + 1}`, description: "", editedBy: analysts[0], createdAt: t });
      await tx.insert(s.hypotheses).values(q.hypotheses.map((id, hi) => ({ id, scenarioId, questionId: q.id, title: `Q${qi + 1} H${hi + 1}`, position: hi + 1, createdAt: t, updatedAt: t })));
      await tx.insert(s.hypothesisVersions).values(q.hypotheses.map((id, hi) => ({ hypothesisId: id, version: 1, title: `Q${qi + 1} H${hi + 1}`, description: "", status: "open" as const, editedBy: analysts[0], createdAt: t })));
    }
    const rows: (typeof s.evidence.$inferInsert)[] = [];
    const versions: (typeof s.evidenceVersions.$inferInsert)[] = [];
    for (const [i, id] of evidence.entries()) {
      const created = at(evidenceAt[i]!);
      const v1 = { summary: `Evidence item ${i + 1}`, excerpt: null, sourceId: null, occurredAt: null, reliability: pick(["A", "B", "C", "D", "E", "F"] as const), credibility: 1 + Math.floor(rand() * 6), tags: [] };
      versions.push({ evidenceId: id, version: 1, ...v1, editedBy: analysts[0], createdAt: created });
      events.push({ id: newId(), scenarioId, actorId: analysts[0], at: created, type: "evidence.created", entity: "evidence", entityId: id, after: { version: 1, ...v1 } });
      let current = { ...v1, version: 1, updatedAt: created };
      if (rand() < 0.1) {
        const edited = at(evidenceAt[i]! + 30 * DAY);
        const v2 = { ...v1, summary: `${v1.summary} (regraded)`, reliability: pick(["A", "B", "C"] as const), credibility: 1 + Math.floor(rand() * 3) };
        versions.push({ evidenceId: id, version: 2, ...v2, editedBy: analysts[1], createdAt: edited });
        events.push({ id: newId(), scenarioId, actorId: analysts[1], at: edited, type: "evidence.updated", entity: "evidence", entityId: id, before: { version: 1, ...v1 }, after: { version: 2, ...v2 } });
        current = { ...v2, version: 2, updatedAt: edited };
      }
      const retracted = rand() < 0.02 ? at(evidenceAt[i]! + 60 * DAY) : null;
      if (retracted) {
        events.push({ id: newId(), scenarioId, actorId: analysts[2], at: retracted, type: "evidence.retracted", entity: "evidence", entityId: id, before: { retractedAt: null }, after: { retractedAt: retracted.toISOString(), retractReason: "bench" } });
      }
      rows.push({ id, scenarioId, ...current, createdBy: analysts[0], createdAt: created, retractedAt: retracted, retractReason: retracted ? "bench" : null, retractedBy: retracted ? analysts[2] : null });
    }
    await insertAll(store, rows, (b) => tx.insert(s.evidence).values(b), 500);
    await insertAll(store, versions, (b) => tx.insert(s.evidenceVersions).values(b), 500);
    counts.evidenceVersions = versions.length;
  });
  log(`tree and ${SIZE.evidence} evidence items`);

  // ── ratings: each analyst, 300 items, all hypotheses of two questions; 10 % re-rated ──
  const ratings: (typeof s.ratings.$inferInsert)[] = [];
  for (const analystId of analysts) {
    const items = new Set<number>();
    while (items.size < SIZE.ratedPerAnalyst) items.add(Math.floor(rand() * SIZE.evidence));
    for (const i of items) {
      const qs = new Set<number>();
      while (qs.size < SIZE.questionsPerRating) qs.add(Math.floor(rand() * SIZE.questions));
      for (const qi of qs) {
        const first = evidenceAt[i]! + rand() * 5 * DAY;
        const cells = questions[qi]!.hypotheses.map((hypothesisId) => ({ hypothesisId, consistency: pick(CONSISTENCY), likelihood: null }));
        for (const c of cells) ratings.push({ id: newId(), scenarioId, evidenceId: evidence[i]!, analystId, ...c, createdAt: at(first) });
        events.push({ id: newId(), scenarioId, actorId: analystId, at: at(first), type: "ratings.updated", entity: "evidence", entityId: evidence[i]!, before: cells.map((c) => ({ ...c, consistency: null })), after: cells });
        if (rand() < 0.1) {
          const later = first + (5 + rand() * 25) * DAY;
          const c = { hypothesisId: pick(questions[qi]!.hypotheses), consistency: pick(CONSISTENCY), likelihood: null };
          ratings.push({ id: newId(), scenarioId, evidenceId: evidence[i]!, analystId, ...c, createdAt: at(later) });
          events.push({ id: newId(), scenarioId, actorId: analystId, at: at(later), type: "ratings.updated", entity: "evidence", entityId: evidence[i]!, before: [{ ...c, consistency: "N" }], after: [c] });
        }
      }
    }
  }
  await store.tx(async (tx) => insertAll(store, ratings, (b) => tx.insert(s.ratings).values(b)));
  counts.ratings = ratings.length;
  log(`${ratings.length} ratings`);

  // ── estimates: 2,000 per analyst per question, spread over 400 days ──
  const perSeries = SIZE.estimates / (SIZE.analysts * SIZE.questions);
  let estimateCount = 0;
  for (const q of questions) {
    const rows: (typeof s.estimates.$inferInsert)[] = [];
    const forecasters: (typeof s.forecasters.$inferInsert)[] = [];
    for (const analystId of analysts) {
      const times = Array.from({ length: perSeries }, () => T0 + rand() * SPAN_DAYS * DAY).sort((x, y) => x - y);
      forecasters.push({ questionId: q.id, analystId, firstAt: at(times[0]!) });
      for (const [k, t] of times.entries()) {
        const raw = q.hypotheses.map(() => 0.05 + rand());
        const sum = raw.reduce((x, y) => x + y, 0);
        const probabilities = Object.fromEntries(q.hypotheses.map((h, i) => [h, raw[i]! / sum]));
        const id = newId();
        rows.push({ id, scenarioId, questionId: q.id, analystId, probabilities, rationale: `Update ${k + 1}: read the new reporting`, evidenceIds: [], createdAt: at(t) });
        events.push({ id: newId(), scenarioId, actorId: analystId, at: at(t), type: "estimate.created", entity: "estimate", entityId: id, after: { questionId: q.id, probabilities, rationale: `Update ${k + 1}`, evidenceIds: [] } });
      }
    }
    await store.tx(async (tx) => {
      await insertAll(store, rows, (b) => tx.insert(s.estimates).values(b));
      await tx.insert(s.forecasters).values(forecasters);
    });
    estimateCount += rows.length;
  }
  counts.estimates = estimateCount;
  log(`${estimateCount} estimates`);

  // ── resolutions: Q1–Q3 resolved, Q4 annulled, Q5 open ──
  await store.tx(async (tx) => {
    for (const [qi, q] of questions.slice(0, 4).entries()) {
      const annulled = qi === 3;
      const id = newId();
      await tx.insert(s.resolutions).values({ id, scenarioId, questionId: q.id, hypothesisId: annulled ? null : q.hypotheses[qi]!, annulled, resolvedBy: analysts[0], createdAt: resolvedAt });
      events.push({ id: newId(), scenarioId, actorId: analysts[0], at: resolvedAt, type: annulled ? "question.annulled" : "question.resolved", entity: "question", entityId: q.id, after: { hypothesisId: annulled ? null : q.hypotheses[qi]!, annulled } });
    }
    await insertAll(store, events, (b) => tx.insert(s.events).values(b), 1000);
  });
  counts.events = events.length;
  log(`${events.length} audit events, 3 questions resolved, 1 annulled`);

  // no ANALYZE: the app never runs it, so the planner works here as it does in production
  return { scenarioId, analysts, questions, evidence, counts, resolvedAt };
}
