// Sensitivity of a question's evidence-implied probabilities: for each item that bears on
// them, the posterior recomputed as if that item were false (left out), ranked by how much
// probability mass moves. From the caller's ratings or the team's (default).
import "server-only";
import { forbidden } from "@/lib/errors";
import { questionHidden } from "@/lib/elicitation/hidden";
import type { Store } from "@/db/store";
import { requireActor, requireEntityRole, type Actor } from "@/lib/access/service";
import type { Probabilities } from "@/lib/math";
import { sensitivityRows } from "./grid";
import { fastSensitivity } from "./implied";
import { loadQuestionGrid } from "./matrix";
import type { SensitivityQuery } from "./schema";

export interface SensitivityItemOut {
  evidenceId: string;
  summary: string;
  weight: number;
  /** Total variation distance between the posteriors with and without the item, in [0, 1]. */
  effect: number;
  impliedWithout: Probabilities;
}

export interface Sensitivity {
  questionId: string;
  scope: "mine" | "team";
  asOf: string | null;
  /** The implied probabilities with every item, for comparison. */
  implied: Probabilities;
  items: SensitivityItemOut[];
}

export async function getSensitivity(store: Store, actor: Actor | null, questionId: string, query: SensitivityQuery): Promise<Sensitivity> {
  const a = requireActor(actor);
  const { scenarioId, role } = await requireEntityRole(store, a, "question", questionId, "viewer");
  const scope = query.scope ?? "team";
  if (scope === "team" && (await questionHidden(store, scenarioId, questionId, a.id, role, query.asOf))) {
    throw forbidden("Independent judgments: the team's ratings show once you have estimated this question; scope=mine reads your own");
  }
  const { hypotheses, grid } = await loadQuestionGrid(store, a.id, scenarioId, questionId, query.asOf);
  // Only items with weight > 0 and at least one rated cell: the rest have effect 0 by
  // definition, and a scenario may hold thousands of them.
  const rows = sensitivityRows(grid, scope);
  const { implied, items } = fastSensitivity(
    rows,
    hypotheses.map((h) => h.id),
  );
  const byId = new Map(grid.rows.map((r) => [r.evidence.id, r]));
  return {
    questionId,
    scope,
    asOf: query.asOf ? query.asOf.toISOString() : null,
    implied,
    items: items.map((it) => {
      const row = byId.get(it.evidenceId)!;
      return { evidenceId: it.evidenceId, summary: row.evidence.summary, weight: row.weight, effect: it.effect, impliedWithout: it.impliedWithout };
    }),
  };
}
