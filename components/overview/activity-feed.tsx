"use client";
import { useQuery } from "@tanstack/react-query";
import { activityQuery } from "@/lib/client/queries";
import { describeEvent } from "@/lib/client/describe-event";
import { fmtRelative } from "@/lib/client/format";
import { QueryState } from "@/components/ui/query-state";

export function ActivityFeed({ scenarioId, asOf }: { scenarioId: string; asOf: string | null }) {
  const q = useQuery(activityQuery(scenarioId, asOf));
  const reference = asOf ? new Date(asOf) : new Date();
  return (
    <aside className="card" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Recent activity</h2>
      <QueryState query={q} what="activity">
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">Nothing has happened yet.</p>
          ) : (
            <ul className="activity">
              {data.items.map((e) => (
                <li key={e.id}>
                  <div>
                    <strong>{e.actorName ?? "Someone"}</strong> {describeEvent(e)}
                  </div>
                  <div className="small faint">{fmtRelative(e.at, reference)}</div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </aside>
  );
}
