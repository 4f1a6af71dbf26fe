"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { evidenceQuery, matrixFiguresQuery } from "@/lib/client/queries";
import type { QuestionView } from "@/lib/client/types";
import { pct, signedPoints, words } from "@/lib/client/format";
import { evenPercents, rebalance, roundToPercents } from "@/lib/math/rebalance";
import { LIMITS } from "@/lib/validation/limits";
import { CharCounter, tooLong } from "@/components/ui/char-counter";
import { useScenarioMutation } from "./use-scenario-mutation";

// The API accepts a total within ±0.001 of 1: ±0.1 percentage points here.
const TOLERANCE = 0.1;

const show = (n: number) => String(Math.round(n * 100) / 100);

/**
 * Where the fields start: the analyst's own last estimate, or — for a first estimate — an
 * even split. Never the team's figures: pre-filling with them anchors a newcomer.
 */
function startingPoint(q: QuestionView): Record<string, string> {
  const open = q.hypotheses.filter((h) => h.status === "open");
  const percents = q.myEstimate
    ? // a hypothesis added since the analyst's last estimate starts at 0 (they never gave it)
      roundToPercents(Object.fromEntries(open.map((h) => [h.id, h.myProbability ?? 0])), 2)
    : evenPercents(open.map((h) => h.id));
  return Object.fromEntries(Object.entries(percents).map(([k, v]) => [k, show(v)]));
}

/** A typed value as a percentage, or null when it is not a number from 0 to 100. */
function parsePercent(text: string): number | null {
  if (text.trim() === "") return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
}

/**
 * "What do I believe now, and why?" — one number and one slider per hypothesis. Typing a
 * number changes only that number, and what is typed is what is saved; dragging a slider
 * moves the unlocked others in proportion. Save waits for a total of 100 % and a rationale.
 */
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
  const [values, setValues] = useState<Record<string, string>>(() => startingPoint(question));
  const [locked, setLocked] = useState<string[]>([]);
  const [rationale, setRationale] = useState("");
  const [linked, setLinked] = useState<string[]>([]);
  const [search, setSearch] = useState("");
  const evidence = useQuery(evidenceQuery(scenarioId, null, {}));
  const implied = useQuery({ ...matrixFiguresQuery(scenarioId, question.id, null), retry: false });
  const save = useScenarioMutation<{ probabilities: Record<string, number>; rationale: string; evidenceIds: string[] }>(
    `/api/v1/questions/${question.id}/estimates`,
    "POST",
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const parsed = Object.fromEntries(open.map((h) => [h.id, parsePercent(values[h.id] ?? "")]));
  const invalid = open.filter((h) => parsed[h.id] === null);
  const total = open.reduce((s, h) => s + (parsed[h.id] ?? 0), 0);
  const totalOk = invalid.length === 0 && Math.abs(total - 100) <= TOLERANCE;
  const rationaleOk = rationale.trim() !== "" && !tooLong(rationale, LIMITS.rationale);
  const numbers = () => Object.fromEntries(open.map((h) => [h.id, (parsed[h.id] ?? 0) / 100]));

  const type = (id: string, text: string) => setValues((v) => ({ ...v, [id]: text }));
  const drag = (id: string, percent: number) => {
    const next = roundToPercents(rebalance(numbers(), id, percent / 100, locked), 2);
    setValues(Object.fromEntries(open.map((h) => [h.id, show(next[h.id] ?? 0)])));
  };
  const normalise = () => {
    const next = roundToPercents(numbers(), 2);
    setValues(Object.fromEntries(open.map((h) => [h.id, show(next[h.id] ?? 0)])));
  };
  const matches = (evidence.data?.items ?? []).filter(
    (e) => !search || `${e.summary} ${e.excerpt ?? ""}`.toLowerCase().includes(search.toLowerCase()),
  );
  const totalText = `${show(total)} %`;

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
          onSubmit={(e) => {
            e.preventDefault();
            if (!totalOk || !rationaleOk) return;
            // exactly what the fields say, divided by 100
            save.mutate({ probabilities: numbers(), rationale, evidenceIds: linked }, { onSuccess: onClose });
          }}
        >
          <p className="small muted" data-testid="uc-how">
            {question.myEstimate ? "Starting from your last estimate. " : "Your first estimate here starts from an even split. "}
            Typing a number changes only that one. Dragging a slider moves the unlocked others in proportion (lock one to keep it).
          </p>
          {open.map((h, i) => {
            const mine = h.myProbability;
            const value = parsed[h.id] ?? null;
            return (
              <div key={h.id} style={{ marginBottom: 12 }}>
                <div className="spread small">
                  <label htmlFor={`p-${h.id}`} style={{ fontWeight: 600 }}>
                    {h.title}
                  </label>
                  <span className="muted nowrap">
                    {value === null ? "not a number from 0 to 100" : words(value / 100)}
                    {mine !== null && value !== null && <> · {signedPoints(value / 100 - mine)} since yours</>}
                  </span>
                </div>
                <div className="slider-row" style={{ gridTemplateColumns: "minmax(0,1fr) 84px 28px" }}>
                  <input
                    id={`p-${h.id}`}
                    type="range"
                    min={0}
                    max={100}
                    step={1}
                    value={value ?? 0}
                    autoFocus={i === 0}
                    aria-valuetext={`${show(value ?? 0)} %, ${words((value ?? 0) / 100)}`}
                    onChange={(e) => drag(h.id, Number(e.target.value))}
                  />
                  <input
                    type="number"
                    inputMode="decimal"
                    aria-label={`${h.title}, percent`}
                    aria-invalid={value === null}
                    min={0}
                    max={100}
                    step="any"
                    value={values[h.id] ?? ""}
                    onChange={(e) => type(h.id, e.target.value)}
                  />
                  <label title="Lock this value while dragging the others" className="row small" style={{ gap: 2 }}>
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
          <div className="spread small" style={{ marginBottom: 12 }}>
            <span className={`num${totalOk ? " muted" : " field-error"}`} data-testid="uc-total" role="status">
              Total {totalText}
            </span>
            <button type="button" className="btn btn-small" onClick={normalise} disabled={totalOk || invalid.length > 0} title="Rescale the numbers in proportion so they total 100 %">
              Normalise
            </button>
          </div>
          {!totalOk && (
            <p className="badge-warn small" role="note" data-testid="uc-total-message">
              {invalid.length > 0
                ? `Give every hypothesis a number from 0 to 100 (${invalid.map((h) => `“${h.title}”`).join(", ")}).`
                : `The numbers add up to ${totalText}; they must total 100 % (±${TOLERANCE}) before you can save. Change them, or press Normalise to rescale them in proportion.`}
            </p>
          )}
          {implied.data && (
            <div className="notice small" style={{ marginBottom: 12 }} data-testid="uc-implied">
              <strong>What the evidence suggests</strong>
              {(["mine", "team"] as const).map((who) => {
                const rated = implied.data.evidence.some((e) =>
                  e.cells.some((c) => (who === "mine" ? c.mine !== null && c.mine.consistency !== "NA" : (c.team?.count ?? 0) > 0)),
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
              aria-invalid={tooLong(rationale, LIMITS.rationale)}
              aria-describedby="uc-rationale-count"
              required
            />
            <CharCounter id="uc-rationale-count" value={rationale} max={LIMITS.rationale} />
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
          <button className="btn btn-primary" type="submit" form="uc-form" disabled={!totalOk || !rationaleOk || save.isPending}>
            {save.isPending ? "Saving…" : "Save estimate"}
          </button>
        </footer>
      </div>
    </>
  );
}
