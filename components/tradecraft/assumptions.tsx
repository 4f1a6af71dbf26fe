"use client";
import { useState } from "react";
import type { Assumption, QuestionView } from "@/lib/client/types";
import { LIMITS } from "@/lib/validation/limits";
import { CharCounter, tooLong } from "@/components/ui/char-counter";
import { useScenarioMutation } from "@/components/overview/use-scenario-mutation";

/**
 * A question's key assumptions (the tradecraft primer's key assumptions check): what the
 * judgment rests on, each rated solid, caveated or unsupported. Unsupported ones stand out.
 */
export function QuestionAssumptions({ question, items, canEdit }: { question: QuestionView; items: Assumption[]; canEdit: boolean }) {
  const [adding, setAdding] = useState(false);
  const [statement, setStatement] = useState("");
  const add = useScenarioMutation<{ statement: string }>(`/api/v1/questions/${question.id}/assumptions`, "POST");
  const unsupported = items.filter((a) => a.status === "unsupported").length;
  if (items.length === 0 && !canEdit) return null;
  return (
    <details className="question-details small" data-testid="assumptions" open={unsupported > 0 || undefined}>
      <summary>
        Key assumptions ({items.length})
        {unsupported > 0 && (
          <span className="badge-danger" style={{ marginLeft: 6 }}>
            {unsupported} unsupported
          </span>
        )}
      </summary>
      {items.length > 0 && (
        <ul className="assumption-list">
          {items.map((a) => (
            <AssumptionItem key={a.id} a={a} canEdit={canEdit} />
          ))}
        </ul>
      )}
      {canEdit &&
        (adding ? (
          <form
            className="row-wrap"
            style={{ marginTop: 6 }}
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate(
                { statement },
                {
                  onSuccess: () => {
                    setStatement("");
                    setAdding(false);
                  },
                },
              );
            }}
          >
            <label className="visually-hidden" htmlFor={`new-a-${question.id}`}>
              New key assumption for {question.title}
            </label>
            <input
              id={`new-a-${question.id}`}
              type="text"
              className="grow"
              placeholder="What must be true for our judgment to hold?"
              value={statement}
              onChange={(e) => setStatement(e.target.value)}
              aria-invalid={tooLong(statement, LIMITS.summary)}
              required
            />
            <button className="btn btn-small btn-primary" type="submit" disabled={add.isPending || tooLong(statement, LIMITS.summary)}>
              Add assumption
            </button>
            <button className="btn btn-small" type="button" onClick={() => setAdding(false)}>
              Cancel
            </button>
            <CharCounter value={statement} max={LIMITS.summary} />
            {add.error && <span className="field-error" role="alert">{add.error.message}</span>}
          </form>
        ) : (
          <button className="btn-link small" style={{ marginTop: 4 }} onClick={() => setAdding(true)}>
            + add key assumption
          </button>
        ))}
    </details>
  );
}

function AssumptionItem({ a, canEdit }: { a: Assumption; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState(a.status);
  const [note, setNote] = useState(a.note);
  const save = useScenarioMutation<{ version: number; status: Assumption["status"]; note: string }>(`/api/v1/assumptions/${a.id}`, "PATCH");
  return (
    <li className={`assumption assumption-${a.status}`} data-testid="assumption">
      <div className="row-wrap">
        <span className={a.status === "unsupported" ? "badge-danger" : a.status === "caveated" ? "badge-warn" : "chip"}>{a.status}</span>
        <span className="grow">{a.statement}</span>
        {canEdit && !editing && (
          <button
            className="btn-link small"
            onClick={() => {
              setStatus(a.status);
              setNote(a.note);
              setEditing(true);
            }}
          >
            check
          </button>
        )}
      </div>
      {a.note && !editing && <p className="muted" style={{ margin: "2px 0 0" }}>{a.note}</p>}
      {editing && (
        <form
          className="row-wrap"
          style={{ marginTop: 4 }}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ version: a.version, status, note }, { onSuccess: () => setEditing(false) });
          }}
        >
          <label className="visually-hidden" htmlFor={`a-status-${a.id}`}>
            How well supported
          </label>
          <select id={`a-status-${a.id}`} value={status} onChange={(e) => setStatus(e.target.value as Assumption["status"])}>
            <option value="solid">solid</option>
            <option value="caveated">caveated</option>
            <option value="unsupported">unsupported</option>
          </select>
          <label className="visually-hidden" htmlFor={`a-note-${a.id}`}>
            Why
          </label>
          <input id={`a-note-${a.id}`} type="text" className="grow" placeholder="Why? (what supports or undercuts it)" value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={tooLong(note, LIMITS.note)} />
          <button className="btn btn-small btn-primary" type="submit" disabled={save.isPending || tooLong(note, LIMITS.note)}>
            Save
          </button>
          <button className="btn btn-small" type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
          {save.error && <span className="field-error" role="alert">{save.error.message}</span>}
        </form>
      )}
    </li>
  );
}
