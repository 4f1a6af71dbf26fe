"use client";
import type { Matrix } from "@/lib/analysis/matrix";
import { pct } from "@/lib/client/format";

/** Heuer's scores and the probabilities the evidence implies, under each hypothesis column. */
export function MatrixFooter({ matrix: m, view }: { matrix: Matrix; view: "mine" | "team" }) {
  const mine = view === "mine";
  const row = (label: string, cells: React.ReactNode[], testId?: string) => (
    <tr data-testid={testId}>
      <th scope="row" className="sticky-col small" colSpan={3} style={{ textAlign: "right" }}>
        {label}
      </th>
      {cells.map((c, i) => (
        <td key={i} className="num small" style={{ fontWeight: 600 }}>
          {c}
        </td>
      ))}
    </tr>
  );
  return (
    <tfoot>
      {row(
        "inconsistency (weighted)",
        m.hypotheses.map((h) => (mine ? h.inconsistency : h.teamInconsistency)?.toFixed(2) ?? "—"),
        "inconsistency-row",
      )}
      {row("inconsistent items (I = 1, II = 2)", m.hypotheses.map((h) => (mine ? h.inconsistencyCount : h.teamInconsistencyCount) ?? "—"))}
      {row("rank (1 = least inconsistent)", m.hypotheses.map((h) => (mine ? h.rank : h.teamRank) ?? "—"))}
      {row("evidence suggests", m.hypotheses.map((h) => pct(mine ? h.impliedProbability : h.teamImpliedProbability)), "implied-row")}
      {row(
        mine ? "you stated" : "team stated",
        m.hypotheses.map((h) => {
          const stated = mine ? h.myStatedProbability : h.statedProbability;
          const flag = mine ? h.gapFlag : h.teamGapFlag;
          return (
            <span key={h.id}>
              {pct(stated)}
              {flag && <span className="badge-warn" style={{ marginLeft: 4 }} title="More than 20 points from what the evidence implies">gap</span>}
            </span>
          );
        }),
      )}
    </tfoot>
  );
}
