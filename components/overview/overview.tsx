"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { scenarioQuery } from "@/lib/client/queries";
import type { PoolMethod } from "@/lib/math/aggregation";
import type { QuestionView, ScenarioView } from "@/lib/client/types";
import { QueryState } from "@/components/ui/query-state";
import { QuestionBlock } from "./question-block";
import { OutcomesCard } from "./outcomes-card";
import { ActivityFeed } from "./activity-feed";
import { AddQuestionForm } from "./add-question-form";
import { UpdateConfidencePanel } from "./update-confidence";
import { LazyScenarioTree, useOverviewView, ViewToggle } from "./tree-toggle";
import { IndependenceSetting } from "./independence-setting";

/** "What do we believe now, and how sure?" — the question tree, outcomes and recent activity. */
export function Overview({ scenarioId, asOf }: { scenarioId: string; asOf: string | null }) {
  const [method, setMethod] = useState<PoolMethod>("geometric");
  const q = useQuery({ ...scenarioQuery(scenarioId, asOf, method), placeholderData: (prev) => prev });
  const [updating, setUpdating] = useState<QuestionView | null>(null);
  const [adding, setAdding] = useState(false);
  const { view, setView, showInList } = useOverviewView();

  return (
    <QueryState query={q} what="the scenario">
      {(s: ScenarioView) => {
        const canEdit = !asOf && s.role !== "viewer";
        const roots = s.questions.filter((x) => !x.parentHypothesisId);
        return (
          <div className="layout-2">
            <div className="stack">
              <section className="card" aria-labelledby="questions-heading">
                <div className="card-title">
                  <div>
                    <h1 id="questions-heading">{s.title}</h1>
                    {s.summary && <p className="muted">{s.summary}</p>}
                    <IndependenceSetting scenario={s} editable={!asOf && s.role === "owner"} />
                  </div>
                  <div className="row-wrap" style={{ alignItems: "flex-start", columnGap: 16 }}>
                  <ViewToggle view={view} onChange={setView} />
                  <div className="field" style={{ minWidth: 170 }}>
                    <label htmlFor="pool-method">Team probability</label>
                    <select id="pool-method" value={method} onChange={(e) => setMethod(e.target.value as PoolMethod)}>
                      <option value="geometric">geometric mean</option>
                      <option value="median">median</option>
                      <option value="mean">arithmetic mean</option>
                    </select>
                  </div>
                  </div>
                </div>
                {s.questions.length === 0 ? (
                  <div className="empty">
                    <p>No questions yet. A question is one uncertainty with competing, mutually exclusive answers.</p>
                    {canEdit && (
                      <button className="btn btn-primary" onClick={() => setAdding(true)}>
                        Add the first question
                      </button>
                    )}
                  </div>
                ) : view === "tree" ? (
                  <LazyScenarioTree scenario={s} canEdit={canEdit} onUpdate={setUpdating} onShowInList={showInList} />
                ) : (
                  roots.map((question) => (
                    <QuestionBlock
                      key={question.id}
                      question={question}
                      scenario={s}
                      canEdit={canEdit}
                      onUpdate={setUpdating}
                      depth={0}
                    />
                  ))
                )}
                {canEdit && s.questions.length > 0 && (
                  <div style={{ marginTop: 12 }}>
                    {adding ? null : (
                      <button className="btn" onClick={() => setAdding(true)}>
                        Add question
                      </button>
                    )}
                  </div>
                )}
                {adding && <AddQuestionForm scenario={s} onDone={() => setAdding(false)} />}
                <details className="small" style={{ marginTop: 12 }}>
                  <summary style={{ cursor: "pointer", fontWeight: 600 }}>How these numbers are computed</summary>
                  <p>
                    Each analyst&apos;s latest estimate counts (as of the chosen time). The team probability is by default the normalised
                    geometric mean of those estimates, each probability first clamped to [0.0001, 0.9999] so one 0 cannot veto a hypothesis;
                    median and arithmetic mean are selectable. Each estimate counts only for the open hypotheses it gave a figure for: a
                    hypothesis added after an analyst&apos;s last estimate is pooled over the analysts who have estimated it (a stale estimate
                    says nothing about it, so it does not count as 0), and that analyst&apos;s estimate is flagged for review until they
                    estimate again. A hypothesis nobody has estimated yet shows no figure. Archived hypotheses drop out and each estimate is
                    renormalised over the open ones it gave. Conditional questions give probabilities “given” their parent hypothesis; an
                    outcome&apos;s probability is the sum over every path leading to it of the product of the probabilities down the tree.
                    Spread is the mean over hypotheses of the standard deviation of analysts&apos; probabilities (low under 5 points, high
                    from 15). Words follow ICD 203.
                  </p>
                </details>
              </section>
              <OutcomesCard scenario={s} canEdit={canEdit} />
            </div>
            <ActivityFeed scenarioId={scenarioId} asOf={asOf} />
            {updating && (
              <UpdateConfidencePanel
                scenarioId={scenarioId}
                question={s.questions.find((x) => x.id === updating.id) ?? updating}
                onClose={() => setUpdating(null)}
              />
            )}
          </div>
        );
      }}
    </QueryState>
  );
}
