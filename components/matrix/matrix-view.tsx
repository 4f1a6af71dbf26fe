"use client";
import { useInfiniteQuery, useQueryClient, useMutation, type InfiniteData } from "@tanstack/react-query";
import { defaultRangeExtractor, useVirtualizer } from "@tanstack/react-virtual";
import { useRouter, usePathname, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { api, type ApiError } from "@/lib/client/api";
import { matrixKey, matrixQuery, matrixRow, matrixServerSort, type MatrixView as View } from "@/lib/client/queries";
import { sortRows } from "@/lib/analysis/matrix-order";
import type { MatrixPage } from "@/lib/analysis/matrix";
import type { Consistency } from "@/lib/math/ach";
import { QueryState } from "@/components/ui/query-state";
import { GradeChip } from "@/components/evidence/grade-fields";
import type { Reliability } from "@/lib/math/evidence-weight";
import { CELL_STYLE, ratingForKey } from "./cell-style";
import { MatrixFooter } from "./matrix-footer";
import { HowComputed, MatrixLegend } from "./how-computed";
import { SensitivityCard } from "./sensitivity-card";

type Sort = "diagnosticity" | "logged" | "weight";
interface Change {
  evidenceId: string;
  hypothesisId: string;
  /** null: the cell was unrated, so undo clears it */
  previous: Consistency | null;
}

const sameOrder = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

const RATINGS: Consistency[] = ["CC", "C", "N", "I", "II", "NA"];

// Up to this many rows the table holds them all (the browser's find works, nothing jumps);
// beyond it only the rows in view and a margin are in the page, so 2,000 items scroll smoothly.
const WINDOW_FROM = 200;

/**
 * The matrix after a rating, from the rated item's row read again: a rating changes that row
 * and the per-hypothesis figures, nothing else, so one request replaces them in every page.
 */
function withRow(data: InfiniteData<MatrixPage> | undefined, fresh: MatrixPage): InfiniteData<MatrixPage> | undefined {
  const row = fresh.evidence[0];
  if (!data || !row) return data;
  return {
    ...data,
    pages: data.pages.map((p) => ({ ...fresh, sort: p.sort, evidence: p.evidence.map((e) => (e.id === row.id ? row : e)), nextCursor: p.nextCursor })),
  };
}

/** "Which hypothesis does the evidence hurt least?" — evidence × hypotheses, rated in place. */
export function MatrixView({
  scenarioId,
  asOf,
  questions,
  initialQuestion,
  canEdit,
}: {
  scenarioId: string;
  asOf: string | null;
  questions: { id: string; label: string }[];
  initialQuestion: string | null;
  canEdit: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [questionId, setQuestionId] = useState(initialQuestion);
  // An analyst who can rate starts on their own ratings; a viewer on the team's.
  const [view, setView] = useState<View>(canEdit ? "mine" : "team");
  const [sort, setSort] = useState<Sort>("diagnosticity");
  const [filter, setFilter] = useState("");
  const [ratedOnly, setRatedOnly] = useState(false);
  const [showRetracted, setShowRetracted] = useState(false);
  const [active, setActive] = useState<{ row: number; col: number } | null>(null);
  // The rating menu opens on a click only (keyboard users type the rating), and closes
  // after a choice, so it never hides the cell below for long.
  const [menuOpen, setMenuOpen] = useState(false);
  const [undo, setUndo] = useState<Change[]>([]);
  const tableRef = useRef<HTMLTableElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const qc = useQueryClient();
  // The server sorts (the pages arrive in order) and sends the rows a page at a time; the
  // first page comes with the page, the rest load behind it so filters see every row.
  const serverSort = matrixServerSort(sort, view);
  const matrix = useInfiniteQuery({
    ...matrixQuery(scenarioId, questionId ?? "", asOf, serverSort),
    enabled: !!questionId,
    // while another order of the same question loads, its rows stay on screen (not another question's)
    placeholderData: (previous, query) => (query?.queryKey[2] === questionId && query?.queryKey[3] === (asOf ?? "now") ? previous : undefined),
  });
  const { hasNextPage, isFetchingNextPage, isFetching, isError, fetchNextPage, refetch } = matrix;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  const first = matrix.data?.pages[0];
  const evidence = useMemo(() => {
    const seen = new Set<string>();
    return (matrix.data?.pages ?? []).flatMap((p) => p.evidence.filter((e) => !seen.has(e.id) && (seen.add(e.id), true)));
  }, [matrix.data]);
  // Rows in the whole matrix, as the newest page counts them.
  const total = matrix.data?.pages.at(-1)?.evidenceCount ?? 0;
  // The pages are read one after another while others may rate or log evidence: a row whose
  // place moved ahead of a page already read is missed. Once every page is in, fewer rows
  // than the matrix holds means that happened: read them all again (twice at most).
  const rereads = useRef({ key: "", count: 0 });
  const readKey = `${questionId}|${asOf}|${serverSort}`;
  if (rereads.current.key !== readKey) rereads.current = { key: readKey, count: 0 };
  useEffect(() => {
    if (first && !hasNextPage && !isFetching && !isError && evidence.length < total && rereads.current.count < 2) {
      rereads.current.count += 1;
      void refetch();
    }
  }, [first, hasNextPage, isFetching, isError, evidence.length, total, refetch]);
  const rate = useMutation<unknown, ApiError, { evidenceId: string; hypothesisId: string; consistency: Consistency | null }>({
    // one rating at a time, each followed by its row's re-read, so an older re-read never
    // lands after a newer one and Undo knows what each cell held
    scope: { id: `matrix-ratings-${scenarioId}` },
    mutationFn: ({ evidenceId, hypothesisId, consistency }) =>
      api(`/api/v1/evidence/${evidenceId}/ratings`, { method: "PUT", body: { ratings: [{ hypothesisId, consistency }] } }),
    onSuccess: async (_, v) => {
      void qc.invalidateQueries({ queryKey: ["sensitivity"] });
      const key = matrixKey(scenarioId, questionId, asOf, serverSort);
      // the rating is saved: should its row not come back, read every page again instead
      const fresh = await matrixRow(scenarioId, questionId!, asOf, v.evidenceId).catch(() => null);
      if (!fresh?.evidence[0]) {
        await qc.invalidateQueries({ queryKey: ["matrix", scenarioId] });
        return;
      }
      // a page still loading was built from the rows before this rating: stop it (the rest
      // load again after the patch), so it cannot put the old row back when it lands
      await qc.cancelQueries({ queryKey: key });
      // every other order and the overview's figures are stale now; this one is patched in place
      await qc.invalidateQueries({ queryKey: ["matrix", scenarioId], refetchType: "none" });
      qc.setQueryData<InfiniteData<MatrixPage>>(key, (d) => withRow(d, fresh));
    },
  });

  // The order rows are shown in is fixed when the question, sort or view is chosen, so a row
  // does not jump away while it is being rated; "Re-sort" applies the sort again on request.
  // The pages come in the server's order; a rated row is re-read alone, so the rows in hand
  // are put in order again here by the server's own rule.
  const sorted = useMemo(() => sortRows(evidence, serverSort).map((e) => e.id), [evidence, serverSort]);
  const orderKey = `${questionId}|${sort}|${view}`;
  const [order, setOrder] = useState<{ key: string; ids: string[] } | null>(null);
  if (first && !matrix.isPlaceholderData && order?.key !== orderKey) setOrder({ key: orderKey, ids: sorted });
  const shownOrder = order?.key === orderKey ? order.ids : sorted;
  const unsorted = useMemo(() => {
    const shown = new Set(shownOrder);
    return !sameOrder(shownOrder, sorted.filter((id) => shown.has(id)));
  }, [shownOrder, sorted]);

  const rows = useMemo(() => {
    const byId = new Map(evidence.map((e) => [e.id, e]));
    // items logged (or pages loaded) since the order was fixed go last
    const shown = new Set(shownOrder);
    const ids = [...shownOrder, ...sorted.filter((id) => !shown.has(id))];
    const rated = (e: NonNullable<ReturnType<typeof byId.get>>) => e.cells.some((c) => (view === "mine" ? c.mine !== null : (c.team?.ratedBy ?? 0) > 0));
    return ids.flatMap((id) => {
      const e = byId.get(id);
      if (!e) return [];
      if (!showRetracted && e.retracted) return [];
      if (filter && !e.summary.toLowerCase().includes(filter.toLowerCase())) return [];
      if (ratedOnly && !rated(e)) return [];
      return [e];
    });
  }, [evidence, shownOrder, sorted, filter, showRetracted, ratedOnly, view]);

  const windowed = rows.length > WINDOW_FROM;
  // The row holding the keyboard's cell stays in the page even when scrolled far away: were it
  // dropped, its focused cell would go with it (focus falls to the page, Ctrl+Z stops working)
  // and Tab would find no cell of the table to enter.
  const keep = Math.min(active?.row ?? 0, rows.length - 1);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders the view as it scrolls, by design
  const virtualizer = useVirtualizer({
    count: windowed ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 56,
    overscan: 12,
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      return keep < 0 || indexes.includes(keep) ? indexes : [...indexes, keep].sort((a, b) => a - b);
    },
  });
  // The rows in the page, with a spacer row for each stretch of rows left out.
  const parts: ({ row: number } | { gap: number })[] = [];
  if (windowed) {
    let end = 0;
    for (const v of virtualizer.getVirtualItems()) {
      if (v.start > end) parts.push({ gap: v.start - end });
      parts.push({ row: v.index });
      end = Math.max(end, v.end);
    }
    if (virtualizer.getTotalSize() > end) parts.push({ gap: virtualizer.getTotalSize() - end });
  } else {
    rows.forEach((_, row) => parts.push({ row }));
  }

  // A cell moved to by the keyboard may be outside the rows in the page: scroll it in, then focus it.
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    if (!pendingFocus.current) return;
    const el = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${pendingFocus.current}"]`);
    if (el) {
      pendingFocus.current = null;
      el.focus();
    }
  });

  function setRating(row: number, col: number, consistency: Consistency | null) {
    const e = rows[row];
    const h = first?.hypotheses[col];
    if (!e || !h || !canEdit || e.retracted) return;
    const previous = e.cells.find((c) => c.hypothesisId === h.id)?.mine?.consistency ?? null;
    if (previous === consistency) return; // also: clearing an unrated cell
    setUndo((u) => [...u.slice(-49), { evidenceId: e.id, hypothesisId: h.id, previous }]);
    rate.mutate({ evidenceId: e.id, hypothesisId: h.id, consistency });
  }

  function undoLast() {
    const last = undo.at(-1);
    if (!last) return;
    setUndo((u) => u.slice(0, -1));
    // Ratings are append-only: undo records the earlier value again, or clears a cell that was unrated.
    rate.mutate({ evidenceId: last.evidenceId, hypothesisId: last.hypothesisId, consistency: last.previous });
  }

  function focusCell(row: number, col: number) {
    setActive({ row, col });
    pendingFocus.current = `${row}-${col}`;
    if (windowed) virtualizer.scrollToIndex(row, { align: "auto" });
    tableRef.current?.querySelector<HTMLElement>(`[data-cell="${row}-${col}"]`)?.focus();
  }

  function onKeyDown(e: React.KeyboardEvent, row: number, col: number) {
    const nCols = first?.hypotheses.length ?? 0;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const mv = moves[e.key];
    if (e.key === "Escape") {
      setMenuOpen(false);
      return;
    }
    if (mv) {
      e.preventDefault();
      setMenuOpen(false);
      focusCell(Math.min(rows.length - 1, Math.max(0, row + mv[0])), Math.min(nCols - 1, Math.max(0, col + mv[1])));
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "z") {
      e.preventDefault();
      undoLast();
      return;
    }
    if (view !== "mine" || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      setRating(row, col, null);
      return;
    }
    const r = ratingForKey(e);
    if (r) {
      e.preventDefault();
      setRating(row, col, r);
    }
  }

  const chooseQuestion = (id: string) => {
    setQuestionId(id);
    setActive(null);
    const p = new URLSearchParams(params.toString());
    p.set("q", id);
    router.replace(`${pathname}?${p.toString()}`);
  };

  if (questions.length === 0) return <div className="empty">No questions yet. Add one on the Overview tab, then rate evidence against its hypotheses here.</div>;

  return (
    <div className="stack">
      <div className="toolbar">
        <div className="field">
          <label htmlFor="mx-q">Question</label>
          <select id="mx-q" value={questionId ?? ""} onChange={(e) => chooseQuestion(e.target.value)} style={{ maxWidth: 520 }}>
            {questions.map((q) => (
              <option key={q.id} value={q.id}>
                {q.label}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field" style={{ border: "none", padding: 0 }}>
          <legend className="label">Show</legend>
          <div className="row" role="radiogroup">
            {(["mine", "team"] as const).map((v) => (
              <label key={v} className="row small" style={{ fontWeight: view === v ? 600 : 400 }}>
                <input type="radio" name="mx-view" checked={view === v} onChange={() => setView(v)} disabled={v === "team" && first?.teamHidden === true} />
                {v === "mine" ? "my ratings" : "team"}
              </label>
            ))}
          </div>
          {first?.teamHidden && (
            <span className="hint" data-testid="matrix-team-hidden">
              Independent judgments: the team&apos;s ratings show once you have estimated this question.
            </span>
          )}
        </fieldset>
        <div className="field">
          <label htmlFor="mx-sort">Sort by</label>
          <select id="mx-sort" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            <option value="diagnosticity">diagnosticity</option>
            <option value="weight">weight (grade)</option>
            <option value="logged">newest first</option>
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="mx-filter">Filter evidence</label>
          <input id="mx-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Words in the summary" />
        </div>
        <label className="row small" style={{ paddingBottom: 6 }}>
          <input type="checkbox" checked={ratedOnly} onChange={(e) => setRatedOnly(e.target.checked)} /> only rated items
        </label>
        <label className="row small" style={{ paddingBottom: 6 }}>
          <input type="checkbox" checked={showRetracted} onChange={(e) => setShowRetracted(e.target.checked)} /> retracted
        </label>
        {unsorted && (
          <button className="btn btn-small" onClick={() => setOrder({ key: orderKey, ids: sorted })} title="Rows keep their place while you rate; sort them again now">
            Re-sort
          </button>
        )}
        {canEdit && (
          <button className="btn btn-small" disabled={undo.length === 0 || rate.isPending} onClick={undoLast} title="Undo the last rating (Ctrl+Z)">
            Undo
          </button>
        )}
      </div>
      {rate.error && <p className="error-box" role="alert">{rate.error.message}</p>}
      {view === "mine" && canEdit && first && !hasNextPage && !evidence.some((e) => e.cells.some((c) => c.mine)) && (
        <p className="notice small" role="note">
          You have not rated this question yet. Pick a cell and type a rating; choose “team” to see the others&apos; ratings.
        </p>
      )}
      <MatrixLegend />
      <QueryState query={matrix} what="the matrix">
        {({ pages: [m] }) => m && (
          <>
            {m.hypotheses.length === 0 || m.evidenceCount === 0 ? (
              <div className="empty">{m.evidenceCount === 0 ? "No evidence yet: log some on the Evidence or Sources tab, then rate it here." : "This question has no open hypotheses."}</div>
            ) : (
              <div className="table-wrap" style={{ maxHeight: "70vh" }} ref={scrollRef}>
                <table className="data matrix" ref={tableRef} aria-label={`ACH matrix: ${m.questionTitle}`} aria-describedby="mx-help">
                  <thead>
                    <tr>
                      <th scope="col" className="sticky-col">Evidence</th>
                      <th scope="col">Grade</th>
                      <th scope="col" title="How well this item tells the hypotheses apart, in bits">Diagnosticity</th>
                      {m.hypotheses.map((h) => (
                        <th key={h.id} scope="col" style={{ minWidth: 120 }}>
                          {h.title}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {parts.map((part, i) => {
                      if ("gap" in part) return <tr key={`gap-${i}`} aria-hidden="true" style={{ height: part.gap }} />;
                      const r = part.row;
                      const e = rows[r]!;
                      const diag = (view === "mine" ? e.diagnosticity : e.teamDiagnosticity) ?? 0;
                      return (
                        <tr key={e.id} className={e.retracted ? "retracted" : undefined} data-testid="matrix-row" data-index={r} ref={windowed ? virtualizer.measureElement : undefined}>
                          <th scope="row" className="sticky-col" style={{ fontWeight: 500, maxWidth: 360 }}>
                            <span className="summary">{e.summary}</span>
                          </th>
                          <td>
                            <GradeChip reliability={e.reliability as Reliability} credibility={e.credibility} />
                            <div className="small faint num">w {e.weight.toFixed(2)}</div>
                          </td>
                          <td className="num nowrap" data-testid="diagnosticity">
                            <span aria-hidden="true" style={{ color: "var(--accent)", letterSpacing: -2 }}>{"▮".repeat(Math.min(4, Math.ceil(diag)))}</span>{" "}
                            {diag.toFixed(1)} bits
                          </td>
                          {m.hypotheses.map((h, c) => {
                            const cell = e.cells.find((x) => x.hypothesisId === h.id);
                            const value = view === "mine" ? (cell?.mine?.consistency ?? null) : (cell?.team?.consistency ?? null);
                            const raters =
                              view === "team" && cell?.team && cell.team.ratedBy > 0
                                ? ` (${cell.team.ratedBy}${cell.disagreement?.label && cell.disagreement.label !== "consensus" ? `, ${cell.disagreement.label}` : ""})`
                                : "";
                            const style = value ? CELL_STYLE[value] : null;
                            const isActive = active?.row === r && active.col === c;
                            return (
                              <td
                                key={h.id}
                                data-cell={`${r}-${c}`}
                                data-testid="matrix-cell"
                                tabIndex={isActive || (!active && r === 0 && c === 0) ? 0 : -1}
                                role="gridcell"
                                onFocus={() => setActive({ row: r, col: c })}
                                onClick={() => setMenuOpen(true)}
                                onBlur={() => setMenuOpen(false)}
                                onKeyDown={(ev) => onKeyDown(ev, r, c)}
                                className="matrix-cell"
                                style={{ background: style?.background, color: style?.color }}
                              >
                                {/* Named by its content (WCAG 2.5.3: the name contains the visible text): "E3 × Yes: C — consistent". */}
                                <span className="visually-hidden">{`${e.summary} × ${h.title}: `}</span>
                                <span className="cell-value" aria-hidden={value ? undefined : true}>{value ?? "·"}</span>
                                {raters && <span className="small">{raters}</span>}
                                <span className="visually-hidden">{value ? ` — ${CELL_STYLE[value].label}` : "not rated"}</span>
                                {view === "mine" && isActive && menuOpen && canEdit && !e.retracted && (
                                  <span className="cell-menu" role="group" aria-label="Set rating" aria-hidden="true">
                                    {RATINGS.map((x) => (
                                      <button key={x} type="button" tabIndex={-1} className="btn btn-small" aria-pressed={value === x} onMouseDown={(ev) => ev.preventDefault()} onClick={(ev) => { ev.stopPropagation(); setRating(r, c, x); setMenuOpen(false); }}>
                                        {x}
                                      </button>
                                    ))}
                                    {value && (
                                      <button type="button" tabIndex={-1} className="btn btn-small" title="Clear: leave this cell unrated" onMouseDown={(ev) => ev.preventDefault()} onClick={(ev) => { ev.stopPropagation(); setRating(r, c, null); setMenuOpen(false); }}>
                                        clear
                                      </button>
                                    )}
                                  </span>
                                )}
                              </td>
                            );
                          })}
                        </tr>
                      );
                    })}
                  </tbody>
                  <MatrixFooter matrix={m} view={view} />
                </table>
              </div>
            )}
            <p id="mx-help" className="small muted">
              {canEdit
                ? "Click a cell or move with the arrow keys; set a rating with C, Shift+C (CC), N, I, Shift+I (II) or A (NA); Delete or Backspace clears it. Each change saves at once; Ctrl+Z undoes."
                : "Read-only here."}{" "}
              {m.raters} analyst{m.raters === 1 ? "" : "s"} rated this question.{" "}
              <span data-testid="matrix-count">
                {hasNextPage ? `Loaded ${evidence.length} of ${total} evidence items…` : `${total} evidence item${total === 1 ? "" : "s"}${rows.length < total ? `, ${rows.length} shown` : ""}.`}
              </span>
            </p>
            {(m.gapFlag || m.teamGapFlag) && (
              <p className="badge-warn" role="note" style={{ padding: 8 }}>
                {m.gapFlag ? "Your stated probabilities differ from what your ratings imply by more than 20 points." : "The team's stated probabilities differ from what its ratings imply by more than 20 points."} Over- or under-reacting?
              </p>
            )}
            <SensitivityCard questionId={m.questionId} scope={view} asOf={asOf} hypotheses={m.hypotheses} />
            <HowComputed />
          </>
        )}
      </QueryState>
    </div>
  );
}
