"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/lib/client/api";
import { fmtDateTime, toLocalInput } from "@/lib/client/format";
import type { Diff } from "@/lib/analysis/diff";
import { QueryState } from "@/components/ui/query-state";

/** What changed between two moments, and why: moved probabilities with rationales, evidence, ratings. */
export function DiffPanel({
  scenarioId,
  range,
  onRange,
  asOf,
}: {
  scenarioId: string;
  range: { from: string; to: string } | null;
  onRange: (r: { from: string; to: string }) => void;
  asOf: string | null;
}) {
  const [from, setFrom] = useState(range ? toLocalInput(range.from) : "");
  const [to, setTo] = useState(range ? toLocalInput(range.to) : "");
  const [shown, setShown] = useState(range);
  if (range && (range.from !== shown?.from || range.to !== shown?.to)) {
    setShown(range);
    setFrom(toLocalInput(range.from));
    setTo(toLocalInput(range.to));
  }
  const diff = useQuery({
    queryKey: ["diff", scenarioId, shown?.from, shown?.to],
    enabled: !!shown,
    queryFn: () => api<Diff>(`/api/v1/scenarios/${scenarioId}/diff?from=${encodeURIComponent(shown!.from)}&to=${encodeURIComponent(shown!.to)}`),
  });

  return (
    <section className="card" aria-labelledby="diff-heading">
      <h2 id="diff-heading">What changed</h2>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (!from || !to) return;
          const r = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
          setShown(r);
          onRange(r);
        }}
      >
        <div className="field">
          <label htmlFor="diff-from">From</label>
          <input id="diff-from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="diff-to">To</label>
          <input id="diff-to" type="datetime-local" value={to} max={asOf ? toLocalInput(asOf) : undefined} onChange={(e) => setTo(e.target.value)} required />
        </div>
        <button className="btn" type="submit">
          Compare
        </button>
      </form>
      {!shown ? (
        <p className="muted small">Pick two moments, or drag across the chart above.</p>
      ) : (
        <QueryState query={diff} what="the changes">
          {(d) =>
            d.items.length === 0 ? (
              <p className="muted">Nothing changed between {fmtDateTime(d.from)} and {fmtDateTime(d.to)}.</p>
            ) : (
              <ul className="activity" data-testid="diff-items">
                {d.items.map((item, i) => (
                  <li key={i}>
                    <div>
                      <strong>{item.actorName ?? "Someone"}</strong> {item.summary}
                    </div>
                    {item.rationale && <div className="small muted">“{item.rationale}”</div>}
                    <div className="small faint">{fmtDateTime(item.at)}</div>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryState>
      )}
    </section>
  );
}
