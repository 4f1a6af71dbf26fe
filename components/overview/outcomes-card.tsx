"use client";
import { useState } from "react";
import type { ScenarioView } from "@/lib/client/types";
import { pct, words } from "@/lib/client/format";
import { useScenarioMutation } from "./use-scenario-mutation";
import { LIMITS } from "@/lib/validation/limits";
import { CharCounter, tooLong } from "@/components/ui/char-counter";

/** End-states with the summed probability of every path that reaches them. */
export function OutcomesCard({ scenario, canEdit }: { scenario: ScenarioView; canEdit: boolean }) {
  const [adding, setAdding] = useState(false);
  const [title, setTitle] = useState("");
  const [picked, setPicked] = useState<string[]>([]);
  const create = useScenarioMutation<{ title: string; hypothesisIds: string[] }>(`/api/v1/scenarios/${scenario.id}/outcomes`, "POST");
  const hypothesisLabel = new Map(
    scenario.questions.flatMap((q, i) => q.hypotheses.map((h) => [h.id, `Q${i + 1} “${h.title}”`] as const)),
  );

  return (
    <section className="card" aria-labelledby="outcomes-heading">
      <div className="card-title">
        <h2 id="outcomes-heading">Outcomes</h2>
        {canEdit && !adding && scenario.questions.length > 0 && (
          <button className="btn btn-small" onClick={() => setAdding(true)}>
            Add outcome
          </button>
        )}
      </div>
      {scenario.outcomes.length === 0 && !adding && (
        <p className="muted">No outcomes yet. An outcome is a named end-state reached through hypotheses of one question tree.</p>
      )}
      {scenario.outcomes.map((o) => (
        <div key={o.id} className="hyp-row outcome-row" data-testid="outcome">
          <div>
            <div style={{ fontWeight: 600 }}>{o.title}</div>
            <div className="small muted">← {o.hypothesisIds.map((id) => hypothesisLabel.get(id) ?? "archived").join(", ")}</div>
          </div>
          <div className="bar" role="img" aria-label={`Outcome probability ${pct(o.probability)}`}>
            <span style={{ width: `${(o.probability ?? 0) * 100}%` }} />
          </div>
          <div className="pct num">{pct(o.probability)}</div>
          <div className="small muted">{o.probability === null ? "needs estimates on every path" : words(o.probability)}</div>
        </div>
      ))}
      {adding && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(
              { title, hypothesisIds: picked },
              {
                onSuccess: () => {
                  setAdding(false);
                  setTitle("");
                  setPicked([]);
                },
              },
            );
          }}
          style={{ marginTop: 12 }}
        >
          <div className="field">
            <label htmlFor="outcome-title">Outcome</label>
            <input id="outcome-title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} required aria-invalid={tooLong(title, LIMITS.title)} />
            <CharCounter value={title} max={LIMITS.title} />
          </div>
          <fieldset className="field" style={{ border: "none", padding: 0 }}>
            <legend className="label">Reached through (hypotheses of one question tree)</legend>
            {scenario.questions.map((q, i) => (
              <div key={q.id} style={{ marginLeft: q.parentHypothesisId ? 20 : 0 }}>
                <div className="small muted">Q{i + 1} {q.title}</div>
                {q.hypotheses
                  .filter((h) => h.status === "open")
                  .map((h) => (
                    <label key={h.id} className="row small" style={{ fontWeight: 400 }}>
                      <input
                        type="checkbox"
                        checked={picked.includes(h.id)}
                        onChange={(e) => setPicked(e.target.checked ? [...picked, h.id] : picked.filter((x) => x !== h.id))}
                      />
                      {h.title}
                    </label>
                  ))}
              </div>
            ))}
          </fieldset>
          {create.error && <p className="error-box" role="alert">{create.error.message}</p>}
          <div className="row">
            <button className="btn btn-primary" type="submit" disabled={create.isPending || picked.length === 0 || tooLong(title, LIMITS.title)}>
              Add outcome
            </button>
            <button className="btn" type="button" onClick={() => setAdding(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
