// The bare SQL reads each analysis endpoint needs, as prepared statements on the engine's own
// driver (db/raw.ts; bench only — services go through drizzle). Each function issues the
// same queries, with the same predicates and indexes, as its service, and nothing else: no
// mapping of dates, no JSON parsing, no arithmetic. The ratio service / bare SQL is our own
// overhead, on each engine.
import type { RawSql } from "@/db/raw";

const END_OF_TIME = new Date("9999-12-31T23:59:59.999Z");
const CHUNK = 500;

/** A timestamp as the driver returned it (SQLite: ms; PostgreSQL: a Date), in ms. */
const ms = (v: unknown) => (v instanceof Date ? v.getTime() : Number(v));

export function rawReads(raw: RawSql) {
  const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");
  const chunks = <T>(list: readonly T[], size = CHUNK) => {
    const out: T[][] = [];
    for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
    return out;
  };
  let rows = 0;
  const all = async (sql: string, ...params: unknown[]) => {
    const r = (await raw.all(sql, params)) as any[];
    rows += r.length;
    return r;
  };

  const membership = (scenarioId: string, userId: string) =>
    all("SELECT m.role FROM members m JOIN scenarios s ON s.id = m.scenario_id WHERE m.scenario_id = ? AND m.user_id = ?", scenarioId, userId);

  const hypothesesAt = async (questionIds: string[], at?: Date) => {
    const hs = await all(
      `SELECT id, question_id, title, status, position FROM hypotheses WHERE question_id IN (${marks(questionIds.length)})${at ? " AND created_at <= ?" : ""} ORDER BY question_id, position, created_at`,
      ...questionIds,
      ...(at ? [at] : []),
    );
    if (at && hs.length > 0) {
      await all(
        `SELECT hypothesis_id, title, status FROM hypothesis_versions WHERE hypothesis_id IN (${marks(hs.length)}) AND created_at <= ? ORDER BY created_at, version`,
        ...hs.map((h) => h.id),
        at,
      );
    }
    return hs;
  };

  const standing = async (questionId: string, at = END_OF_TIME) => {
    const fs = await all("SELECT analyst_id, first_at FROM forecasters WHERE question_id = ?", questionId);
    const out: any[] = [];
    for (const f of fs) {
      if (ms(f.first_at) > at.getTime()) continue;
      out.push(
        ...(await all(
          "SELECT * FROM estimates WHERE question_id = ? AND analyst_id = ? AND created_at <= ? ORDER BY created_at DESC, id DESC LIMIT 1",
          questionId,
          f.analyst_id,
          at,
        )),
      );
    }
    return out;
  };

  const lastBefore = (questionId: string, analystId: string, before: Date) =>
    all(
      "SELECT id, created_at, probabilities FROM estimates WHERE question_id = ? AND analyst_id = ? AND created_at < ? ORDER BY created_at DESC, id DESC LIMIT 1",
      questionId,
      analystId,
      before,
    );

  const counted = <A extends unknown[]>(fn: (...args: A) => Promise<void>) => async (...args: A) => {
    rows = 0;
    await fn(...args);
    return rows;
  };

  return {
    /** GET /scenarios/{id}/matrix: membership, question, hypotheses, evidence, ratings, standing estimates */
    matrix: counted(async (scenarioId: string, userId: string, questionId: string, asOf?: Date) => {
      await membership(scenarioId, userId);
      await all("SELECT id, scenario_id, title, created_at FROM questions WHERE id = ? LIMIT 1", questionId);
      if (asOf) await all("SELECT title FROM question_versions WHERE question_id = ? AND created_at <= ? ORDER BY created_at DESC, version DESC LIMIT 1", questionId, asOf);
      const hyps = (await hypothesesAt([questionId], asOf)).filter((h) => h.status === "open");
      const cols = "id, summary, reliability, credibility, version, source_id, occurred_at, created_at, retracted_at";
      const ev = asOf
        ? await all(`SELECT ${cols} FROM evidence WHERE scenario_id = ? AND created_at <= ?`, scenarioId, asOf)
        : await all(`SELECT ${cols} FROM evidence WHERE scenario_id = ?`, scenarioId);
      if (asOf) {
        await all(
          `SELECT v.evidence_id, v.summary, v.reliability, v.credibility, v.version, v.source_id, v.occurred_at FROM evidence_versions v
           JOIN evidence e ON e.id = v.evidence_id WHERE e.scenario_id = ? AND e.created_at <= ? AND v.created_at <= ?
           ORDER BY v.evidence_id, v.created_at, v.version`,
          scenarioId,
          asOf,
          asOf,
        );
      }
      if (ev.length > 0) {
        for (const part of chunks(hyps.map((h) => h.id), 16)) {
          await all(
            `SELECT evidence_id, hypothesis_id, analyst_id, consistency, likelihood FROM ratings
             WHERE hypothesis_id IN (${marks(part.length)}) AND created_at <= ?
             ORDER BY hypothesis_id, evidence_id, analyst_id, created_at, id`,
            ...part,
            asOf ?? END_OF_TIME,
          );
        }
      }
      await standing(questionId, asOf);
    }),

    /** GET /scenarios/{id}/scores: questions, resolutions, the open-hypothesis timeline, every estimate before resolution, names */
    scores: counted(async (scenarioId: string, userId: string) => {
      await membership(scenarioId, userId);
      const qs = await all("SELECT id, title FROM questions WHERE scenario_id = ? ORDER BY position, created_at", scenarioId);
      const res = await all(`SELECT * FROM resolutions WHERE question_id IN (${marks(qs.length)}) ORDER BY created_at, id`, ...qs.map((q) => q.id));
      const first = new Map<string, Date>();
      for (const r of res) if (!first.has(r.question_id)) first.set(r.question_id, new Date(ms(r.created_at)));
      const last = new Map(res.map((r) => [r.question_id, r]));
      const analysts = new Set<string>();
      for (const r of last.values()) {
        const at = first.get(r.question_id)!;
        const who = await all("SELECT analyst_id FROM forecasters WHERE question_id = ? AND first_at < ?", r.question_id, at);
        for (const f of who) analysts.add(f.analyst_id);
        if (r.annulled) continue;
        for (const f of who) {
          await all(
            "SELECT created_at, probabilities FROM estimates WHERE question_id = ? AND analyst_id = ? AND created_at < ? ORDER BY created_at, id",
            r.question_id,
            f.analyst_id,
            at,
          );
        }
        const hs = await all("SELECT id, status, created_at FROM hypotheses WHERE question_id = ? AND created_at < ? ORDER BY position, created_at", r.question_id, at);
        if (hs.length > 0) {
          await all(
            `SELECT hypothesis_id, status, created_at FROM hypothesis_versions WHERE hypothesis_id IN (${marks(hs.length)}) AND created_at < ? ORDER BY created_at, version`,
            ...hs.map((h) => h.id),
            at,
          );
        }
      }
      const ids = [...analysts];
      if (ids.length > 0) await all(`SELECT id, name FROM "user" WHERE id IN (${marks(ids.length)})`, ...ids);
    }),

    /** GET /scenarios/{id}/scores once kept: questions, resolutions, the kept scores, names */
    scoresKept: counted(async (scenarioId: string, userId: string) => {
      await membership(scenarioId, userId);
      const qs = await all("SELECT id, title FROM questions WHERE scenario_id = ? ORDER BY position, created_at", scenarioId);
      const res = await all(`SELECT * FROM resolutions WHERE question_id IN (${marks(qs.length)}) ORDER BY created_at, id`, ...qs.map((q) => q.id));
      const last = [...new Map(res.map((r) => [r.question_id, r])).values()].filter((r) => r.hypothesis_id !== null);
      const kept = await all(`SELECT scores FROM question_scores WHERE resolution_id IN (${marks(last.length)}) AND method = ? AND scoring = 1`, ...last.map((r) => r.id), "geometric");
      const ids = [...new Set(kept.flatMap((k) => ((typeof k.scores === "string" ? JSON.parse(k.scores) : k.scores) as { analysts: { analystId: string }[] }).analysts.map((a) => a.analystId)))];
      if (ids.length > 0) await all(`SELECT id, name FROM "user" WHERE id IN (${marks(ids.length)})`, ...ids);
    }),

    /** GET /scenarios/{id}/diff: estimates and events in the window, names, previous estimates, aggregates at both ends */
    diff: counted(async (scenarioId: string, userId: string, from: Date, to: Date) => {
      await membership(scenarioId, userId);
      const es = await all(
        `SELECT id, question_id, analyst_id, probabilities, rationale, evidence_ids, created_at FROM estimates
         WHERE scenario_id = ? AND created_at > ? AND created_at <= ? ORDER BY created_at, id LIMIT 5001`,
        scenarioId,
        from,
        to,
      );
      const evs = await all(
        "SELECT * FROM events WHERE scenario_id = ? AND at > ? AND at <= ? AND type <> 'estimate.created' ORDER BY at, id LIMIT 5001",
        scenarioId,
        from,
        to,
      );
      const qs = await all("SELECT id, title, created_at FROM questions WHERE scenario_id = ? ORDER BY position", scenarioId);
      await all("SELECT id, title, question_id FROM hypotheses WHERE scenario_id = ?", scenarioId);
      const evidenceIds = [...new Set(evs.filter((e) => e.entity === "evidence").map((e) => e.entity_id))];
      const userIds = [...new Set([...es.map((e) => e.analyst_id), ...evs.map((e) => e.actor_id)])];
      for (const part of chunks(evidenceIds)) await all(`SELECT id, summary FROM evidence WHERE id IN (${marks(part.length)})`, ...part);
      for (const part of chunks(userIds)) await all(`SELECT id, name FROM "user" WHERE id IN (${marks(part.length)})`, ...part);
      const seen = new Set<string>();
      for (const e of es) {
        const key = `${e.question_id}|${e.analyst_id}`;
        if (!seen.has(key)) await lastBefore(e.question_id, e.analyst_id, new Date(ms(e.created_at)));
        seen.add(key);
      }
      const live = qs.filter((q) => ms(q.created_at) <= to.getTime()).map((q) => q.id);
      await hypothesesAt(live, from);
      await hypothesesAt(live, to);
      for (const q of live) {
        await standing(q, from);
        await standing(q, to);
      }
    }),

  };
}
