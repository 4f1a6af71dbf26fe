"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { evidenceQuery } from "@/lib/client/queries";
import { api } from "@/lib/client/api";
import type { QuestionView } from "@/lib/client/types";
import { pct, signedPoints, words } from "@/lib/client/format";
import { rebalance, roundToPercents } from "@/lib/math/rebalance";
import { useScenarioMutation } from "./use-scenario-mutation";

interface MatrixHypothesis {
  id: string;
  impliedProbability: number | null;
  teamImpliedProbability: number | null;
}
interface MatrixEvidence {
  cells: { mine: { consistency: string } | null; team: { count: number } }[];
}

function startingPoint(q: QuestionView): Record<string, number> {
  const open = q.hypotheses.filter((h) => h.status === "open");
  const from = (pick: (h: (typeof open)[number]) => number | null) =>
    open.every((h) => pick(h) !== null) ? Object.fromEntries(open.map((h) => [h.id, pick(h)!])) : null;
  return from((h) => h.myProbability) ?? from((h) => h.probability) ?? Object.fromEntries(open.map((h) => [h.id, 1 / open.length]));
}

/** "What do I believe now, and why?" — sliders that always total 100 %, a rationale, the evidence. */
export function UpdateConfidencePanel({
  scenarioId,
  question,
  onClose,
}: {
  scenarioId: string;
  question: QuestionView;
  onClose: () => void;
}) {
  const open = question.hypotheses.filter((h) => h.status === "open");
  const [probs, setProbs] = useState<Record<string, number>>(() => startingPoint(question));
  const [locked, setLocked] = useState<string[]>([]);
  const [rationale, setRationale] = useState("");
  const [linked, setLinked] = useState<string[]>([]);
  const [search, setSearch] = useState("");
  const evidence = useQuery(evidenceQuery(scenarioId, null, {}));
  const implied = useQuery({
    queryKey: ["matrix-implied", scenarioId, question.id],
    queryFn: () => api<{ hypotheses: MatrixHypothesis[]; evidence: MatrixEvidence[] }>(`/api/v1/scenarios/${scenarioId}/matrix?questionId=${question.id}`),
    retry: false,
  });
  const save = useScenarioMutation<{ probabilities: Record<string, number>; rationale: string; evidenceIds: string[] }>(
    `/api/v1/questions/${question.id}/estimates`,
    "POST",
  );
  const shown = useMemo(() => roundToPercents(probs), [probs]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const set = (id: string, percent: number) => setProbs((p) => rebalance(p, id, percent / 100, locked));
  const matches = (evidence.data?.items ?? []).filter(
    (e) => !search || `${e.summary} ${e.excerpt ?? ""}`.toLowerCase().includes(search.toLowerCase()),
  );

  return (
    <>
      <div className="panel-backdrop" onClick={onClose} />
      <div className="panel" role="dialog" aria-modal="true" aria-labelledby="uc-title">
        <header>
          <h2 id="uc-title" style={{ margin: 0 }}>Update confidence</h2>
          <p className="muted small" style={{ margin: 0 }}>{question.title}</p>
        </header>
        <form
          className="panel-body"
          id="uc-form"
          onSubmit={async (e) => {
            e.preventDefault();
            await save.mutateAsync({ probabilities: probs, rationale, evidenceIds: linked });
            onClose();
          }}
        >
          {open.map((h, i) => {
            const mine = h.myProbability;
            const value = shown[h.id] ?? 0;
            return (
              <div key={h.id} style={{ marginBottom: 12 }}>
                <div className="spread small">
                  <label htmlFor={`p-${h.id}`} style={{ fontWeight: 600 }}>
                    {h.title}
                  </label>
                  <span className="muted nowrap">
                    {words(probs[h.id] ?? 0)}
                    {mine !== null && <> · {signedPoints((probs[h.id] ?? 0) - mine)} since yours</>}
                  </span>
                </div>
                <div className="slider-row" style={{ gridTemplateColumns: "minmax(0,1fr) 72px 28px" }}>
                  <input
                    id={`p-${h.id}`}
                    type="range"
                    min={0}
                    max={100}
                    step={1}
                    value={value}
                    autoFocus={i === 0}
                    aria-valuetext={`${value} %, ${words(value / 100)}`}
                    onChange={(e) => set(h.id, Number(e.target.value))}
                  />
                  <input
                    type="number"
                    aria-label={`${h.title}, percent`}
                    min={0}
                    max={100}
                    step={1}
                    value={value}
                    onChange={(e) => set(h.id, Math.min(100, Math.max(0, Number(e.target.value) || 0)))}
                  />
                  <label title="Lock this value while moving the others" className="row small" style={{ gap: 2 }}>
                    <input
                      type="checkbox"
                      aria-label={`Lock ${h.title}`}
                      checked={locked.includes(h.id)}
                      onChange={(e) => setLocked(e.target.checked ? [...locked, h.id] : locked.filter((x) => x !== h.id))}
                    />
                    <svg aria-hidden="true" width="12" height="14" viewBox="0 0 12 14" fill="none" stroke="currentColor" strokeWidth="1.5">
                      <rect x="1" y="6" width="10" height="7" rx="1.5" />
                      <path d="M3.5 6V4a2.5 2.5 0 0 1 5 0v2" />
                    </svg>
                  </label>
                </div>
              </div>
            );
          })}
          <p className="small muted num" data-testid="uc-total">
            Total {Object.values(shown).reduce((a, b) => a + b, 0)} %
          </p>
          {implied.data && (
            <div className="notice small" style={{ marginBottom: 12 }} data-testid="uc-implied">
              <strong>What the evidence suggests</strong>
              {(["mine", "team"] as const).map((who) => {
                const rated = implied.data.evidence.some((e) =>
                  e.cells.some((c) => (who === "mine" ? c.mine !== null && c.mine.consistency !== "NA" : c.team.count > 0)),
                );
                const figures = implied.data.hypotheses
                  .map((h) => `${open.find((o) => o.id === h.id)?.title ?? "?"} ${pct(who === "mine" ? h.impliedProbability : h.teamImpliedProbability)}`)
                  .join(" · ");
                return (
                  <div key={who}>
                    {who === "mine" ? "Your ratings: " : "Team's ratings: "}
                    {rated ? figures : who === "mine" ? "rate evidence in the matrix to see this" : "no ratings yet"}
                  </div>
                );
              })}
            </div>
          )}
          <div className="field">
            <label htmlFor="uc-rationale">Rationale (required)</label>
            <textarea
              id="uc-rationale"
              value={rationale}
              onChange={(e) => setRationale(e.target.value)}
              placeholder="What moved you, and why?"
              maxLength={10000}
              required
            />
          </div>
          <fieldset className="field" style={{ border: "none", padding: 0 }}>
            <legend className="label">Evidence that moved you</legend>
            <input type="search" aria-label="Search evidence" placeholder="Search evidence…" value={search} onChange={(e) => setSearch(e.target.value)} />
            <div style={{ maxHeight: 220, overflow: "auto", marginTop: 6 }}>
              {evidence.isPending && <p className="small muted">Loading evidence…</p>}
              {evidence.isError && <p className="small field-error">Could not load evidence.</p>}
              {matches.map((e) => (
                <label key={e.id} className="row small" style={{ fontWeight: 400, alignItems: "flex-start", padding: "3px 0" }}>
                  <input
                    type="checkbox"
                    checked={linked.includes(e.id)}
                    onChange={(ev) => setLinked(ev.target.checked ? [...linked, e.id] : linked.filter((x) => x !== e.id))}
                  />
                  <span>
                    <span className="chip chip-grade">{e.reliability}{e.credibility}</span> {e.summary}
                  </span>
                </label>
              ))}
              {evidence.data && matches.length === 0 && <p className="small muted">No evidence matches.</p>}
            </div>
          </fieldset>
          {save.error && (
            <p className="error-box" role="alert">
              {save.error.message}
            </p>
          )}
        </form>
        <footer>
          <button className="btn" type="button" onClick={onClose}>
            Cancel
          </button>
          <button className="btn btn-primary" type="submit" form="uc-form" disabled={!rationale.trim() || save.isPending}>
            {save.isPending ? "Saving…" : "Save estimate"}
          </button>
        </footer>
      </div>
    </>
  );
}
