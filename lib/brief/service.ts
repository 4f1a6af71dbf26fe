// The brief of a scenario, now or as of a past time, with what moved since an earlier one.
// Everything is read through the services the screens use, as the same caller and for the
// same moment, so access (404 for non-members) and independent judgments apply exactly as on
// screen, and every figure is the one the screen shows; lib/brief/compose.ts puts it together.
import "server-only";
import type { Store } from "@/db/store";
import { unprocessable } from "@/lib/errors";
import { requireActor, requireRole, type Actor } from "@/lib/access/service";
import { getScenario } from "@/lib/scenarios/service";
import { readMatrix } from "@/lib/analysis/matrix";
import { getScores } from "@/lib/analysis/scores";
import { getDiff } from "@/lib/analysis/diff";
import { getStanding } from "@/lib/estimates/standing";
import { listIndicators } from "@/lib/indicators/service";
import { listAssumptions } from "@/lib/assumptions/service";
import { composeBrief } from "./compose";
import type { Brief } from "./types";
import type { BriefQuery } from "./schema";

export async function getBrief(store: Store, actor: Actor | null, scenarioId: string, query: Pick<BriefQuery, "asOf" | "since" | "method">): Promise<Brief> {
  const a = requireActor(actor);
  await requireRole(store, a, scenarioId, "viewer");
  const { asOf, since, method } = query;
  const at = asOf ?? store.now();
  if (since && since.getTime() >= at.getTime()) {
    throw unprocessable("`since` must be before the moment the brief describes", [
      { path: "since", message: asOf ? "must be before `asOf`" : "must be in the past" },
    ]);
  }
  const view = await getScenario(store, a, scenarioId, asOf, method);
  const [matrices, standing, scores, diff, indicators, assumptions] = await Promise.all([
    Promise.all(view.questions.map((q) => readMatrix(store, a, scenarioId, { questionId: q.id, asOf, method }))),
    Promise.all(view.questions.map(async (q) => [q.id, (await getStanding(store, a, q.id, asOf)).items] as const)),
    view.questions.some((q) => q.resolution) ? getScores(store, a, scenarioId, { method }) : Promise.resolve(null),
    // only the first page's question lines are used: one item is enough for the rest
    since ? getDiff(store, a, scenarioId, { from: since, to: at, method, limit: 1 }) : Promise.resolve(null),
    listIndicators(store, a, scenarioId, { asOf }),
    listAssumptions(store, a, scenarioId, { asOf }),
  ]);
  return composeBrief({
    view,
    matrices,
    standing: Object.fromEntries(standing),
    scores,
    diff,
    indicators: indicators.items,
    assumptions: assumptions.items,
    at: at.toISOString(),
  });
}
