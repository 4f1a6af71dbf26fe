// Where a question stands, read from its resolution rows (append-only, oldest first). Pure:
// the services, the tree and the scores all decide "resolved?" with this one function.
//
// A row with a hypothesis resolves the question to it; an annulled row closes it without an
// answer; a row with neither reopens it (only written automatically, when a corrected parent
// resolution makes the condition a question hangs under true again). The newest row at or
// before a time is in force (the as-of rule, lib/asof/rule.ts).
import { historyOrder, writtenBy } from "@/lib/asof/rule";

export interface ResolutionRowLike {
  id: string;
  hypothesisId: string | null;
  annulled: boolean;
  note: string;
  causeQuestionId: string | null;
  createdAt: Date;
}

export type ResolutionStatus = "open" | "resolved" | "annulled";

export interface ResolutionState<R extends ResolutionRowLike = ResolutionRowLike> {
  status: ResolutionStatus;
  /** The true answer when resolved; null otherwise. */
  hypothesisId: string | null;
  /** The row in force (null when the question was never resolved). */
  current: R | null;
  /**
   * When the question closed: the first row of the unbroken run of closing rows that ends
   * with the one in force. A correction changes the answer, not this moment — estimates made
   * after it were made knowing an answer. null when open.
   */
  closedAt: Date | null;
  /** Set when the row in force was written automatically (a parent's resolution). */
  automatic: boolean;
}

const closes = (r: ResolutionRowLike) => r.annulled || r.hypothesisId !== null;
const oldestFirst = historyOrder<ResolutionRowLike>((r) => r.id);

/** The state as of `at` (now when absent); rows in any order. */
export function resolutionState<R extends ResolutionRowLike>(rows: readonly R[], at?: Date): ResolutionState<R> {
  const sorted = rows.filter((r) => writtenBy(r, at)).sort(oldestFirst);
  const current = sorted.at(-1) ?? null;
  if (!current || !closes(current)) {
    return { status: "open", hypothesisId: null, current, closedAt: null, automatic: current?.causeQuestionId != null };
  }
  let first = sorted.length - 1;
  while (first > 0 && closes(sorted[first - 1]!)) first -= 1;
  return {
    status: current.annulled ? "annulled" : "resolved",
    hypothesisId: current.annulled ? null : current.hypothesisId,
    current,
    closedAt: sorted[first]!.createdAt,
    automatic: current.causeQuestionId !== null,
  };
}
