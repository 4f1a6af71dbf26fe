"use client";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { HypothesisView, Indicator, QuestionView, ScenarioView } from "@/lib/client/types";
import { assumptionsQuery, indicatorsQuery } from "@/lib/client/queries";
import { pct, shownSpread, words } from "@/lib/client/format";
import { useFormat } from "@/lib/client/time";
import { LIMITS } from "@/lib/validation/limits";
import { InlineEdit } from "@/components/ui/inline-edit";
import { CharCounter, tooLong } from "@/components/ui/char-counter";
import { useScenarioMutation } from "./use-scenario-mutation";
import { CriteriaDetails, TeamByAnalyst } from "./question-details";
import { QuestionAssumptions } from "@/components/tradecraft/assumptions";


type StatusPatch = { version: number; status: "open" | "archived" };

function HypothesisRow({
  h,
  conditional,
  canEdit,
  hidden,
  observedSince,
}: {
  h: HypothesisView;
  conditional: boolean;
  canEdit: boolean;
  hidden: boolean;
  /** Its indicators observed since the caller's last estimate on the question. */
  observedSince: Indicator[];
}) {
  const status = useScenarioMutation<StatusPatch>(`/api/v1/hypotheses/${h.id}`, "PATCH");
  const rename = useScenarioMutation<{ version: number; title: string }>(`/api/v1/hypotheses/${h.id}`, "PATCH");
  const [confirming, setConfirming] = useState(false);
  const archived = h.status === "archived";
  return (
    <div className={`hyp-row${archived ? " archived" : ""}`} data-testid="hypothesis-row">
      <div>
        {canEdit && !archived ? (
          <InlineEdit label="Hypothesis title" value={h.title} max={LIMITS.title} onSave={(title) => rename.mutateAsync({ version: h.version, title })} />
        ) : (
          <span>{h.title}</span>
        )}
        {archived && <span className="badge-warn" style={{ marginLeft: 6 }}>archived</span>}
        {observedSince.length > 0 && (
          <span
            className="badge-warn"
            style={{ marginLeft: 6 }}
            data-testid="observed-since"
            title={observedSince.map((i) => `${i.direction === "supports" ? "▲" : "▼"} ${i.title}`).join("\n")}
          >
            {observedSince.length} indicator{observedSince.length === 1 ? "" : "s"} observed since your estimate
          </span>
        )}
      </div>
      <div className="bar" role="img" aria-label={hidden ? "Team probability hidden until you estimate" : `Team probability ${pct(h.probability)}`}>
        <span style={{ width: `${(h.probability ?? 0) * 100}%` }} />
      </div>
      <div className="pct num" data-testid="team-probability">
        {pct(h.probability)}
      </div>
      <div className="muted small">
        {hidden ? "hidden" : h.probability === null ? (archived ? "" : "no estimate") : `${conditional ? "given parent · " : ""}${words(h.probability)}`}
      </div>
      <div className="small num nowrap">
        {h.myProbability !== null ? <span data-testid="my-probability">you {pct(h.myProbability)}</span> : <span className="faint">—</span>}
        {canEdit && !archived && !confirming && (
          <button className="btn-link small act" style={{ marginLeft: 8 }} title="Archive: drops out of the team's figures, history kept" onClick={() => setConfirming(true)}>
            archive
          </button>
        )}
        {canEdit && archived && (
          <button
            className="btn-link small"
            style={{ marginLeft: 8 }}
            title="Restore: open again, with its history"
            disabled={status.isPending}
            onClick={() => status.mutate({ version: h.version, status: "open" })}
          >
            restore
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm small" role="alertdialog" aria-label={`Archive “${h.title}”?`} style={{ gridColumn: "1 / -1" }}>
          <span>
            Archive “{h.title}”? It drops out of the team&apos;s figures and standing estimates are renormalised over the others; its
            history is kept and you can restore it.
          </span>
          <button
            className="btn btn-small btn-danger"
            autoFocus
            disabled={status.isPending}
            onClick={() => status.mutate({ version: h.version, status: "archived" }, { onSuccess: () => setConfirming(false) })}
          >
            Archive
          </button>
          <button className="btn btn-small" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      )}
      {(status.error || rename.error) && (
        <div className="field-error small" role="alert" style={{ gridColumn: "1 / -1" }}>
          {(status.error ?? rename.error)!.message}
        </div>
      )}
    </div>
  );
}

/** "Resolved: “Yes” on 3 Sep 2022" — what closed the question, shown where its numbers are. */
function ResolutionNote({ question }: { question: QuestionView }) {
  const f = useFormat();
  const r = question.resolution!;
  const answer = question.hypotheses.find((h) => h.id === r.hypothesisId);
  return (
    <p className="notice small" role="note" data-testid="resolution-note">
      {r.annulled ? (
        <>
          <strong>Annulled</strong> on {f.date(r.at)}
          {r.automatic ? " automatically" : ""} — not scored, closed to new estimates.
        </>
      ) : (
        <>
          <strong>Resolved: “{answer?.title ?? "?"}”</strong> on {f.date(r.at)}
          {r.corrected ? " (corrected since)" : ""} — closed to new estimates and hypotheses.
        </>
      )}
      {r.note && <> {r.note}</>}
    </p>
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
  const f = useFormat();
  const [addingHypothesis, setAddingHypothesis] = useState(false);
  const [newTitle, setNewTitle] = useState("");
  const rename = useScenarioMutation<{ version: number; title: string }>(`/api/v1/questions/${question.id}`, "PATCH");
  const addHypothesis = useScenarioMutation<{ title: string }>(`/api/v1/questions/${question.id}/hypotheses`, "POST");
  const parent = question.parentHypothesisId
    ? scenario.questions.flatMap((q) => q.hypotheses).find((h) => h.id === question.parentHypothesisId)
    : null;
  const index = scenario.questions.findIndex((q) => q.id === question.id) + 1;
  const spread = shownSpread(question);
  const closed = question.resolution !== null;
  const canChange = canEdit && !closed;
  const asOf = scenario.asOf;
  // figures withheld from the caller, and there are some to withhold
  const hidden = question.teamHidden && question.analysts > 0;
  const assumptions = useQuery(assumptionsQuery(scenario.id, asOf)).data?.items.filter((a) => a.questionId === question.id) ?? [];
  const indicators = useQuery(indicatorsQuery(scenario.id, asOf)).data?.items ?? [];
  // "since your last estimate": observed after it (or at all, if the caller never estimated)
  const mine = question.myEstimate?.at;
  const observedSince = (hypothesisId: string) =>
    canEdit && !closed ? indicators.filter((i) => i.hypothesisId === hypothesisId && i.observedAt !== null && (!mine || i.observedAt > mine)) : [];

  return (
    <div className={`question${depth > 0 ? " conditional" : ""}`} data-testid="question" aria-label={question.title}>
      <div className="spread" style={{ marginBottom: 6 }}>
        <h2 style={{ margin: 0, fontSize: 15 }} className="grow">
          <span className="faint" style={{ marginRight: 6 }}>Q{index}</span>
          {parent && <span className="muted small" style={{ marginRight: 6 }}>given “{parent.title}”:</span>}
          {canEdit ? (
            <InlineEdit label="Question title" value={question.title} max={LIMITS.title} onSave={(title) => rename.mutateAsync({ version: question.version, title })} />
          ) : (
            question.title
          )}
        </h2>
        {question.resolution && <span className="chip">{question.resolution.annulled ? "annulled" : "resolved"}</span>}
        {question.overdue && (
          <span className="badge-danger" data-testid="overdue" title={`Past its resolve-by date (${question.resolveBy ? f.date(question.resolveBy) : ""}) and still unresolved`}>
            overdue
          </span>
        )}
        {canChange && (
          <button className="btn btn-primary btn-small" onClick={() => onUpdate(question)}>
            Update confidence
          </button>
        )}
      </div>
      {closed && <ResolutionNote question={question} />}
      {hidden && (
        <p className="notice small" role="note" data-testid="team-hidden">
          Independent judgments: the team&apos;s figures and everyone&apos;s estimates stay hidden until you record your own, so your
          first judgment is yours alone.
        </p>
      )}
      {question.myEstimate?.needsReview && !closed && (
        <p className="badge-warn small" role="note">
          Hypotheses were added since your last estimate: review it. Until you do, the team&apos;s figure for a new hypothesis
          comes from the analysts who have estimated it.
        </p>
      )}
      <div className="question-extras">
        <CriteriaDetails question={question} canEdit={canEdit} />
        {!question.teamHidden && question.analysts > 0 && <TeamByAnalyst scenarioId={scenario.id} question={question} asOf={asOf} />}
        <QuestionAssumptions question={question} items={assumptions} canEdit={canEdit} />
      </div>
      {question.hypotheses.map((h) => (
        <div key={h.id}>
          <HypothesisRow h={h} conditional={depth > 0} canEdit={canEdit} hidden={hidden} observedSince={observedSince(h.id)} />
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
        {spread && <span>· spread {spread}</span>}
        {question.myEstimate && <span>· your last estimate {f.date(question.myEstimate.at)}</span>}
        {canChange && !addingHypothesis && (
          <button className="btn-link small" onClick={() => setAddingHypothesis(true)}>
            + add hypothesis
          </button>
        )}
      </div>
      {addingHypothesis && canChange && (
        <form
          className="row-wrap"
          style={{ marginTop: 6 }}
          onSubmit={(e) => {
            e.preventDefault();
            addHypothesis.mutate(
              { title: newTitle },
              {
                onSuccess: () => {
                  setNewTitle("");
                  setAddingHypothesis(false);
                },
              },
            );
          }}
        >
          <label className="visually-hidden" htmlFor={`new-h-${question.id}`}>
            New hypothesis for {question.title}
          </label>
          <input
            id={`new-h-${question.id}`}
            type="text"
            className="grow"
            placeholder="Another possible answer…"
            value={newTitle}
            onChange={(e) => setNewTitle(e.target.value)}
            aria-invalid={tooLong(newTitle, LIMITS.title)}
            aria-describedby={`new-h-${question.id}-count`}
            required
          />
          <button className="btn btn-small btn-primary" type="submit" disabled={addHypothesis.isPending || tooLong(newTitle, LIMITS.title)}>
            Add
          </button>
          <button className="btn btn-small" type="button" onClick={() => setAddingHypothesis(false)}>
            Cancel
          </button>
          <CharCounter id={`new-h-${question.id}-count`} value={newTitle} max={LIMITS.title} />
          {addHypothesis.error && <span className="field-error small" role="alert">{addHypothesis.error.message}</span>}
        </form>
      )}
    </div>
  );
}
