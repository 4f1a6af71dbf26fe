"use client";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import Link from "next/link";
import uPlot from "uplot";
import { seriesKey } from "@/lib/client/queries";
import { api, withAsOf } from "@/lib/client/api";
import { useFormat, type Formatters } from "@/lib/client/time";
import { standingAt, stepColumns, tickCount, timeTicks, type StepPoint } from "@/lib/client/step-series";
import { pct } from "@/lib/client/format";
import type { PoolMethod } from "@/lib/math/aggregation";
import type { QuestionSeries } from "@/lib/analysis/question-series";
import type { QuestionView } from "@/lib/client/types";
import { QueryState } from "@/components/ui/query-state";
import { Plot, percentAxis } from "@/components/ui/plot";
import { SERIES_COLORS } from "./colors";

type Marker = { at: number; kind: "evidence" | "estimate"; text: string; who: string | null; evidenceId: string | null };
/** The plotting area as last drawn: its x range and its size in CSS pixels. */
type Frame = { min: number; max: number; width: number; height: number };

const DAY = 24 * 3600 * 1000;
// how close (px) the cursor must be to a marker for the tooltip to name it
const NEAR_PX = 8;

/** What the chart shows of a series: one analyst's points or the team's, its markers, its range. */
function viewOf(s: QuestionSeries, who: string) {
  const toPoints = (list: { at: string; probabilities: Record<string, number> }[]): StepPoint[] => list.map((p) => ({ at: Date.parse(p.at), probabilities: p.probabilities }));
  const points = who === "team" ? toPoints(s.team) : toPoints(s.analysts.find((a) => a.analystId === who)?.points ?? []);
  const end = Date.parse(s.end);
  const markers: Marker[] = [
    ...s.evidence.map((e) => ({ at: Date.parse(e.at), kind: "evidence" as const, text: e.summary, who: null, evidenceId: e.id })),
    ...s.rationales
      .filter((r) => who === "team" || r.analystId === who)
      .map((r) => ({ at: Date.parse(r.at), kind: "estimate" as const, text: r.text, who: r.name, evidenceId: null })),
  ];
  // the range starts at the data: the first estimate (or marker), and runs to now or resolution
  // (a loop, not Math.min(...): a long history has more points than a call takes arguments)
  let first = end;
  for (const x of [points, markers]) for (const p of x) if (p.at < first) first = p.at;
  const full: [number, number] = [first, Math.max(end, first + 60_000)];
  const shown = new Set(points.flatMap((p) => Object.keys(p.probabilities)));
  const hypotheses = s.hypotheses.filter((h) => shown.has(h.id));
  return { s, points, markers, full, hypotheses, end };
}

type View = ReturnType<typeof viewOf>;

/** Step lines of each hypothesis's probability, with evidence (●) and rationales (◆) on the time axis. */
export function ProbabilityChart({
  scenarioId,
  question,
  asOf,
  onRange,
}: {
  scenarioId: string;
  question: QuestionView;
  asOf: string | null;
  onRange: (r: { from: string; to: string }) => void;
}) {
  const f = useFormat();
  const [method, setMethod] = useState<PoolMethod>("geometric");
  const [who, setWho] = useState<string>("team");
  const [selection, setSelection] = useState<[number, number] | null>(null);
  const [zoom, setZoom] = useState<[number, number] | null>(null);
  const series = useQuery({
    queryKey: seriesKey(question.id, method, asOf),
    queryFn: () => api<QuestionSeries>(withAsOf(`/api/v1/questions/${question.id}/series?method=${method}`, asOf)),
    placeholderData: (prev) => (prev?.questionId === question.id ? prev : undefined),
  });

  const view = useMemo(() => (series.data ? viewOf(series.data, who) : null), [series.data, who]);

  const domain = zoom ?? view?.full ?? null;
  const onSelect = (range: [number, number]) => {
    setSelection(range);
    onRange({ from: new Date(range[0]).toISOString(), to: new Date(range[1]).toISOString() });
  };

  return (
    <QueryState query={series} what="the probability history">
      {(s) => (
        <div>
          <div className="row-wrap" style={{ marginBottom: 8 }}>
            <label htmlFor="chart-who" className="label">
              Series
            </label>
            <select id="chart-who" value={who} onChange={(e) => setWho(e.target.value)}>
              <option value="team">team</option>
              {s.analysts.map((a) => (
                <option key={a.analystId} value={a.analystId}>
                  {a.name ?? "former member"}
                </option>
              ))}
            </select>
            {who === "team" && (
              <>
                <label htmlFor="chart-method" className="label">
                  pooled by
                </label>
                <select id="chart-method" value={method} onChange={(e) => setMethod(e.target.value as PoolMethod)}>
                  <option value="geometric">geometric mean</option>
                  <option value="median">median</option>
                  <option value="mean">arithmetic mean</option>
                </select>
              </>
            )}
            {selection && (
              <button
                className="btn btn-small"
                onClick={() => {
                  setZoom(selection);
                  setSelection(null);
                }}
              >
                Zoom to selection
              </button>
            )}
            {zoom && (
              <button className="btn btn-small" onClick={() => setZoom(null)}>
                Show everything
              </button>
            )}
            <span className="small muted">● evidence logged · ◆ estimate rationale · drag across the chart to see what changed, then zoom</span>
          </div>
          {s.teamHidden && who === "team" ? (
            <div className="empty" data-testid="series-hidden">
              Independent judgments: the team&apos;s line and everyone else&apos;s estimates show once you have recorded your own on this question.
            </div>
          ) : !view || !domain || view.points.length === 0 ? (
            <div className="empty">No estimates on this question yet{asOf ? " at this date" : ""}. Use “Update confidence” on the Overview.</div>
          ) : (
            <figure className="chart" data-testid="probability-chart" aria-label={`Probability over time for ${question.title}`}>
              <StepChart
                key={who}
                view={view}
                domain={domain}
                selection={selection}
                onSelect={onSelect}
                scenarioId={scenarioId}
                f={f}
              />
              <figcaption>
                <ul className="chart-legend">
                  {view.hypotheses.map((h, i) => (
                    <li key={h.id}>
                      <span className="swatch" style={{ background: SERIES_COLORS[i % SERIES_COLORS.length] }} aria-hidden="true" />
                      {h.title}
                    </li>
                  ))}
                </ul>
                <span className="small muted" data-testid="chart-range">
                  {f.date(new Date(domain[0]).toISOString())} – {f.date(new Date(domain[1]).toISOString())}
                </span>
                <FiguresTable view={view} domain={domain} scenarioId={scenarioId} f={f} />
              </figcaption>
            </figure>
          )}
        </div>
      )}
    </QueryState>
  );
}

/**
 * uPlot draws the step lines, the percent axis and the dragged range; the dates, the ● and ◆
 * markers, the resolution line and the tooltip are elements laid over its plotting area, so
 * they are text people can read, links they can follow and things tests can find.
 */
function StepChart({
  view,
  domain,
  selection,
  onSelect,
  scenarioId,
  f,
}: {
  view: View;
  domain: [number, number];
  selection: [number, number] | null;
  onSelect: (range: [number, number]) => void;
  scenarioId: string;
  f: Formatters;
}) {
  // the plot as drawn (for the overlays) and the live one (a replaced plot is gone at once)
  const [plot, setPlot] = useState<uPlot | null>(null);
  const live = useRef<uPlot | null>(null);
  const onPlot = useCallback((u: uPlot | null) => {
    live.current = u;
    setPlot(u);
  }, []);
  const [frame, setFrame] = useState<Frame | null>(null);
  const [cursor, setCursor] = useState<{ left: number; at: number } | null>(null);
  // uPlot's hooks are set once per plot; they read the latest range and callback from here,
  // set before the plot (a child, made in a passive effect) is made
  const latest = useRef({ domain, onSelect });
  useLayoutEffect(() => {
    latest.current = { domain, onSelect };
  });

  const data = useMemo(() => stepColumns(view.points, view.hypotheses.map((h) => h.id), view.end), [view]);
  // the lines, by content: new figures for the same hypotheses redraw the plot, not remake it
  const lines = JSON.stringify(view.hypotheses.map((h) => [h.id, h.title]));
  const options = useMemo<Omit<uPlot.Options, "width" | "height">>(() => {
    const titles = JSON.parse(lines) as [string, string][];
    const toFrame = (u: uPlot) => setFrame({ min: u.scales.x!.min!, max: u.scales.x!.max!, width: u.over.clientWidth, height: u.over.clientHeight });
    return {
      // room under the plot for the dates, which are laid over it (below)
      padding: [12, 16, 28, 0],
      legend: { show: false },
      scales: { x: { time: false, range: () => latest.current.domain }, y: { auto: false, range: [0, 100] } },
      axes: [
        { show: false },
        percentAxis([0, 25, 50, 75, 100], { size: 52, ticks: { show: false } }),
      ],
      series: [
        {},
        ...titles.map(([, title], i) => ({
          label: title,
          stroke: SERIES_COLORS[i % SERIES_COLORS.length],
          width: 2,
          paths: uPlot.paths.stepped!({ align: 1 }),
          points: { show: false },
          spanGaps: false,
        })),
      ],
      cursor: { y: false, points: { show: false }, drag: { x: true, y: false, setScale: false } },
      hooks: {
        ready: [toFrame],
        setSize: [toFrame],
        setScale: [(u, key) => key === "x" && toFrame(u)],
        setCursor: [(u) => setCursor(u.cursor.left === undefined || u.cursor.left < 0 ? null : { left: u.cursor.left, at: u.posToVal(u.cursor.left, "x") })],
        setSelect: [
          (u) => {
            if (u.select.width < 2) return;
            latest.current.onSelect([u.posToVal(u.select.left, "x"), u.posToVal(u.select.left + u.select.width, "x")]);
          },
        ],
      },
    };
  }, [lines]);

  // zooming in or out moves the range
  useEffect(() => {
    live.current?.setScale("x", { min: domain[0], max: domain[1] });
  }, [plot, domain]);
  // the dragged box shows the selection wherever the range or size puts it, and goes with it
  useEffect(() => {
    const u = live.current;
    if (!u || !frame) return;
    if (!selection) return u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    const [a, b] = selection.map((t) => Math.min(frame.width, Math.max(0, u.valToPos(t, "x"))));
    u.setSelect({ left: a!, top: 0, width: b! - a!, height: frame.height }, false);
  }, [plot, frame, selection]);

  // where a moment sits across the plotting area as last drawn
  const scale = useMemo(() => {
    if (!frame || frame.max <= frame.min) return null;
    return { x: (t: number) => ((t - frame.min) / (frame.max - frame.min)) * frame.width, inView: (t: number) => t >= frame.min && t <= frame.max };
  }, [frame]);

  // Redrawn when the range or size changes, not as the cursor moves: a large scenario has
  // thousands of markers.
  const marks = useMemo(() => {
    if (!frame || !scale) return null;
    const { x, inView } = scale;
    const zoomedIn = frame.max - frame.min < 2 * DAY; // the dates alone would repeat
    const dates = timeTicks([frame.min, frame.max], tickCount(frame.width, zoomedIn ? 170 : 110));
    const resolution = view.s.resolution;
    return (
      <>
        {dates.map((t) => (
          <span key={t} className="chart-date" style={{ left: x(t) }}>
            {(zoomedIn ? f.dateTime : f.date)(new Date(t).toISOString())}
          </span>
        ))}
        {resolution && inView(Date.parse(resolution.at)) && (
          <span className="chart-resolution" style={{ left: x(Date.parse(resolution.at)) }}>
            <span>{resolution.annulled ? "annulled" : "resolved"}</span>
          </span>
        )}
        {view.markers
          .filter((m) => inView(m.at))
          .map((m, i) =>
            m.kind === "evidence" ? (
              <Link
                key={i}
                href={`/scenarios/${scenarioId}/evidence?open=${m.evidenceId}`}
                className="chart-mark evidence"
                style={{ left: x(m.at) }}
                aria-label={`Evidence: ${m.text}`}
                tabIndex={-1}
                draggable={false}
                prefetch={false}
              />
            ) : (
              <span key={i} className="chart-mark estimate" style={{ left: x(m.at) }} aria-hidden="true" />
            ),
          )}
      </>
    );
  }, [frame, scale, view, f, scenarioId]);

  const tooltip = () => {
    if (!cursor || !frame || !scale) return null;
    const near = view.markers.filter((m) => Math.abs(scale.x(m.at) - cursor.left) <= NEAR_PX);
    const standing = standingAt(view.points, cursor.at, view.end);
    return (
      <div className="card small chart-tooltip" data-testid="chart-tooltip" style={cursor.left < frame.width / 2 ? { left: cursor.left + 12 } : { right: frame.width - cursor.left + 12 }}>
        <div className="faint">{f.dateTime(new Date(cursor.at).toISOString())}</div>
        {standing &&
          view.hypotheses.map((h, i) =>
            standing[h.id] === undefined ? null : (
              <div key={h.id} style={{ color: SERIES_COLORS[i % SERIES_COLORS.length] }}>
                {h.title}: {pct(standing[h.id], 1)}
              </div>
            ),
          )}
        {near.map((m, i) => (
          <div key={i} style={{ marginTop: 4 }}>
            {m.kind === "evidence" ? "● Evidence: " : `◆ ${m.who ?? "Someone"}: `}
            {m.text}
          </div>
        ))}
      </div>
    );
  };

  return (
    <>
      <Plot className="probability-chart" options={options} data={data} onPlot={onPlot} />
      {plot &&
        createPortal(
          <>
            {marks}
            {tooltip()}
          </>,
          plot.over,
        )}
    </>
  );
}

// The table lists at most this many moments (the latest in the range shown): zoom in for others.
const TABLE_ROWS = 200;

/**
 * The chart's figures and markers as a table, for whoever cannot see or point at the chart:
 * each moment in the range shown at which a figure changed or something was logged, newest
 * first. Built only once opened: a long history has tens of thousands of moments.
 */
function FiguresTable({ view, domain, scenarioId, f }: { view: View; domain: [number, number]; scenarioId: string; f: Formatters }) {
  const [open, setOpen] = useState(false);
  const rows = useMemo(() => {
    if (!open) return null;
    const inRange = (t: number) => t >= domain[0] && t <= domain[1];
    const all = [
      ...view.points.filter((p) => inRange(p.at)).map((p) => ({ at: p.at, figures: p.probabilities, marker: null })),
      ...view.markers.filter((m) => inRange(m.at)).map((m) => ({ at: m.at, figures: null, marker: m })),
    ].sort((a, b) => b.at - a.at || Number(b.marker !== null) - Number(a.marker !== null)); // at one moment, what was logged, then the figures
    return { shown: all.slice(0, TABLE_ROWS), total: all.length };
  }, [open, view, domain]);
  return (
    <details className="chart-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="small">The figures as a table</summary>
      {rows && (
        <div className="table-scroll">
          {rows.total > rows.shown.length && (
            <p className="small muted">
              The latest {rows.shown.length} of {rows.total} moments in this range: zoom in to list others.
            </p>
          )}
          <table className="data small" aria-label="Probability over time, newest first">
            <thead>
              <tr>
                <th scope="col">When</th>
                {view.hypotheses.map((h) => (
                  <th scope="col" key={h.id}>
                    {h.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.shown.map((r, i) => (
                <tr key={i}>
                  <td>{f.dateTime(new Date(r.at).toISOString())}</td>
                  {r.marker ? (
                    <td colSpan={view.hypotheses.length}>
                      {r.marker.kind === "evidence" ? (
                        <>
                          ● Evidence: <Link href={`/scenarios/${scenarioId}/evidence?open=${r.marker.evidenceId}`} prefetch={false}>{r.marker.text}</Link>
                        </>
                      ) : (
                        `◆ ${r.marker.who ?? "Someone"}: ${r.marker.text}`
                      )}
                    </td>
                  ) : (
                    view.hypotheses.map((h) => (
                      <td className="num" key={h.id}>
                        {pct(r.figures![h.id], 1)}
                      </td>
                    ))
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
