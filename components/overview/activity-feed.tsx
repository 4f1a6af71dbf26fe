"use client";
import { useQuery } from "@tanstack/react-query";
import { activityQuery } from "@/lib/client/queries";
import { activityLines } from "@/lib/audit/group";
import { useFormat } from "@/lib/client/time";
import { QueryState } from "@/components/ui/query-state";

/** The newest changes, each naming its question or item; a burst of ratings reads as one line. */
export function ActivityFeed({ scenarioId, asOf }: { scenarioId: string; asOf: string | null }) {
  const f = useFormat();
  const q = useQuery(activityQuery(scenarioId, asOf));
  return (
    <aside className="card" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Recent activity</h2>
      <QueryState query={q} what="activity">
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">Nothing has happened yet.</p>
          ) : (
            <ul className="activity" data-testid="activity">
              {activityLines(data.items).map(({ event, text }) => (
                <li key={event.id}>
                  <div>
                    <strong>{event.actorName ?? "Someone"}</strong> {text}
                  </div>
                  <div className="small faint">{f.relative(event.at, asOf)}</div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </aside>
  );
}
