"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import Link from "next/link";
import { api } from "@/lib/client/api";
import { useFormat } from "@/lib/client/time";
import type { Diff, DiffQuestion } from "@/lib/analysis/diff";
import type { ProbabilityChange } from "@/lib/analysis/diff-format";
import { QueryState } from "@/components/ui/query-state";

const pct = (p: number | null) => (p === null ? "—" : `${Math.round(p * 100)} %`);

function Changes({ changes }: { changes: ProbabilityChange[] }) {
  return (
    <span className="num">
      {changes.map((c, i) => (
        <span key={c.hypothesisId}>
          {i > 0 && ", "}
          {c.title ?? "(removed)"} {pct(c.from)} → <strong>{pct(c.to)}</strong>
        </span>
      ))}
    </span>
  );
}

/** One question's line: the team before → after, then who moved it, why, and on what evidence. */
function QuestionLine({ q, scenarioId }: { q: DiffQuestion; scenarioId: string }) {
  return (
    <li data-testid="diff-question">
      <div>
        <strong>{q.title}</strong> — team: {q.moved ? <Changes changes={q.changes} /> : <span className="muted">unchanged</span>}
      </div>
      {q.estimates.map((e, i) => (
        <div key={i} className="small" style={{ marginLeft: 12 }}>
          <strong>{e.analystName ?? "Someone"}</strong>
          {e.count > 1 && <span className="muted"> ({e.count} estimates)</span>}: <Changes changes={e.changes} />
          {e.rationale && <span className="muted"> — “{e.rationale}”</span>}
          {e.evidenceIds.length > 0 && (
            <>
              {" "}
              · evidence:{" "}
              {e.evidenceIds.map((id, j) => (
                <span key={id}>
                  {j > 0 && ", "}
                  <Link href={`/scenarios/${scenarioId}/evidence?open=${id}`}>item {j + 1}</Link>
                </span>
              ))}
            </>
          )}
        </div>
      ))}
    </li>
  );
}

/** What changed between two moments, and why: a line per question, then every change. */
export function DiffPanel({
  scenarioId,
  questionId,
  range,
  onRange,
  asOf,
}: {
  scenarioId: string;
  /** The question the chart shows: the panel follows it unless "all questions" is chosen. */
  questionId: string | null;
  range: { from: string; to: string } | null;
  onRange: (r: { from: string; to: string }) => void;
  asOf: string | null;
}) {
  const f = useFormat();
  const [from, setFrom] = useState(range ? f.toInput(range.from) : "");
  const [to, setTo] = useState(range ? f.toInput(range.to) : "");
  const [shown, setShown] = useState(range);
  const [all, setAll] = useState(false);
  if (range && (range.from !== shown?.from || range.to !== shown?.to)) {
    setShown(range);
    setFrom(f.toInput(range.from));
    setTo(f.toInput(range.to));
  }
  // the question lines come with the first page; every change, 100 at a time
  const diff = useInfiniteQuery({
    queryKey: ["diff", scenarioId, shown?.from, shown?.to],
    enabled: !!shown,
    initialPageParam: null as string | null,
    getNextPageParam: (last: Diff) => last.nextCursor,
    queryFn: ({ pageParam }) =>
      api<Diff>(
        `/api/v1/scenarios/${scenarioId}/diff?from=${encodeURIComponent(shown!.from)}&to=${encodeURIComponent(shown!.to)}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`,
      ),
  });
  const follows = (qid: string | undefined | null) => all || !questionId || !qid || qid === questionId;

  return (
    <section className="card" aria-labelledby="diff-heading">
      <h2 id="diff-heading">What changed</h2>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (!from || !to) return;
          const r = { from: f.fromInput(from), to: f.fromInput(to) };
          setShown(r);
          onRange(r);
        }}
      >
        <div className="field">
          <label htmlFor="diff-from">From</label>
          <input id="diff-from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="diff-to">To</label>
          <input id="diff-to" type="datetime-local" value={to} max={asOf ? f.toInput(asOf) : undefined} onChange={(e) => setTo(e.target.value)} required />
        </div>
        <button className="btn" type="submit">
          Compare
        </button>
        {questionId && (
          <label className="row small" style={{ paddingBottom: 6 }}>
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> all questions
          </label>
        )}
      </form>
      {!shown ? (
        <p className="muted small">Pick two moments, or drag across the chart above.</p>
      ) : (
        <QueryState query={diff} what="the changes">
          {(pages) => {
            const d = pages.pages[0]!;
            const questions = d.questions.filter((q) => follows(q.questionId));
            const items = pages.pages.flatMap((p) => p.items).filter((i) => follows(i.questionId));
            if (questions.length === 0 && items.length === 0 && !diff.hasNextPage) {
              return (
                <p className="muted">
                  Nothing changed between {f.dateTime(d.from)} and {f.dateTime(d.to)}
                  {!all && questionId ? " on this question" : ""}.
                </p>
              );
            }
            return (
              <>
                {questions.length > 0 && (
                  <ul className="activity" data-testid="diff-questions">
                    {questions.map((q) => (
                      <QuestionLine key={q.questionId} q={q} scenarioId={scenarioId} />
                    ))}
                  </ul>
                )}
                <details open={questions.length === 0} style={{ marginTop: 8 }}>
                  <summary className="small" style={{ cursor: "pointer", fontWeight: 600 }}>
                    Every change ({items.length}
                    {diff.hasNextPage ? " so far" : ""})
                  </summary>
                  <ul className="activity" data-testid="diff-items">
                    {items.map((item, i) => (
                      <li key={i}>
                        <div>
                          <strong>{item.actorName ?? "Someone"}</strong> {item.summary}
                        </div>
                        {item.rationale && <div className="small muted">“{item.rationale}”</div>}
                        <div className="small faint">{f.dateTime(item.at)}</div>
                      </li>
                    ))}
                  </ul>
                  {diff.hasNextPage && (
                    <button className="btn btn-small" onClick={() => void diff.fetchNextPage()} disabled={diff.isFetchingNextPage}>
                      {diff.isFetchingNextPage ? "Loading more…" : "Load more changes"}
                    </button>
                  )}
                </details>
              </>
            );
          }}
        </QueryState>
      )}
    </section>
  );
}
