// The activity feed reads calmly: a burst of rating changes by one analyst (consecutive in
// the feed, at most BURST_MS apart) becomes one line. Pure; shared by the feed and its tests.
import type { AuditEvent } from "./service";

export const BURST_MS = 15 * 60 * 1000;

export interface ActivityLine {
  /** The first (newest) event of the line; its id keys the line. */
  event: AuditEvent;
  /** What happened, without the actor. */
  text: string;
  /** How many events the line stands for. */
  count: number;
}

const quote = (s: string | null) => `“${s ?? "(untitled)"}”`;

/** Events newest first → lines newest first. */
export function activityLines(events: readonly AuditEvent[]): ActivityLine[] {
  const out: ActivityLine[] = [];
  let burst: AuditEvent[] = [];
  const flush = () => {
    if (burst.length === 0) return;
    const first = burst[0]!;
    if (burst.length === 1) {
      out.push({ event: first, text: first.summary, count: 1 });
    } else {
      const items = [...new Set(burst.map((e) => e.item))];
      const questions = [...new Set(burst.map((e) => e.questionTitle))];
      const named = items.slice(0, 3).map(quote).join(", ");
      const more = items.length > 3 ? ` and ${items.length - 3} more` : "";
      const on = questions.length === 1 ? ` on ${quote(questions[0]!)}` : ` on ${questions.length} questions`;
      out.push({ event: first, text: `rated ${items.length} evidence item${items.length === 1 ? "" : "s"}${on}: ${named}${more}`, count: burst.length });
    }
    burst = [];
  };
  for (const e of events) {
    const last = burst.at(-1);
    const joins = e.type === "ratings.updated" && last && last.actorId === e.actorId && Date.parse(last.at) - Date.parse(e.at) <= BURST_MS;
    if (!joins) flush();
    if (e.type === "ratings.updated") burst.push(e);
    else out.push({ event: e, text: e.summary, count: 1 });
  }
  flush();
  return out;
}
