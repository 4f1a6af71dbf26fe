"use client";
import { useState } from "react";
import type { HypothesisView, QuestionView, ScenarioView } from "@/lib/client/types";
import { pct, words, fmtDate } from "@/lib/client/format";
import { InlineEdit } from "@/components/ui/inline-edit";
import { useScenarioMutation } from "./use-scenario-mutation";

const spreadLabel = (d: number | null) => (d === null ? null : d < 0.05 ? "spread low" : d < 0.15 ? "spread moderate" : "spread high");

function HypothesisRow({ h, conditional, canEdit }: { h: HypothesisView; conditional: boolean; canEdit: boolean }) {
  const archive = useScenarioMutation<{ version: number; status: "open" | "archived" }>(`/api/v1/hypotheses/${h.id}`, "PATCH");
  const rename = useScenarioMutation<{ version: number; title: string }>(`/api/v1/hypotheses/${h.id}`, "PATCH");
  const archived = h.status === "archived";
  return (
    <div className={`hyp-row${archived ? " archived" : ""}`} data-testid="hypothesis-row">
      <div>
        {canEdit && !archived ? (
          <InlineEdit label="Hypothesis title" value={h.title} onSave={(title) => rename.mutateAsync({ version: h.version, title })} />
        ) : (
          <span>{h.title}</span>
        )}
        {archived && <span className="badge-warn" style={{ marginLeft: 6 }}>archived</span>}
      </div>
      <div className="bar" role="img" aria-label={`Team probability ${pct(h.probability)}`}>
        <span style={{ width: `${(h.probability ?? 0) * 100}%` }} />
      </div>
      <div className="pct num" data-testid="team-probability">
        {pct(h.probability)}
      </div>
      <div className="muted small">
        {h.probability === null ? (archived ? "" : "no estimate") : `${conditional ? "given parent · " : ""}${words(h.probability)}`}
      </div>
      <div className="small num nowrap">
        {h.myProbability !== null ? <span data-testid="my-probability">you {pct(h.myProbability)}</span> : <span className="faint">—</span>}
        {canEdit && !archived && (
          <button
            className="btn-link small act"
            style={{ marginLeft: 8 }}
            title="Archive: drops out of aggregates, history kept"
            onClick={() => archive.mutate({ version: h.version, status: "archived" })}
          >
            archive
          </button>
        )}
      </div>
      {(archive.error || rename.error) && (
        <div className="field-error small" role="alert" style={{ gridColumn: "1 / -1" }}>
          {(archive.error ?? rename.error)!.message}
        </div>
      )}
    </div>
  );
}

export function QuestionBlock({
  question,
  scenario,
  canEdit,
  onUpdate,
  depth,
}: {
  question: QuestionView;
  scenario: ScenarioView;
  canEdit: boolean;
  onUpdate: (q: QuestionView) => void;
  depth: number;
}) {
  const [addingHypothesis, setAddingHypothesis] = useState(false);
  const [newTitle, setNewTitle] = useState("");
  const rename = useScenarioMutation<{ version: number; title: string }>(`/api/v1/questions/${question.id}`, "PATCH");
  const addHypothesis = useScenarioMutation<{ title: string }>(`/api/v1/questions/${question.id}/hypotheses`, "POST");
  const parent = question.parentHypothesisId
    ? scenario.questions.flatMap((q) => q.hypotheses).find((h) => h.id === question.parentHypothesisId)
    : null;
  const index = scenario.questions.findIndex((q) => q.id === question.id) + 1;
  const spread = spreadLabel(question.disagreement);

  return (
    <div className={`question${depth > 0 ? " conditional" : ""}`} data-testid="question" aria-label={question.title}>
      <div className="spread" style={{ marginBottom: 6 }}>
        <h2 style={{ margin: 0, fontSize: 15 }} className="grow">
          <span className="faint" style={{ marginRight: 6 }}>Q{index}</span>
          {parent && <span className="muted small" style={{ marginRight: 6 }}>given “{parent.title}”:</span>}
          {canEdit ? (
            <InlineEdit label="Question title" value={question.title} onSave={(title) => rename.mutateAsync({ version: question.version, title })} />
          ) : (
            question.title
          )}
        </h2>
        {question.resolution && (
          <span className="chip">{question.resolution.annulled ? "annulled" : "resolved"}</span>
        )}
        {canEdit && (
          <button className="btn btn-primary btn-small" onClick={() => onUpdate(question)}>
            Update confidence
          </button>
        )}
      </div>
      {question.myEstimate?.needsReview && (
        <p className="badge-warn small" role="note">
          Hypotheses were added since your last estimate: review it.
        </p>
      )}
      {question.hypotheses.map((h) => (
        <div key={h.id}>
          <HypothesisRow h={h} conditional={depth > 0} canEdit={canEdit} />
          {scenario.questions
            .filter((child) => child.parentHypothesisId === h.id)
            .map((child) => (
              <QuestionBlock key={child.id} question={child} scenario={scenario} canEdit={canEdit} onUpdate={onUpdate} depth={depth + 1} />
            ))}
        </div>
      ))}
      <div className="row-wrap small muted" style={{ marginTop: 4 }}>
        <span>
          {question.analysts} analyst{question.analysts === 1 ? "" : "s"}
        </span>
        {spread && <span>· {spread}</span>}
        {question.myEstimate && <span>· your last estimate {fmtDate(question.myEstimate.at)}</span>}
        {canEdit && !addingHypothesis && (
          <button className="btn-link small" onClick={() => setAddingHypothesis(true)}>
            + add hypothesis
          </button>
        )}
      </div>
      {addingHypothesis && (
        <form
          className="row"
          style={{ marginTop: 6 }}
          onSubmit={async (e) => {
            e.preventDefault();
            await addHypothesis.mutateAsync({ title: newTitle });
            setNewTitle("");
            setAddingHypothesis(false);
          }}
        >
          <label className="visually-hidden" htmlFor={`new-h-${question.id}`}>
            New hypothesis for {question.title}
          </label>
          <input id={`new-h-${question.id}`} type="text" className="grow" placeholder="Another possible answer…" value={newTitle} onChange={(e) => setNewTitle(e.target.value)} required maxLength={300} />
          <button className="btn btn-small btn-primary" type="submit" disabled={addHypothesis.isPending}>
            Add
          </button>
          <button className="btn btn-small" type="button" onClick={() => setAddingHypothesis(false)}>
            Cancel
          </button>
          {addHypothesis.error && <span className="field-error small">{addHypothesis.error.message}</span>}
        </form>
      )}
    </div>
  );
}
