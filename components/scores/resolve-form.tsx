"use client";
import { useState } from "react";
import type { QuestionView } from "@/lib/client/types";
import { LIMITS } from "@/lib/validation/limits";
import { CharCounter, tooLong } from "@/components/ui/char-counter";
import { useScenarioMutation } from "@/components/overview/use-scenario-mutation";

type Answer = { hypothesisId: string } | { annulled: true };
type Body = ({ hypothesisId: string } | { annulled: true }) & { note: string; correction?: { reason: string } };

const CORRECTION_REASON_MIN = 10;

/**
 * The open questions a resolution would annul, as the server does: those hanging under
 * another answer of the question, and everything open below them. Annulling by hand
 * leaves the conditional questions alone.
 */
export function wouldAnnul(questions: readonly QuestionView[], questionId: string, answer: Answer): QuestionView[] {
  const question = questions.find((q) => q.id === questionId);
  if (!question || !("hypothesisId" in answer)) return [];
  const under = (q: QuestionView) => questions.filter((c) => !c.resolution && q.hypotheses.some((h) => h.id === c.parentHypothesisId));
  const out: QuestionView[] = [];
  const annul = (q: QuestionView) => {
    out.push(q);
    under(q).forEach(annul);
  };
  under(question)
    .filter((c) => c.parentHypothesisId !== answer.hypothesisId)
    .forEach(annul);
  return out;
}

function Consequences({ questions, question, answer, correcting }: { questions: QuestionView[]; question: QuestionView; answer: Answer; correcting: boolean }) {
  const annulled = wouldAnnul(questions, question.id, answer);
  const title = "hypothesisId" in answer ? question.hypotheses.find((h) => h.id === answer.hypothesisId)?.title : null;
  return (
    <ul className="small" data-testid="resolve-consequences">
      {title ? (
        <li>
          Every analyst&apos;s estimates on “{question.title}” {correcting ? "are scored again" : "are scored"} against “{title}” being true.
        </li>
      ) : (
        <li>“{question.title}” is not scored: nobody gets a score on it.</li>
      )}
      {!correcting && <li>The question closes: no new estimates or hypotheses.</li>}
      {annulled.length > 0 && (
        <li>
          Conditional question{annulled.length === 1 ? "" : "s"} annulled automatically, as {annulled.length === 1 ? "its" : "their"} condition
          is false: {annulled.map((q) => `“${q.title}”`).join(", ")}.
        </li>
      )}
      {!correcting && <li>Changing it later needs a correction with a reason; the first resolution stays in the record.</li>}
    </ul>
  );
}

/** Record the known answer to an open question (or annul it), after a confirmation that says what it affects. */
export function ResolveForm({ questions }: { questions: QuestionView[] }) {
  const open = questions.filter((q) => !q.resolution);
  const [questionId, setQuestionId] = useState(open[0]?.id ?? "");
  const [answer, setAnswer] = useState("");
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);
  // The answers always belong to the question shown: when the chosen one leaves the list
  // (just resolved), the form moves to the first open question and forgets the answer.
  const question = open.find((q) => q.id === questionId) ?? open[0];
  const resolve = useScenarioMutation<Body>(`/api/v1/questions/${question?.id ?? "none"}/resolution`, "POST");
  if (!question) return null;
  const chosen: Answer | null = answer === "annulled" ? { annulled: true } : question.hypotheses.some((h) => h.id === answer) ? { hypothesisId: answer } : null;
  const answerTitle = answer === "annulled" ? "annulled (no answer)" : question.hypotheses.find((h) => h.id === answer)?.title;

  return (
    <form
      className="card"
      aria-label="Resolve a question"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen && !tooLong(note, LIMITS.note, false)) setConfirming(true);
      }}
    >
      <h2>Resolve a question</h2>
      <div className="row-wrap" style={{ alignItems: "flex-start" }}>
        <div className="field grow">
          <label htmlFor="rs-q">Question</label>
          <select
            id="rs-q"
            value={question.id}
            onChange={(e) => {
              setQuestionId(e.target.value);
              setAnswer("");
              setConfirming(false);
            }}
          >
            {open.map((q) => (
              <option key={q.id} value={q.id}>
                {q.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="rs-a">Known answer</label>
          <select
            id="rs-a"
            value={chosen ? answer : ""}
            onChange={(e) => {
              setAnswer(e.target.value);
              setConfirming(false);
            }}
            required
          >
            <option value="">— choose —</option>
            {question.hypotheses.map((h) => (
              <option key={h.id} value={h.id}>
                {h.title}
                {h.status === "archived" ? " (archived)" : ""}
              </option>
            ))}
            <option value="annulled">Annul (cannot be resolved; not scored)</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="rs-note">Note</label>
        <input id="rs-note" type="text" value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={tooLong(note, LIMITS.note, false)} placeholder="How the answer became known" />
        <CharCounter value={note} max={LIMITS.note} trim={false} />
      </div>
      {confirming && chosen ? (
        <div className="confirm" role="alertdialog" aria-label="Confirm the resolution">
          <div className="grow">
            <strong>
              Resolve “{question.title}” as “{answerTitle}”?
            </strong>
            <Consequences questions={questions} question={question} answer={chosen} correcting={false} />
          </div>
          <button
            type="button"
            className="btn btn-primary"
            autoFocus
            disabled={resolve.isPending}
            onClick={() =>
              resolve.mutate(
                { ...chosen, note },
                {
                  onSuccess: () => {
                    setAnswer("");
                    setNote("");
                    setConfirming(false);
                  },
                },
              )
            }
          >
            {resolve.isPending ? "Resolving…" : "Resolve"}
          </button>
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            Go back
          </button>
        </div>
      ) : (
        <button className="btn btn-primary" type="submit" disabled={!chosen || tooLong(note, LIMITS.note, false)}>
          Resolve…
        </button>
      )}
      {resolve.error && <p className="error-box" role="alert">{resolve.error.message}</p>}
    </form>
  );
}

/** Change the answer of a resolved question: a new answer and why the earlier one was wrong. */
export function CorrectResolution({ questions, question, onDone }: { questions: QuestionView[]; question: QuestionView; onDone: () => void }) {
  const current = question.resolution!;
  const [answer, setAnswer] = useState("");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);
  const correct = useScenarioMutation<Body>(`/api/v1/questions/${question.id}/resolution`, "POST");
  const choices = question.hypotheses.filter((h) => h.id !== current.hypothesisId);
  const chosen: Answer | null = answer === "annulled" ? { annulled: true } : choices.some((h) => h.id === answer) ? { hypothesisId: answer } : null;
  const reasonOk = reason.trim().length >= CORRECTION_REASON_MIN && !tooLong(reason, LIMITS.reason);
  const id = (s: string) => `cr-${question.id}-${s}`;
  return (
    <form
      className="card"
      style={{ background: "var(--subtle)" }}
      aria-label={`Correct the resolution of ${question.title}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen && reasonOk) setConfirming(true);
      }}
    >
      <div className="field">
        <label htmlFor={id("a")}>Correct answer</label>
        <select id={id("a")} value={answer} onChange={(e) => {
            setAnswer(e.target.value);
            setConfirming(false);
          }} required>
          <option value="">— choose —</option>
          {choices.map((h) => (
            <option key={h.id} value={h.id}>
              {h.title}
            </option>
          ))}
          {!current.annulled && <option value="annulled">Annul (not scored)</option>}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id("r")}>Why the earlier resolution was wrong (at least {CORRECTION_REASON_MIN} characters)</label>
        <textarea id={id("r")} value={reason} onChange={(e) => {
            setReason(e.target.value);
            setConfirming(false);
          }} aria-invalid={tooLong(reason, LIMITS.reason)} required />
        <CharCounter value={reason} max={LIMITS.reason} />
      </div>
      <div className="field">
        <label htmlFor={id("n")}>Note</label>
        <input id={id("n")} type="text" value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={tooLong(note, LIMITS.note, false)} />
        <CharCounter value={note} max={LIMITS.note} trim={false} />
      </div>
      {confirming && chosen ? (
        <div className="confirm" role="alertdialog" aria-label="Confirm the correction">
          <div className="grow">
            <strong>Correct “{question.title}”?</strong>
            <Consequences questions={questions} question={question} answer={chosen} correcting />
          </div>
          <button
            type="button"
            className="btn btn-primary"
            autoFocus
            disabled={correct.isPending}
            onClick={() => correct.mutate({ ...chosen, note, correction: { reason } }, { onSuccess: onDone })}
          >
            Correct
          </button>
          <button type="button" className="btn" onClick={() => setConfirming(false)}>
            Go back
          </button>
        </div>
      ) : (
        <div className="row">
          <button className="btn btn-primary" type="submit" disabled={!chosen || !reasonOk || tooLong(note, LIMITS.note, false)}>
            Correct…
          </button>
          <button className="btn" type="button" onClick={onDone}>
            Cancel
          </button>
          {!reasonOk && reason.trim().length > 0 && reason.trim().length < CORRECTION_REASON_MIN && (
            <span className="field-error small">Say a little more: at least {CORRECTION_REASON_MIN} characters.</span>
          )}
        </div>
      )}
      {correct.error && <p className="error-box" role="alert">{correct.error.message}</p>}
    </form>
  );
}
