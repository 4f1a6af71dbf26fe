"use client";
import { useQuery } from "@tanstack/react-query";
import { api, withAsOf } from "@/lib/client/api";
import { pct } from "@/lib/client/format";
import type { Sensitivity } from "@/lib/analysis/sensitivity";
import { QueryState } from "@/components/ui/query-state";

/** "What if this item were false?" — the implied probabilities without each item, biggest effect first. */
export function SensitivityCard({
  questionId,
  scope,
  asOf,
  hypotheses,
}: {
  questionId: string;
  scope: "mine" | "team";
  asOf: string | null;
  hypotheses: { id: string; title: string }[];
}) {
  const q = useQuery({
    queryKey: ["sensitivity", questionId, scope, asOf ?? "now"],
    queryFn: () => api<Sensitivity>(withAsOf(`/api/v1/questions/${questionId}/sensitivity?scope=${scope}`, asOf)),
  });
  return (
    <section className="card" aria-labelledby="sens-heading">
      <h2 id="sens-heading">What if an item were false?</h2>
      <p className="small muted">
        The evidence-implied probabilities recomputed without each item ({scope === "mine" ? "your ratings" : "team ratings"}), ranked by how far they
        move (total variation: half the sum of the absolute changes).
      </p>
      <QueryState query={q} what="sensitivity">
        {(s) =>
          s.items.filter((i) => i.effect > 0).length === 0 ? (
            <p className="muted small">No rated evidence moves these probabilities yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="data small" aria-label="Sensitivity">
                <thead>
                  <tr>
                    <th scope="col">Without</th>
                    <th scope="col">Effect</th>
                    {hypotheses.map((h) => (
                      <th key={h.id} scope="col">
                        {h.title} <span className="faint">(now {pct(s.implied[h.id])})</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {s.items
                    .filter((i) => i.effect > 0)
                    .slice(0, 10)
                    .map((i) => (
                      <tr key={i.evidenceId}>
                        <td>{i.summary}</td>
                        <td className="num">{(i.effect * 100).toFixed(1)} pts</td>
                        {hypotheses.map((h) => (
                          <td key={h.id} className="num">
                            {pct(i.impliedWithout[h.id])}
                          </td>
                        ))}
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
