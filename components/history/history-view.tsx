"use client";
import { useState } from "react";
import type { ScenarioView } from "@/lib/client/types";
import { ProbabilityChart } from "./probability-chart";
import { DiffPanel } from "./diff-panel";
import { AuditLog } from "./audit-log";

/** "How and why did our confidence change?" — the chart, what changed between two dates, the log. */
export function HistoryView({ scenario, people, asOf }: { scenario: ScenarioView; people: { id: string; name: string }[]; asOf: string | null }) {
  const [questionId, setQuestionId] = useState(scenario.questions[0]?.id ?? null);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const question = scenario.questions.find((q) => q.id === questionId) ?? null;

  return (
    <div className="stack">
      <h1>History</h1>
      {scenario.questions.length === 0 ? (
        <div className="empty">No questions yet, so there is no confidence history to show.</div>
      ) : (
        <section className="card" aria-labelledby="chart-heading">
          <h2 id="chart-heading" className="visually-hidden">
            Probability over time
          </h2>
          <div className="row-wrap" role="tablist" aria-label="Question" style={{ marginBottom: 8 }}>
            {scenario.questions.map((q, i) => (
              <button
                key={q.id}
                role="tab"
                aria-selected={q.id === questionId}
                className={`btn btn-small${q.id === questionId ? " btn-primary" : ""}`}
                onClick={() => setQuestionId(q.id)}
                title={q.title}
              >
                Q{i + 1}
              </button>
            ))}
            {question && <span className="muted">{question.title}</span>}
          </div>
          {question && <ProbabilityChart key={question.id} scenarioId={scenario.id} question={question} asOf={asOf} onRange={setRange} />}
        </section>
      )}
      <DiffPanel scenarioId={scenario.id} questionId={questionId} range={range} onRange={setRange} asOf={asOf} />
      <AuditLog scenarioId={scenario.id} people={people} asOf={asOf} />
    </div>
  );
}
