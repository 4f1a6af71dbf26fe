// An analyst's calibration: every estimate they made before a question was resolved (not
// annulled), one forecast per hypothesis the estimate gave (as given, archived ones
// included) plus the true one, in ten 10 %-wide buckets — how often the things
// they gave p came true. Only scenarios the caller is a member of, and the analyst is a
// member of or has estimated in, count: the caller sees nothing from anywhere else, and the
// analyst need not be a member (a removed colleague, a demo analyst in a copy of the demo).
import "server-only";
import { and, asc, eq, inArray, lt } from "drizzle-orm";
import type { Store } from "@/db/store";
import { notFound } from "@/lib/errors";
import { requireActor, requireRole, type Actor } from "@/lib/access/service";
import { calibration, forecastsFromEstimate, type CalibrationBucket, type Forecast } from "@/lib/math";
import { resolutionsOf } from "./history";

export interface Calibration {
  analystId: string;
  name: string | null;
  /** Shared scenarios counted, questions with a forecast, forecasts (one per hypothesis). */
  scenarios: number;
  questions: number;
  forecasts: number;
  buckets: CalibrationBucket[];
}

export async function getCalibration(store: Store, actor: Actor | null, analystId: string): Promise<Calibration> {
  const a = requireActor(actor);
  const s = store.schema;
  const m = s.members;
  const [mine, memberOf, estimatedIn] = await Promise.all([
    // members_user_idx (user_id), twice
    store.db.select({ scenarioId: m.scenarioId }).from(m).where(eq(m.userId, a.id)),
    store.db.select({ scenarioId: m.scenarioId }).from(m).where(eq(m.userId, analystId)),
    // forecasters_analyst_idx (analyst_id): the scenarios of the questions the analyst estimated
    store.db
      .selectDistinct({ scenarioId: s.questions.scenarioId })
      .from(s.forecasters)
      .innerJoin(s.questions, eq(s.questions.id, s.forecasters.questionId))
      .where(eq(s.forecasters.analystId, analystId)),
  ]);
  const theirs = [...memberOf, ...estimatedIn];
  const callerIn = new Set(mine.map((r) => r.scenarioId));
  const shared = [...new Set(theirs.map((r) => r.scenarioId))].filter((id) => callerIn.has(id));
  // An analyst the caller shares no scenario with does not exist for them.
  if (shared.length === 0) throw notFound("Analyst");
  for (const scenarioId of shared) await requireRole(store, a, scenarioId, "viewer");

  const user = (await store.db.select({ name: s.user.name }).from(s.user).where(eq(s.user.id, analystId)).limit(1))[0];
  // questions_scenario_idx (scenario_id, position)
  const questions = await store.db
    .select({ id: s.questions.id })
    .from(s.questions)
    .where(inArray(s.questions.scenarioId, shared))
    .orderBy(asc(s.questions.scenarioId), asc(s.questions.position));
  const resolutions = await resolutionsOf(
    store,
    questions.map((q) => q.id),
  );

  // Every estimate before resolution counts, as the issue asks ("all of an analyst's
  // resolved estimates"): a question revisited often weighs more, as it does in the
  // time-averaged Brier.
  const forecasts: Forecast[] = [];
  let counted = 0;
  for (const q of questions) {
    const r = resolutions.get(q.id);
    if (!r || r.hypothesisId === null) continue; // unresolved or annulled
    // estimates_latest_idx (question_id, analyst_id, created_at): a range read
    const estimates = await store.db
      .select({ probabilities: s.estimates.probabilities })
      .from(s.estimates)
      .where(and(eq(s.estimates.questionId, q.id), eq(s.estimates.analystId, analystId), lt(s.estimates.createdAt, r.at)))
      .orderBy(asc(s.estimates.createdAt));
    if (estimates.length === 0) continue;
    // as given, like the scores: the estimate's own hypotheses and the true one
    for (const e of estimates) forecasts.push(...forecastsFromEstimate(e.probabilities, r.hypothesisId));
    counted += 1;
  }
  return {
    analystId,
    name: user?.name ?? null,
    scenarios: shared.length,
    questions: counted,
    forecasts: forecasts.length,
    buckets: calibration(forecasts),
  };
}
