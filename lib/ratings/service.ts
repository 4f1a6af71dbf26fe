// Ratings: each analyst's ACH judgement of how an evidence item bears on each hypothesis.
// Append-only — a PUT inserts a row only for cells whose value changed, so the sequence of
// rows is the history and any past matrix can be rebuilt. Clearing a cell (consistency
// null) appends a row too: unrated from then on, rated as before at earlier times.
import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Store } from "@/db/store";
import { newId } from "@/lib/ids";
import { notFound, unprocessable, type FieldError } from "@/lib/errors";
import { requireEntityRole, type Actor } from "@/lib/access/service";
import { ratingsAt, type RatingState } from "@/lib/asof/ratings";
import { writeScenario } from "@/lib/service/write";
import type { Consistency } from "@/lib/math";
import type { PutRatingsInput } from "./schema";

export interface Rating {
  evidenceId: string;
  hypothesisId: string;
  analystId: string;
  consistency: Consistency;
  likelihood: number | null;
  createdAt: string;
}

const toRating = (r: RatingState): Rating => ({
  evidenceId: r.evidenceId,
  hypothesisId: r.hypothesisId,
  analystId: r.analystId,
  consistency: r.consistency,
  likelihood: r.likelihood,
  createdAt: r.createdAt.toISOString(),
});

/** Every analyst's current (or as-of) rating per hypothesis for one evidence item. */
export async function listRatings(store: Store, actor: Actor | null, evidenceId: string, asOf?: Date): Promise<Rating[]> {
  await requireEntityRole(store, actor, "evidence", evidenceId, "viewer");
  return (await ratingsAt(store, evidenceId, asOf)).map(toRating);
}

/** A cell's value; null consistency: unrated (never rated, or cleared). */
type Cell = { hypothesisId: string; consistency: Rating["consistency"] | null; likelihood: number | null };

/** The acting analyst rates one evidence item; returns their current ratings for it. */
export async function putRatings(
  store: Store,
  actor: Actor | null,
  evidenceId: string,
  input: PutRatingsInput,
): Promise<Rating[]> {
  const cells: Cell[] = input.ratings.map((r) => ({
    hypothesisId: r.hypothesisId,
    consistency: r.consistency,
    likelihood: r.likelihood ?? null,
  }));

  const dupes: FieldError[] = [];
  const firstAt = new Map<string, number>();
  cells.forEach((c, i) => {
    const first = firstAt.get(c.hypothesisId);
    if (first === undefined) firstAt.set(c.hypothesisId, i);
    else dupes.push({ path: `ratings.${i}.hypothesisId`, message: `rates the same hypothesis as ratings.${first}` });
  });
  const s = store.schema;
  return writeScenario(store, actor, { entity: "evidence", id: evidenceId }, "editor", async (w) => {
    const { tx, scenarioId } = w;
    const analystId = w.actor.id;
    if (dupes.length > 0) throw unprocessable("Each hypothesis can be rated once per request", dupes);
    const evidence = (
      await tx.select({ retractedAt: s.evidence.retractedAt }).from(s.evidence).where(eq(s.evidence.id, evidenceId)).limit(1)
    )[0];
    if (!evidence) throw notFound("Evidence");
    if (evidence.retractedAt) throw unprocessable("Retracted evidence cannot be rated");

    const hypotheses = await tx
      .select({ id: s.hypotheses.id, status: s.hypotheses.status })
      .from(s.hypotheses)
      .where(and(eq(s.hypotheses.scenarioId, scenarioId), inArray(s.hypotheses.id, [...firstAt.keys()])));
    const status = new Map(hypotheses.map((h) => [h.id, h.status]));
    const errors: FieldError[] = [];
    cells.forEach((c, i) => {
      const st = status.get(c.hypothesisId);
      // unknown and other-scenario ids look the same: nothing leaks about other scenarios
      if (!st) errors.push({ path: `ratings.${i}.hypothesisId`, message: "no such hypothesis in this scenario" });
      else if (st === "archived") errors.push({ path: `ratings.${i}.hypothesisId`, message: "hypothesis is archived" });
    });
    if (errors.length > 0) throw unprocessable("Some ratings name hypotheses that cannot be rated here", errors);

    const mine = (await ratingsAt(store, evidenceId, undefined, { analystId })).map(toRating);
    const current = new Map(mine.map((r) => [r.hypothesisId, r]));
    const before: Cell[] = [];
    const after: Cell[] = [];
    for (const c of cells) {
      const was = current.get(c.hypothesisId);
      if (was && was.consistency === c.consistency && was.likelihood === c.likelihood) continue;
      if (!was && c.consistency === null) continue; // clearing an unrated cell changes nothing
      before.push({ hypothesisId: c.hypothesisId, consistency: was?.consistency ?? null, likelihood: was?.likelihood ?? null });
      after.push(c);
    }
    if (after.length === 0) return mine;

    const inserted = await tx
      .insert(s.ratings)
      .values(
        after.map((c) => ({
          id: newId(),
          scenarioId,
          evidenceId,
          hypothesisId: c.hypothesisId,
          analystId,
          consistency: c.consistency,
          likelihood: c.likelihood,
          createdAt: w.now,
        })),
      )
      .returning();
    await w.record({
      type: "ratings.updated",
      entityId: evidenceId,
      before,
      after,
    });
    for (const r of inserted) {
      if (r.consistency === null) {
        current.delete(r.hypothesisId);
        continue;
      }
      current.set(r.hypothesisId, {
        evidenceId,
        hypothesisId: r.hypothesisId,
        analystId,
        consistency: r.consistency,
        likelihood: r.likelihood,
        createdAt: r.createdAt.toISOString(),
      });
    }
    return [...current.values()].sort((a, b) => (a.hypothesisId < b.hypothesisId ? -1 : a.hypothesisId > b.hypothesisId ? 1 : 0));
  });
}
