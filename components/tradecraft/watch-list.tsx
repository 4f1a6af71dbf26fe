"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import type { ApiError } from "@/lib/client/api";
import { directionWords } from "@/lib/brief/phrases";
import { evidenceQuery, indicatorsQuery, scenarioQuery, WATCH_EVIDENCE } from "@/lib/client/queries";
import type { Evidence, Indicator, ScenarioView } from "@/lib/client/types";
import { useFormat } from "@/lib/client/time";
import { LIMITS } from "@/lib/validation/limits";
import { QueryState } from "@/components/ui/query-state";
import { CharCounter, tooLong } from "@/components/ui/char-counter";
import { GradeChip } from "@/components/evidence/grade-fields";
import { useScenarioMutation } from "@/components/overview/use-scenario-mutation";

type Status = Indicator["status"];

const GROUPS: { status: Status; label: string; hint: string }[] = [
  { status: "watching", label: "Watching", hint: "not seen yet" },
  { status: "observed", label: "Observed", hint: "seen, with the evidence that shows it" },
  { status: "not_observed", label: "Not observed", hint: "looked for and not seen" },
  { status: "retired", label: "Retired", hint: "no longer watched" },
];

const directionArrow = (d: Indicator["direction"]) => `${d === "supports" ? "▲" : "▼"} ${directionWords(d)}`;

/** Where each hypothesis sits: its title, its question and the question's number. */
function placesOf(s: ScenarioView) {
  const out = new Map<string, { hypothesis: string; question: string; n: number; open: boolean }>();
  s.questions.forEach((q, i) => {
    for (const h of q.hypotheses) out.set(h.id, { hypothesis: h.title, question: q.title, n: i + 1, open: h.status === "open" });
  });
  return out;
}

/** "What would we expect to see next?" — indicators by status, each with its hypothesis and evidence. */
export function WatchList({ scenarioId, asOf, canEdit }: { scenarioId: string; asOf: string | null; canEdit: boolean }) {
  const indicators = useQuery(indicatorsQuery(scenarioId, asOf));
  const scenario = useQuery(scenarioQuery(scenarioId, asOf));
  const evidence = useQuery(evidenceQuery(scenarioId, asOf, WATCH_EVIDENCE));
  const [adding, setAdding] = useState(false);

  return (
    <div className="stack">
      <div className="spread">
        <div>
          <h1 style={{ margin: 0 }}>Watch list</h1>
          <p className="muted small" style={{ margin: 0 }}>
            Indicators: what you would expect to see next if a hypothesis were true, or that would undermine it.
          </p>
        </div>
        {canEdit && !adding && (
          <button className="btn btn-primary" onClick={() => setAdding(true)}>
            Add an indicator
          </button>
        )}
      </div>
      <QueryState query={scenario} what="the questions">
        {(s) => (
          <>
            {adding && canEdit && <AddIndicatorForm scenario={s} onDone={() => setAdding(false)} />}
            <QueryState query={indicators} what="the watch list">
              {(data) => {
                if (data.items.length === 0) {
                  return (
                    <div className="empty">
                      <p style={{ margin: 0 }}>
                        {asOf ? "Nothing was on the watch list then." : "Nothing on the watch list yet."} An indicator is something you would expect to
                        see if a hypothesis were true — or that would count against it. Mark it observed when the evidence log shows it.
                      </p>
                    </div>
                  );
                }
                const places = placesOf(s);
                const items = new Map((evidence.data?.items ?? []).map((e) => [e.id, e]));
                return GROUPS.map((g) => {
                  const list = data.items.filter((i) => i.status === g.status);
                  if (list.length === 0) return null;
                  return (
                    <section key={g.status} className="card" aria-labelledby={`watch-${g.status}`} data-testid={`watch-group-${g.status}`}>
                      <h2 id={`watch-${g.status}`} style={{ marginBottom: 4 }}>
                        {g.label} <span className="faint">({list.length})</span>
                      </h2>
                      <p className="muted small">{g.hint}</p>
                      <ul className="watch-items">
                        {list.map((i) => (
                          <IndicatorItem
                            key={i.id}
                            indicator={i}
                            place={places.get(i.hypothesisId)}
                            evidence={items}
                            evidenceList={evidence.data?.items ?? []}
                            scenarioId={scenarioId}
                            asOf={asOf}
                            canEdit={canEdit}
                          />
                        ))}
                      </ul>
                    </section>
                  );
                });
              }}
            </QueryState>
          </>
        )}
      </QueryState>
    </div>
  );
}

function IndicatorItem({
  indicator: i,
  place,
  evidence,
  evidenceList,
  scenarioId,
  asOf,
  canEdit,
}: {
  indicator: Indicator;
  place: { hypothesis: string; question: string; n: number } | undefined;
  evidence: Map<string, Evidence>;
  evidenceList: Evidence[];
  scenarioId: string;
  asOf: string | null;
  canEdit: boolean;
}) {
  const f = useFormat();
  const change = useScenarioMutation<{ version: number; status?: Status; evidenceIds?: string[] }>(`/api/v1/indicators/${i.id}`, "PATCH");
  const [observing, setObserving] = useState(false);
  const set = (status: Status) => change.mutate({ version: i.version, status });
  const evidenceHref = (id: string) => `/scenarios/${scenarioId}/evidence?open=${encodeURIComponent(id)}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ""}`;
  return (
    <li className="watch-item" data-testid="indicator" data-status={i.status} aria-label={i.title}>
      <div className="watch-main">
        <div className="watch-title">{i.title}</div>
        {i.description && <p className="muted small" style={{ margin: 0 }}>{i.description}</p>}
        <div className="row-wrap small" style={{ marginTop: 2 }}>
          <span className={`chip direction-${i.direction}`}>{directionArrow(i.direction)}</span>
          <span>
            “{place?.hypothesis ?? "a hypothesis added later"}”
            {place && (
              <span className="muted">
                {" "}
                · Q{place.n} {place.question}
              </span>
            )}
          </span>
        </div>
        {i.status === "observed" && i.observedAt && <div className="small muted">Observed {f.date(i.observedAt)}</div>}
        {i.evidenceIds.length > 0 && (
          <ul className="watch-evidence small" aria-label="Linked evidence">
            {i.evidenceIds.map((id) => {
              const e = evidence.get(id);
              return (
                <li key={id}>
                  {e && <GradeChip reliability={e.reliability} credibility={e.credibility} />}{" "}
                  <Link href={evidenceHref(id)}>{e?.summary ?? "an evidence item"}</Link>
                  {e?.retractedAt && <span className="badge-warn" style={{ marginLeft: 6 }}>retracted</span>}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {canEdit && !observing && (
        <div className="watch-actions row-wrap">
          {i.status !== "observed" && i.status !== "retired" && (
            <button className="btn btn-small" onClick={() => setObserving(true)}>
              Mark observed…
            </button>
          )}
          {i.status === "observed" && (
            <button className="btn btn-small" onClick={() => setObserving(true)}>
              Change evidence…
            </button>
          )}
          {i.status === "watching" && (
            <button className="btn btn-small" disabled={change.isPending} onClick={() => set("not_observed")}>
              Not observed
            </button>
          )}
          {(i.status === "not_observed" || i.status === "retired") && (
            <button className="btn btn-small" disabled={change.isPending} onClick={() => set("watching")}>
              Watch again
            </button>
          )}
          {i.status !== "retired" && (
            <button className="btn btn-small" disabled={change.isPending} onClick={() => set("retired")}>
              Retire
            </button>
          )}
        </div>
      )}
      {observing && (
        <ObserveForm
          indicator={i}
          evidence={evidenceList}
          pending={change.isPending}
          error={change.error}
          onCancel={() => setObserving(false)}
          onSubmit={(evidenceIds) => change.mutate({ version: i.version, status: "observed", evidenceIds }, { onSuccess: () => setObserving(false) })}
        />
      )}
      {change.error && !observing && (
        <p className="field-error small" role="alert" style={{ margin: 0 }}>
          {change.error.message}
        </p>
      )}
    </li>
  );
}

/** Pick the evidence from the log that shows the indicator: at least one item. */
function ObserveForm({
  indicator,
  evidence,
  pending,
  error,
  onCancel,
  onSubmit,
}: {
  indicator: Indicator;
  evidence: Evidence[];
  pending: boolean;
  error: ApiError | null;
  onCancel: () => void;
  onSubmit: (evidenceIds: string[]) => void;
}) {
  const id = useId();
  const [chosen, setChosen] = useState<string[]>(indicator.evidenceIds);
  const [filter, setFilter] = useState("");
  const words = filter.trim().toLowerCase();
  // items still standing, and any already linked (a retracted one may stay)
  const offered = evidence.filter((e) => (!e.retractedAt || chosen.includes(e.id)) && (!words || e.summary.toLowerCase().includes(words)));
  const toggle = (eid: string, on: boolean) => setChosen((c) => (on ? [...c, eid] : c.filter((x) => x !== eid)));
  return (
    <form
      className="watch-observe"
      aria-label={`Evidence that shows “${indicator.title}”`}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(chosen);
      }}
    >
      <fieldset>
        <legend className="label">Which evidence shows it? Pick at least one item from the log.</legend>
        {evidence.length > 8 && (
          <div className="field" style={{ marginBottom: 6 }}>
            <label htmlFor={`${id}-filter`} className="visually-hidden">
              Filter the evidence
            </label>
            <input id={`${id}-filter`} type="search" placeholder="Filter by words in the summary" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </div>
        )}
        {evidence.length === 0 ? (
          <p className="muted small">The evidence log is empty: log what you saw first.</p>
        ) : (
          <ul className="watch-pick">
            {offered.map((e) => (
              <li key={e.id}>
                <label className="row small" style={{ alignItems: "flex-start" }}>
                  <input type="checkbox" checked={chosen.includes(e.id)} onChange={(ev) => toggle(e.id, ev.target.checked)} />
                  <span>
                    <GradeChip reliability={e.reliability} credibility={e.credibility} /> {e.summary}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="row-wrap" style={{ marginTop: 6 }}>
        <button className="btn btn-small btn-primary" type="submit" disabled={pending || chosen.length === 0}>
          {indicator.status === "observed" ? "Save evidence" : "Mark observed"}
        </button>
        <button className="btn btn-small" type="button" onClick={onCancel}>
          Cancel
        </button>
        <span className="small muted">{chosen.length === 0 ? "No item chosen yet" : `${chosen.length} item${chosen.length === 1 ? "" : "s"} chosen`}</span>
      </div>
      {error && (
        <p className="field-error small" role="alert" style={{ margin: 0 }}>
          {error.message}
        </p>
      )}
    </form>
  );
}

/** A new indicator: which hypothesis, what to look for, and which way it would point. */
function AddIndicatorForm({ scenario, onDone }: { scenario: ScenarioView; onDone: () => void }) {
  const open = scenario.questions.map((q, i) => ({ q, n: i + 1, hypotheses: q.hypotheses.filter((h) => h.status === "open") })).filter((g) => g.hypotheses.length > 0);
  const [hypothesisId, setHypothesisId] = useState(open[0]?.hypotheses[0]?.id ?? "");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [direction, setDirection] = useState<Indicator["direction"]>("supports");
  const add = useScenarioMutation<{ title: string; description: string; direction: Indicator["direction"] }, Indicator>(`/api/v1/hypotheses/${hypothesisId}/indicators`, "POST");
  const blocked = add.isPending || !hypothesisId || tooLong(title, LIMITS.title) || tooLong(description, LIMITS.description, false);
  return (
    <section className="card" aria-labelledby="new-indicator-heading">
      <h2 id="new-indicator-heading">Add an indicator</h2>
      {open.length === 0 ? (
        <p className="muted">Add a question with hypotheses first: an indicator belongs to a hypothesis.</p>
      ) : (
        <form
          aria-label="New indicator"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ title, description, direction }, { onSuccess: onDone });
          }}
        >
          <div className="field">
            <label htmlFor="ind-hypothesis">Hypothesis</label>
            <select id="ind-hypothesis" value={hypothesisId} onChange={(e) => setHypothesisId(e.target.value)}>
              {open.map((g) => (
                <optgroup key={g.q.id} label={`Q${g.n} ${g.q.title}`}>
                  {g.hypotheses.map((h) => (
                    <option key={h.id} value={h.id}>
                      {h.title}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ind-title">What to look for</label>
            <input
              id="ind-title"
              type="text"
              value={title}
              required
              placeholder="e.g. Police detain the gate guard"
              onChange={(e) => setTitle(e.target.value)}
              aria-invalid={tooLong(title, LIMITS.title) || !!add.error?.forField("title")}
              aria-describedby="ind-title-count"
            />
            <CharCounter id="ind-title-count" value={title} max={LIMITS.title} />
            {add.error?.forField("title") && <span className="field-error">{add.error.forField("title")}</span>}
          </div>
          <div className="field">
            <label htmlFor="ind-description">Why it matters (optional)</label>
            <textarea id="ind-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} aria-describedby="ind-description-count" />
            <CharCounter id="ind-description-count" value={description} max={LIMITS.description} trim={false} />
          </div>
          <div className="field">
            <label htmlFor="ind-direction">If seen, it</label>
            <select id="ind-direction" value={direction} onChange={(e) => setDirection(e.target.value as Indicator["direction"])}>
              <option value="supports">would support the hypothesis</option>
              <option value="undermines">would undermine the hypothesis</option>
            </select>
          </div>
          {add.error && !add.error.forField("title") && (
            <p className="field-error" role="alert">
              {add.error.message}
            </p>
          )}
          <div className="row-wrap">
            <button className="btn btn-primary" type="submit" disabled={blocked}>
              Add indicator
            </button>
            <button className="btn" type="button" onClick={onDone}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
