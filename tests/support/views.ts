// Hand-built scenario views for unit tests of what reads them (the tree layout, the brief):
// every field present with a plain default, so a test names only what it is about.
import type { HypothesisView, QuestionView } from "@/lib/scenarios/tree";

export function hypothesisView(fields: Pick<HypothesisView, "id" | "questionId" | "title" | "probability"> & Partial<HypothesisView>): HypothesisView {
  return { description: "", status: "open", version: 1, createdAt: "2022-09-06T00:00:00.000Z", myProbability: null, ...fields };
}

export function questionView(fields: Pick<QuestionView, "id" | "title" | "hypotheses"> & Partial<QuestionView>): QuestionView {
  const at = fields.createdAt ?? "2022-09-06T00:00:00.000Z";
  return {
    description: "",
    resolutionCriteria: "",
    resolveBy: null,
    overdue: false,
    teamHidden: false,
    parentHypothesisId: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
    analysts: 0,
    disagreement: null,
    myEstimate: null,
    resolution: null,
    ...fields,
  };
}
