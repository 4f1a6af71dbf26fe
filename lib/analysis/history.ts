// The resolutions scores and calibration are computed against: per closed question, the
// answer in force now, dated by when the question closed. No access checks here.
import "server-only";
import type { Store } from "@/db/store";
import { resolutionsAt } from "@/lib/asof/resolutions";

export interface ResolutionAt {
  /** The resolution in force: the newest (a correction is a new row). */
  id: string;
  questionId: string;
  /** null when annulled */
  hypothesisId: string | null;
  note: string;
  /**
   * When the question closed (lib/resolutions/state.ts). Scoring stops here even if the
   * answer was corrected later: once a question is declared resolved, later estimates are
   * made knowing an answer, and a correction must not reopen the forecasting window.
   */
  at: Date;
}

/** Per closed question (resolved or annulled now): the answer in force, dated by when it closed. */
export async function resolutionsOf(store: Store, questionIds: readonly string[]): Promise<Map<string, ResolutionAt>> {
  const out = new Map<string, ResolutionAt>();
  for (const [questionId, state] of await resolutionsAt(store, questionIds)) {
    if (state.status === "open") continue;
    out.set(questionId, { id: state.current!.id, questionId, hypothesisId: state.hypothesisId, note: state.current!.note, at: state.closedAt! });
  }
  return out;
}
