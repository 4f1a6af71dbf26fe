// The team person by person: each analyst's estimate in force on a question now (or as of a
// time) — their probabilities as given, rationale and linked evidence — flagged for review
// when hypotheses were added since. Subject to independent judgments: before the caller's own
// first estimate, only their own (that is, none) shows.
import "server-only";
import { userNames } from "@/lib/accounts/names";
import type { Store } from "@/db/store";
import { requireActor, requireEntityRole, type Actor } from "@/lib/access/service";
import { standingEstimates } from "@/lib/asof/estimates";
import { hypothesesAt } from "@/lib/asof/questions";
import { questionHidden } from "@/lib/elicitation/hidden";
import { restrictToOpen } from "@/lib/math";

export interface StandingEstimate {
  analystId: string;
  name: string | null;
  /** As the analyst gave them. */
  probabilities: Record<string, number>;
  rationale: string;
  evidenceIds: string[];
  createdAt: string;
  /** Hypotheses are open now that this estimate gives no figure for: it needs the analyst's review. */
  needsReview: boolean;
}

export async function getStanding(store: Store, actor: Actor | null, questionId: string, asOf?: Date): Promise<{ items: StandingEstimate[] }> {
  const a = requireActor(actor);
  const { scenarioId, role } = await requireEntityRole(store, a, "question", questionId, "viewer");
  // hidden means the caller had no estimate then: their own — the only ones shown — are none
  if (await questionHidden(store, scenarioId, questionId, a.id, role, asOf)) return { items: [] };
  const [shown, hypotheses] = await Promise.all([standingEstimates(store, questionId, asOf), hypothesesAt(store, { questionIds: [questionId] }, asOf)]);
  const openIds = hypotheses.filter((h) => h.status === "open").map((h) => h.id);
  const names = await userNames(
    store,
    shown.map((e) => e.analystId),
  );
  const items = shown
    .map((e) => ({
      analystId: e.analystId,
      name: names.get(e.analystId) ?? null,
      probabilities: e.probabilities,
      rationale: e.rationale,
      evidenceIds: e.evidenceIds,
      createdAt: e.createdAt.toISOString(),
      needsReview: restrictToOpen(e.probabilities, openIds).missing.length > 0,
    }))
    .sort((x, y) => (x.name ?? "").localeCompare(y.name ?? "") || (x.analystId < y.analystId ? -1 : 1));
  return { items };
}
