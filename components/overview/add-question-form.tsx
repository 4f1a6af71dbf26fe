"use client";
import { useState } from "react";
import type { ScenarioView } from "@/lib/client/types";
import { useScenarioMutation } from "./use-scenario-mutation";
import { LIMITS } from "@/lib/validation/limits";
import { CharCounter, tooLong } from "@/components/ui/char-counter";

/** A new question with its competing answers, optionally conditional on a hypothesis. */
export function AddQuestionForm({ scenario, onDone }: { scenario: ScenarioView; onDone: () => void }) {
  const [title, setTitle] = useState("");
  const [parent, setParent] = useState("");
  const [hypotheses, setHypotheses] = useState(["", ""]);
  const [criteria, setCriteria] = useState("");
  const [resolveBy, setResolveBy] = useState("");
  const create = useScenarioMutation<{
    title: string;
    parentHypothesisId: string | null;
    hypotheses: { title: string }[];
    resolutionCriteria: string;
    resolveBy: string | null;
  }>(
    `/api/v1/scenarios/${scenario.id}/questions`,
    "POST",
  );
  return (
    <form
      className="card"
      style={{ marginTop: 12, background: "var(--subtle)" }}
      aria-label="New question"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          {
            title,
            parentHypothesisId: parent || null,
            hypotheses: hypotheses.filter((h) => h.trim()).map((h) => ({ title: h.trim() })),
            resolutionCriteria: criteria,
            resolveBy: resolveBy || null,
          },
          { onSuccess: onDone },
        );
      }}
    >
      <h3>New question</h3>
      <div className="field">
        <label htmlFor="q-title">Question</label>
        <input id="q-title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} required aria-invalid={tooLong(title, LIMITS.title)} placeholder="What do we need to find out?" />
        <CharCounter value={title} max={LIMITS.title} />
      </div>
      <div className="field">
        <label htmlFor="q-parent">Conditional on (optional)</label>
        <select id="q-parent" value={parent} onChange={(e) => setParent(e.target.value)}>
          <option value="">— none: a root question —</option>
          {scenario.questions.map((q, i) =>
            q.hypotheses
              .filter((h) => h.status === "open")
              .map((h) => (
                <option key={h.id} value={h.id}>
                  Q{i + 1}: given “{h.title}”
                </option>
              )),
          )}
        </select>
      </div>
      <fieldset className="field" style={{ border: "none", padding: 0 }}>
        <legend className="label">Competing hypotheses (mutually exclusive, at least two)</legend>
        {hypotheses.map((h, i) => (
          <div key={i} className="field" style={{ marginBottom: 6 }}>
            <input
              type="text"
              aria-label={`Hypothesis ${i + 1}`}
              value={h}
              aria-invalid={tooLong(h, LIMITS.title)}
              required={i < 2}
              onChange={(e) => setHypotheses(hypotheses.map((x, j) => (j === i ? e.target.value : x)))}
            />
            <CharCounter value={h} max={LIMITS.title} />
          </div>
        ))}
        <button type="button" className="btn btn-small" onClick={() => setHypotheses([...hypotheses, ""])}>
          + another hypothesis
        </button>
      </fieldset>
      <div className="field">
        <label htmlFor="q-criteria">How will it be resolved? (optional)</label>
        <textarea
          id="q-criteria"
          rows={2}
          value={criteria}
          onChange={(e) => setCriteria(e.target.value)}
          aria-invalid={tooLong(criteria, LIMITS.description)}
          placeholder="What would count as each answer being true, and who would say so"
        />
        <CharCounter value={criteria} max={LIMITS.description} />
      </div>
      <div className="field" style={{ maxWidth: 220 }}>
        <label htmlFor="q-resolve-by">Resolve by (optional)</label>
        <input id="q-resolve-by" type="date" value={resolveBy} onChange={(e) => setResolveBy(e.target.value)} />
      </div>
      {create.error && <p className="error-box" role="alert">{create.error.message}</p>}
      <div className="row">
        <button className="btn btn-primary" type="submit" disabled={create.isPending || tooLong(title, LIMITS.title) || tooLong(criteria, LIMITS.description) || hypotheses.some((h) => tooLong(h, LIMITS.title))}>
          Add question
        </button>
        <button className="btn" type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
