"use client";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { QuestionView } from "@/lib/client/types";
import { matrixFiguresQuery, standingQuery } from "@/lib/client/queries";
import { pct } from "@/lib/client/format";
import { useFormat } from "@/lib/client/time";
import { LIMITS } from "@/lib/validation/limits";
import { CharCounter, tooLong } from "@/components/ui/char-counter";
import { useScenarioMutation } from "./use-scenario-mutation";

type CriteriaPatch = { version: number; resolutionCriteria: string; resolveBy: string | null };

/** How the question will be judged and by when: one click away under the question. */
export function CriteriaDetails({ question, canEdit }: { question: QuestionView; canEdit: boolean }) {
  const f = useFormat();
  const [editing, setEditing] = useState(false);
  const [criteria, setCriteria] = useState(question.resolutionCriteria);
  const [by, setBy] = useState(question.resolveBy?.slice(0, 10) ?? "");
  const save = useScenarioMutation<CriteriaPatch>(`/api/v1/questions/${question.id}`, "PATCH");
  const id = `criteria-${question.id}`;
  const summary = question.resolutionCriteria
    ? `Resolution criteria${question.resolveBy ? ` · resolve by ${f.date(question.resolveBy)}` : ""}`
    : question.resolveBy
      ? `Resolve by ${f.date(question.resolveBy)} · no criteria written yet`
      : "No resolution criteria yet";
  return (
    <details className="question-details small" data-testid="criteria">
      <summary>{summary}</summary>
      {editing ? (
        <form
          style={{ marginTop: 6 }}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ version: question.version, resolutionCriteria: criteria, resolveBy: by || null }, { onSuccess: () => setEditing(false) });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-text`}>How the answer will be judged</label>
            <textarea id={`${id}-text`} rows={3} value={criteria} onChange={(e) => setCriteria(e.target.value)} aria-invalid={tooLong(criteria, LIMITS.description)} />
            <CharCounter value={criteria} max={LIMITS.description} />
          </div>
          <div className="field" style={{ maxWidth: 220 }}>
            <label htmlFor={`${id}-by`}>Resolve by (optional)</label>
            <input id={`${id}-by`} type="date" value={by} onChange={(e) => setBy(e.target.value)} />
          </div>
          {save.error && <p className="field-error" role="alert">{save.error.message}</p>}
          <div className="row">
            <button className="btn btn-small btn-primary" type="submit" disabled={save.isPending || tooLong(criteria, LIMITS.description)}>
              Save criteria
            </button>
            <button className="btn btn-small" type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div style={{ marginTop: 6 }}>
          <p className="reader-text" data-testid="criteria-text">
            {question.resolutionCriteria || <span className="faint">Nobody has written down yet what would count as each answer.</span>}
          </p>
          <p className="muted">
            {question.resolveBy ? <>Should be known by {f.date(question.resolveBy)}.</> : "Open-ended: no resolve-by date."}
            {question.overdue && <strong className="overdue-text"> Overdue: past that date and still unresolved.</strong>}
          </p>
          {canEdit && (
            <button
              className="btn-link small"
              onClick={() => {
                setCriteria(question.resolutionCriteria);
                setBy(question.resolveBy?.slice(0, 10) ?? "");
                setEditing(true);
              }}
            >
              Edit criteria
            </button>
          )}
        </div>
      )}
    </details>
  );
}

/**
 * Each analyst's latest numbers and rationale, the spread when two or more have estimated,
 * and what the team's ratings imply beside what the team states. Loaded when opened.
 */
export function TeamByAnalyst({ scenarioId, question, asOf }: { scenarioId: string; question: QuestionView; asOf: string | null }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="question-details small" data-testid="team-by-analyst" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        The team, person by person ({question.analysts} analyst{question.analysts === 1 ? "" : "s"})
      </summary>
      {open && <StandingTable scenarioId={scenarioId} question={question} asOf={asOf} />}
    </details>
  );
}

function StandingTable({ scenarioId, question, asOf }: { scenarioId: string; question: QuestionView; asOf: string | null }) {
  const f = useFormat();
  const standing = useQuery(standingQuery(question.id, asOf));
  const matrix = useQuery({ ...matrixFiguresQuery(scenarioId, question.id, asOf), retry: false });
  const hyps = question.hypotheses.filter((h) => h.status === "open");
  if (standing.isPending) return <p className="muted">Loading…</p>;
  if (standing.error) return <p className="field-error" role="alert">{standing.error.message}</p>;
  const items = standing.data.items;
  if (items.length === 0) return <p className="muted">Nobody has estimated this question yet.</p>;
  const implied = new Map(matrix.data?.hypotheses.map((h) => [h.id, h.teamImpliedProbability]) ?? []);
  const range = (id: string) => {
    const ps = items.map((e) => e.probabilities[id]).filter((p): p is number => p !== undefined);
    return ps.length < 2 ? "—" : `${pct(Math.min(...ps))}–${pct(Math.max(...ps))}`;
  };
  return (
    <div className="table-scroll" style={{ marginTop: 6 }}>
      <table className="standing-table">
        <thead>
          <tr>
            <th scope="col">Analyst</th>
            {hyps.map((h) => (
              <th scope="col" key={h.id} className="num">
                {h.title}
              </th>
            ))}
            <th scope="col">Rationale</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.analystId} data-testid="standing-row">
              <th scope="row">
                {e.name ?? "Someone"}
                <div className="faint">{f.date(e.createdAt)}</div>
                {e.needsReview && <span className="badge-warn">needs review</span>}
              </th>
              {hyps.map((h) => (
                <td key={h.id} className="num">
                  {e.probabilities[h.id] === undefined ? "—" : pct(e.probabilities[h.id])}
                </td>
              ))}
              <td className="rationale">{e.rationale || <span className="faint">no rationale</span>}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Team (stated)</th>
            {hyps.map((h) => (
              <td key={h.id} className="num">
                {pct(h.probability)}
              </td>
            ))}
            <td className="muted">pooled as chosen above</td>
          </tr>
          {items.length >= 2 && (
            <tr data-testid="standing-spread">
              <th scope="row">Spread</th>
              {hyps.map((h) => (
                <td key={h.id} className="num">
                  {range(h.id)}
                </td>
              ))}
              <td className="muted">lowest–highest of {items.length} analysts</td>
            </tr>
          )}
          <tr>
            <th scope="row">Evidence implies</th>
            {hyps.map((h) => (
              <td key={h.id} className="num">
                {matrix.data ? pct(implied.get(h.id) ?? null) : "…"}
              </td>
            ))}
            <td className="muted">from the team&apos;s matrix ratings (see Matrix)</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
