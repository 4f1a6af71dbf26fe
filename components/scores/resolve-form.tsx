"use client";
import { useState } from "react";
import type { QuestionView } from "@/lib/client/types";
import { useScenarioMutation } from "@/components/overview/use-scenario-mutation";

/** Record the known answer to a question (or annul it); a later resolution corrects an earlier one. */
export function ResolveForm({ questions }: { questions: QuestionView[] }) {
  const open = questions.filter((q) => !q.resolution);
  const [questionId, setQuestionId] = useState(open[0]?.id ?? "");
  const [answer, setAnswer] = useState("");
  const [note, setNote] = useState("");
  const question = questions.find((q) => q.id === questionId);
  const resolve = useScenarioMutation<{ hypothesisId?: string; annulled?: true; note: string }>(`/api/v1/questions/${questionId}/resolution`, "POST");
  return (
    <form
      className="card"
      aria-label="Resolve a question"
      onSubmit={async (e) => {
        e.preventDefault();
        await resolve.mutateAsync(answer === "annulled" ? { annulled: true, note } : { hypothesisId: answer, note });
        setAnswer("");
        setNote("");
      }}
    >
      <h2>Resolve a question</h2>
      <div className="row" style={{ alignItems: "flex-start" }}>
        <div className="field grow">
          <label htmlFor="rs-q">Question</label>
          <select id="rs-q" value={questionId} onChange={(e) => { setQuestionId(e.target.value); setAnswer(""); }}>
            {open.map((q) => (
              <option key={q.id} value={q.id}>
                {q.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="rs-a">Known answer</label>
          <select id="rs-a" value={answer} onChange={(e) => setAnswer(e.target.value)} required>
            <option value="">— choose —</option>
            {question?.hypotheses.map((h) => (
              <option key={h.id} value={h.id}>
                {h.title}
              </option>
            ))}
            <option value="annulled">Annul (cannot be resolved; not scored)</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="rs-note">Note</label>
        <input id="rs-note" type="text" value={note} onChange={(e) => setNote(e.target.value)} maxLength={5000} placeholder="How the answer became known" />
      </div>
      {resolve.error && <p className="error-box" role="alert">{resolve.error.message}</p>}
      <button className="btn btn-primary" type="submit" disabled={!answer || resolve.isPending}>
        Resolve
      </button>
    </form>
  );
}
