"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/lib/client/api";
import { scenarioQuery } from "@/lib/client/queries";
import { useFormat } from "@/lib/client/time";
import type { Scores } from "@/lib/analysis/scores";
import type { ScenarioView } from "@/lib/client/types";
import { QueryState } from "@/components/ui/query-state";
import { CorrectResolution, ResolveForm } from "./resolve-form";
import { CalibrationChart } from "./calibration-chart";

const n = (v: number | null, d = 3) => (v === null ? "—" : v.toFixed(d));

/** Resolved questions, each analyst's and the team's scores, and calibration. */
export function ScoresView({
  scenario: initialScenario,
  people,
  viewerId,
  canEdit,
}: {
  scenario: ScenarioView;
  people: { id: string; name: string }[];
  viewerId: string;
  canEdit: boolean;
}) {
  const f = useFormat();
  const scores = useQuery({ queryKey: ["scores", initialScenario.id], queryFn: () => api<Scores>(`/api/v1/scenarios/${initialScenario.id}/scores`) });
  // The tree refreshes after a resolution, so a resolved question leaves the resolve form.
  const tree = useQuery({ ...scenarioQuery(initialScenario.id, null), initialData: initialScenario });
  const scenario = tree.data;
  const [analyst, setAnalyst] = useState(viewerId);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const unresolved = scenario.questions.filter((q) => !q.resolution);

  return (
    <div className="stack">
      <h1>Scores</h1>
      {canEdit && unresolved.length > 0 && <ResolveForm questions={scenario.questions} />}
      <section className="card" aria-labelledby="scores-heading">
        <h2 id="scores-heading">Resolved questions</h2>
        <QueryState query={scores} what="scores">
          {(s) =>
            s.items.length === 0 ? (
              <p className="muted">No question is resolved yet. When the truth is known, resolve the question to score every analyst.</p>
            ) : (
              s.items.map((item) => {
                const truth = scenario.questions.flatMap((q) => q.hypotheses).find((h) => h.id === item.resolution);
                return (
                  <div key={item.questionId} style={{ marginBottom: 16 }} data-testid="scored-question">
                    <h3 style={{ marginBottom: 4 }}>{item.title}</h3>
                    <p className="small muted">
                      {item.resolution === "annulled" ? "Annulled — not scored" : <>Resolved: <strong>{truth?.title ?? "?"}</strong></>} · {f.dateTime(item.resolvedAt)}
                      {item.note && <> · “{item.note}”</>}
                      {canEdit && correcting !== item.questionId && (
                        <>
                          {" "}
                          · <button className="btn-link small" onClick={() => setCorrecting(item.questionId)}>correct…</button>
                        </>
                      )}
                    </p>
                    {correcting === item.questionId && scenario.questions.some((q) => q.id === item.questionId && q.resolution) && (
                      <CorrectResolution
                        questions={scenario.questions}
                        question={scenario.questions.find((q) => q.id === item.questionId)!}
                        onDone={() => setCorrecting(null)}
                      />
                    )}
                    {item.resolution !== "annulled" && (
                      <div className="table-wrap">
                        <table className="data" aria-label={`Scores for ${item.title}`}>
                          <thead>
                            <tr>
                              <th scope="col">Analyst</th>
                              <th scope="col" title="Σ (p − o)² of the last estimate before resolution, as given; 0 is perfect, 2 the worst">Brier</th>
                              <th scope="col" title="ln p(true answer); 0 is perfect">Log score</th>
                              <th scope="col" title="Each estimate's Brier weighted by how long it stood, from the first estimate to resolution; lower is better">Time-averaged Brier</th>
                              <th scope="col">Estimates</th>
                            </tr>
                          </thead>
                          <tbody>
                            {item.analysts.map((a) => (
                              <tr key={a.analystId}>
                                <td>{a.name ?? "former member"}</td>
                                <td className="num">{n(a.brier)}</td>
                                <td className="num">{n(a.logScore)}</td>
                                <td className="num">{n(a.timeAveragedBrier)}</td>
                                <td className="num">{a.estimates}</td>
                              </tr>
                            ))}
                            <tr>
                              <td>
                                <strong>Team</strong> <span className="small faint">({item.team.analysts} pooled)</span>
                              </td>
                              <td className="num">{n(item.team.brier)}</td>
                              <td className="num">{n(item.team.logScore)}</td>
                              <td className="num">{n(item.team.timeAveragedBrier)}</td>
                              <td />
                            </tr>
                          </tbody>
                        </table>
                      </div>
                    )}
                  </div>
                );
              })
            )
          }
        </QueryState>
        <details className="small" style={{ marginTop: 8 }}>
          <summary style={{ cursor: "pointer", fontWeight: 600 }}>How these scores are computed</summary>
          <p>
            Lower is better for Brier and time-averaged Brier (0 is perfect); higher is better for the log score (0 is perfect). Each
            estimate is scored as the analyst gave it: Brier = Σ (p − o)² over the hypotheses the estimate gave and the true answer,
            where o is 1 for the true answer and 0 otherwise (range 0–2). A hypothesis archived later keeps the probability the analyst
            gave it (its outcome is 0), so archiving never changes a score; a hypothesis added after the estimate counts 0. Brier and
            log score use the last estimate before resolution; log score = ln p(true answer), with p floored at 0.0001.
            Time-averaged Brier weights each estimate by how long it actually stood, from the analyst&apos;s first estimate to
            resolution: Σ Brier × duration ÷ total time. The team is scored the same way on its pooled figures as the overview showed
            them at each moment (the pool over the hypotheses open then). A correction changes the answer, not the moment the
            question closed. Annulled questions — by hand, or automatically when a parent question resolves against the condition
            they hang under — are not scored.
          </p>
        </details>
      </section>
      <section className="card" aria-labelledby="cal-heading">
        <div className="spread">
          <h2 id="cal-heading">Calibration</h2>
          <div className="row">
            <label htmlFor="cal-who" className="label">
              Analyst
            </label>
            <select id="cal-who" value={analyst} onChange={(e) => setAnalyst(e.target.value)}>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <CalibrationChart analystId={analyst} />
      </section>
    </div>
  );
}
