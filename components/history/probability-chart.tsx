"use client";
import { useQuery } from "@tanstack/react-query";
import { seriesKey } from "@/lib/client/queries";
import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { api, withAsOf } from "@/lib/client/api";
import { useFormat, type Formatters } from "@/lib/client/time";
import type { PoolMethod } from "@/lib/math/aggregation";
import type { QuestionSeries } from "@/lib/analysis/question-series";
import type { QuestionView } from "@/lib/client/types";
import { QueryState } from "@/components/ui/query-state";
import { SERIES_COLORS } from "./colors";

type Marker = { at: number; y: number; kind: "evidence" | "estimate"; text: string; who: string | null; evidenceId: string | null };
type Row = { at: number; [hypothesisId: string]: number | undefined };

// The chart is sampled this densely across the visible range, so the tooltip names the
// moment under the cursor rather than the nearest estimate.
const SAMPLES = 240;
// Dates on the time axis: this many, evenly spread; where they would overlap (a phone) the
// axis keeps the first and the last and drops what does not fit between them.
const TICKS = 6;
const DAY = 24 * 3600 * 1000;

/** Evenly spread moments from the domain's start (the first date shown is where the data begins); none at its very end, where a label would be cut off. */
export function timeTicks([lo, hi]: [number, number], count = TICKS): number[] {
  const step = (hi - lo) / count;
  return Array.from({ length: count }, (_, i) => Math.round(lo + step * i));
}

/** The step function's value at each sample: the last point at or before it. */
export function sampleSteps(points: { at: number; probabilities: Record<string, number> }[], ids: readonly string[], domain: [number, number]): Row[] {
  const [lo, hi] = domain;
  const step = (hi - lo) / SAMPLES;
  const times = new Set<number>();
  for (let i = 0; i <= SAMPLES; i++) times.add(Math.round(lo + i * step));
  for (const p of points) if (p.at >= lo && p.at <= hi) times.add(p.at);
  const sorted = [...times].sort((a, b) => a - b);
  const rows: Row[] = [];
  let j = -1;
  for (const t of sorted) {
    while (j + 1 < points.length && points[j + 1]!.at <= t) j += 1;
    const standing = j >= 0 ? points[j]!.probabilities : null;
    const row: Row = { at: t };
    for (const id of ids) row[id] = standing && standing[id] !== undefined ? Math.round(standing[id]! * 1000) / 10 : undefined;
    rows.push(row);
  }
  return rows;
}

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
  const router = useRouter();
  const [method, setMethod] = useState<PoolMethod>("geometric");
  const [who, setWho] = useState<string>("team");
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const [selection, setSelection] = useState<[number, number] | null>(null);
  const [zoom, setZoom] = useState<[number, number] | null>(null);
  const series = useQuery({
    queryKey: seriesKey(question.id, method, asOf),
    queryFn: () => api<QuestionSeries>(withAsOf(`/api/v1/questions/${question.id}/series?method=${method}`, asOf)),
    placeholderData: (prev) => (prev?.questionId === question.id ? prev : undefined),
  });

  const view = useMemo(() => {
    const s = series.data;
    if (!s) return null;
    const toPoints = (list: { at: string; probabilities: Record<string, number> }[]) => list.map((p) => ({ at: Date.parse(p.at), probabilities: p.probabilities }));
    const points = who === "team" ? toPoints(s.team) : toPoints(s.analysts.find((a) => a.analystId === who)?.points ?? []);
    const end = Date.parse(s.end);
    const markers: Marker[] = [
      ...s.evidence.map((e) => ({ at: Date.parse(e.at), y: 2, kind: "evidence" as const, text: e.summary, who: null, evidenceId: e.id })),
      ...s.rationales
        .filter((r) => who === "team" || r.analystId === who)
        .map((r) => ({ at: Date.parse(r.at), y: 98, kind: "estimate" as const, text: r.text, who: r.name, evidenceId: null })),
    ];
    // the range starts at the data: the first estimate (or marker), and runs to now or resolution
    const first = Math.min(...points.map((p) => p.at), ...markers.map((m) => m.at), end);
    const full: [number, number] = [first, Math.max(end, first + 60_000)];
    const shown = new Set(points.flatMap((p) => Object.keys(p.probabilities)));
    const hypotheses = s.hypotheses.filter((h) => shown.has(h.id));
    return { s, points, markers, full, hypotheses, end };
  }, [series.data, who]);

  const domain = useMemo<[number, number]>(() => zoom ?? view?.full ?? [0, 1], [zoom, view]);
  const rows = useMemo(() => (view ? sampleSteps(view.points, view.hypotheses.map((h) => h.id), domain) : []), [view, domain]);
  const visibleMarkers = (view?.markers ?? []).filter((m) => m.at >= domain[0] && m.at <= domain[1]);
  const titles = Object.fromEntries((view?.hypotheses ?? []).map((h) => [h.id, h.title]));

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
          ) : !view || view.points.length === 0 ? (
            <div className="empty">No estimates on this question yet{asOf ? " at this date" : ""}. Use “Update confidence” on the Overview.</div>
          ) : (
            <div className="chart probability-chart" data-testid="probability-chart" aria-label={`Probability over time for ${question.title}`} role="img">
              <ResponsiveContainer>
                <ComposedChart
                  data={rows}
                  margin={{ top: 12, right: 24, bottom: 8, left: 0 }}
                  onMouseDown={(st) => st?.activeLabel !== undefined && setDrag({ a: Number(st.activeLabel), b: Number(st.activeLabel) })}
                  onMouseMove={(st) => drag && st?.activeLabel !== undefined && setDrag({ ...drag, b: Number(st.activeLabel) })}
                  onMouseUp={() => {
                    if (drag && drag.a !== drag.b) {
                      const range: [number, number] = [Math.min(drag.a, drag.b), Math.max(drag.a, drag.b)];
                      setSelection(range);
                      onRange({ from: new Date(range[0]).toISOString(), to: new Date(range[1]).toISOString() });
                    }
                    setDrag(null);
                  }}
                >
                  <CartesianGrid stroke="#e6e8ee" vertical={false} />
                  <XAxis
                    dataKey="at"
                    type="number"
                    scale="time"
                    domain={domain}
                    allowDataOverflow
                    ticks={timeTicks(domain)}
                    interval="preserveStartEnd"
                    minTickGap={16}
                    // zoomed into a day or two, the dates alone would repeat
                    tickFormatter={(t: number) => (domain[1] - domain[0] < 2 * DAY ? f.dateTime : f.date)(new Date(t).toISOString())}
                  />
                  <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" width={52} />
                  <Tooltip content={<ChartTooltip titles={titles} markers={visibleMarkers} step={(domain[1] - domain[0]) / SAMPLES} f={f} />} />
                  <Legend formatter={(id: string) => titles[id] ?? (id === "markers" ? "events" : id)} />
                  {view.hypotheses.map((h, i) => (
                    <Line key={h.id} dataKey={h.id} name={h.id} type="stepAfter" stroke={SERIES_COLORS[i % SERIES_COLORS.length]} strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
                  ))}
                  <Scatter
                    name="markers"
                    data={visibleMarkers}
                    dataKey="y"
                    fill="#5a6376"
                    shape={(p: { cx?: number; cy?: number; payload?: Marker }) => <MarkerShape {...p} />}
                    onClick={(p: { payload?: Marker }) => p.payload?.evidenceId && router.push(`/scenarios/${scenarioId}/evidence?open=${p.payload.evidenceId}`)}
                    isAnimationActive={false}
                    legendType="none"
                  />
                  {s.resolution && (
                    <ReferenceLine x={Date.parse(s.resolution.at)} stroke="#1a1f2b" strokeDasharray="4 3" label={{ value: s.resolution.annulled ? "annulled" : "resolved", position: "insideTopRight", fontSize: 12 }} />
                  )}
                  {drag && <ReferenceArea x1={Math.min(drag.a, drag.b)} x2={Math.max(drag.a, drag.b)} fill="#1f5fc9" fillOpacity={0.12} />}
                  {selection && !drag && <ReferenceArea x1={selection[0]} x2={selection[1]} fill="#1f5fc9" fillOpacity={0.08} />}
                </ComposedChart>
              </ResponsiveContainer>
            </div>
          )}
        </div>
      )}
    </QueryState>
  );
}

function MarkerShape({ cx = 0, cy = 0, payload }: { cx?: number; cy?: number; payload?: Marker }) {
  if (payload?.kind === "estimate") return <path d={`M${cx} ${cy - 6} L${cx + 6} ${cy} L${cx} ${cy + 6} L${cx - 6} ${cy} Z`} fill="#cc79a7" stroke="#fff" />;
  return <circle cx={cx} cy={cy} r={5} fill="#0072b2" stroke="#fff" style={{ cursor: "pointer" }} />;
}

function ChartTooltip({
  active,
  payload,
  label,
  titles,
  markers,
  step,
  f,
}: {
  active?: boolean;
  payload?: { dataKey?: string | number; value?: number; color?: string; payload?: Row | Marker }[];
  label?: number | string;
  titles: Record<string, string>;
  markers: Marker[];
  step: number;
  f: Formatters;
}) {
  if (!active || label === undefined) return null;
  const at = Number(label);
  const near = markers.filter((m) => Math.abs(m.at - at) <= step);
  const lines = (payload ?? []).filter((p) => typeof p.dataKey === "string" && titles[p.dataKey] && p.value !== undefined);
  return (
    <div className="card small" style={{ maxWidth: 380, padding: 8 }} data-testid="chart-tooltip">
      <div className="faint">{f.dateTime(new Date(at).toISOString())}</div>
      {lines.map((p) => (
        <div key={String(p.dataKey)} style={{ color: p.color }}>
          {titles[String(p.dataKey)]}: {p.value} %
        </div>
      ))}
      {near.map((m, i) => (
        <div key={i} style={{ marginTop: 4 }}>
          {m.kind === "evidence" ? "● Evidence: " : `◆ ${m.who ?? "Someone"}: `}
          {m.text}
        </div>
      ))}
    </div>
  );
}
