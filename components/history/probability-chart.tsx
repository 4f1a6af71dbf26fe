"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { estimatesQuery, evidenceQuery } from "@/lib/client/queries";
import { fmtDate, fmtDateTime } from "@/lib/client/format";
import { probabilitySeries } from "@/lib/math/series";
import type { QuestionView } from "@/lib/client/types";
import { QueryState } from "@/components/ui/query-state";
import { SERIES_COLORS } from "./colors";

type Marker = { at: number; y: number; kind: "evidence" | "estimate"; text: string; who: string | null };
type Row = { at: number; [hypothesisId: string]: number };

/** Step lines of each hypothesis's probability, with evidence (●) and rationales (◆) on the time axis. */
export function ProbabilityChart({
  scenarioId,
  question,
  people,
  asOf,
  onRange,
}: {
  scenarioId: string;
  question: QuestionView;
  people: { id: string; name: string }[];
  asOf: string | null;
  onRange: (r: { from: string; to: string }) => void;
}) {
  const estimates = useQuery(estimatesQuery(question.id));
  const evidence = useQuery(evidenceQuery(scenarioId, asOf, { includeRetracted: true }));
  const [who, setWho] = useState<string>("team");
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  // The visible time window; empty = everything. Long-lived scenarios need it: one estimate
  // today would otherwise squeeze years of history against the left edge.
  const [windowFrom, setWindowFrom] = useState("");
  const [windowTo, setWindowTo] = useState("");
  const open = question.hypotheses.filter((h) => h.status === "open");
  // Analysts who are not members (removed, or from an imported scenario) keep the name their estimates carry.
  const nameOf = (id: string) =>
    people.find((p) => p.id === id)?.name ?? estimates.data?.items.find((e) => e.analystId === id)?.analystName ?? "former member";

  const { rows, markers, analysts } = useMemo(() => {
    const cutoff = asOf ? Date.parse(asOf) : Infinity;
    const list = (estimates.data?.items ?? []).filter((e) => Date.parse(e.createdAt) <= cutoff);
    const points = probabilitySeries(
      list.map((e) => ({ at: Date.parse(e.createdAt), analystId: e.analystId, probabilities: e.probabilities })),
      open.map((h) => h.id),
    );
    const rows: Row[] = points.flatMap((p) => {
      const probs = who === "team" ? p.team : p.standing[who];
      if (!probs) return [];
      return [{ at: p.at, ...Object.fromEntries(open.map((h) => [h.id, Math.round((probs[h.id] ?? 0) * 1000) / 10])) }];
    });
    const ev: Marker[] = (evidence.data?.items ?? []).map((e) => ({ at: Date.parse(e.createdAt), y: 2, kind: "evidence", text: e.summary, who: null }));
    const rationales: Marker[] = list
      .filter((e) => who === "team" || e.analystId === who)
      .map((e) => ({ at: Date.parse(e.createdAt), y: 98, kind: "estimate", text: e.rationale, who: e.analystName ?? nameOf(e.analystId) }));
    const analysts = [...new Set(list.map((e) => e.analystId))];
    return { rows, markers: [...ev, ...rationales], analysts };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [estimates.data, evidence.data, who, asOf, question]);

  const xs = [...rows.map((r) => r.at), ...markers.map((m) => m.at)];
  const full: [number, number] = xs.length ? [Math.min(...xs), Math.max(...xs, asOf ? Date.parse(asOf) : Math.max(...xs))] : [0, 1];
  const domain: [number, number] = [
    windowFrom ? Date.parse(`${windowFrom}T00:00:00`) : full[0],
    windowTo ? Date.parse(`${windowTo}T23:59:59`) : full[1],
  ];
  const visibleMarkers = markers.filter((m) => m.at >= domain[0] && m.at <= domain[1]);
  // The last value holds until the end of the axis.
  const extended = rows.length ? [...rows, { ...rows[rows.length - 1]!, at: full[1] }] : rows;

  return (
    <QueryState query={estimates} what="estimates">
      {() => (
        <div>
          <div className="row-wrap" style={{ marginBottom: 8 }}>
            <label htmlFor="chart-who" className="label">
              Series
            </label>
            <select id="chart-who" value={who} onChange={(e) => setWho(e.target.value)}>
              <option value="team">team (geometric mean)</option>
              {analysts.map((a) => (
                <option key={a} value={a}>
                  {nameOf(a)}
                </option>
              ))}
            </select>
            <label htmlFor="chart-from" className="label">
              From
            </label>
            <input id="chart-from" type="date" value={windowFrom} onChange={(e) => setWindowFrom(e.target.value)} />
            <label htmlFor="chart-to" className="label">
              to
            </label>
            <input id="chart-to" type="date" value={windowTo} onChange={(e) => setWindowTo(e.target.value)} />
            <span className="small muted">● evidence logged · ◆ estimate rationale · drag across the chart to see what changed</span>
          </div>
          {rows.length === 0 ? (
            <div className="empty">No estimates on this question yet{asOf ? " at this date" : ""}. Use “Update confidence” on the Overview.</div>
          ) : (
            <div style={{ width: "100%", height: 360 }} data-testid="probability-chart" aria-label={`Probability over time for ${question.title}`} role="img">
              <ResponsiveContainer>
                <ComposedChart
                  margin={{ top: 12, right: 24, bottom: 8, left: 0 }}
                  onMouseDown={(s) => s?.activeLabel !== undefined && setDrag({ a: Number(s.activeLabel), b: Number(s.activeLabel) })}
                  onMouseMove={(s) => drag && s?.activeLabel !== undefined && setDrag({ ...drag, b: Number(s.activeLabel) })}
                  onMouseUp={() => {
                    if (drag && drag.a !== drag.b) {
                      const [a, b] = [Math.min(drag.a, drag.b), Math.max(drag.a, drag.b)];
                      onRange({ from: new Date(a).toISOString(), to: new Date(b).toISOString() });
                    }
                    setDrag(null);
                  }}
                >
                  <CartesianGrid stroke="#e6e8ee" vertical={false} />
                  <XAxis dataKey="at" type="number" scale="time" domain={domain} allowDataOverflow tickFormatter={(t) => fmtDate(new Date(t).toISOString())} allowDuplicatedCategory={false} />
                  <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" width={52} />
                  <Tooltip content={<ChartTooltip titles={Object.fromEntries(open.map((h) => [h.id, h.title]))} />} />
                  <Legend formatter={(id: string) => open.find((h) => h.id === id)?.title ?? (id === "markers" ? "events" : id)} />
                  {open.map((h, i) => (
                    <Line key={h.id} data={extended} dataKey={h.id} name={h.id} type="stepAfter" stroke={SERIES_COLORS[i % SERIES_COLORS.length]} strokeWidth={2} dot={false} isAnimationActive={false} />
                  ))}
                  <Scatter name="markers" data={visibleMarkers} dataKey="y" fill="#5a6376" shape={(p: { cx?: number; cy?: number; payload?: Marker }) => <MarkerShape {...p} />} isAnimationActive={false} legendType="none" />
                  {drag && <ReferenceArea x1={Math.min(drag.a, drag.b)} x2={Math.max(drag.a, drag.b)} fill="#1f5fc9" fillOpacity={0.12} />}
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
  return <circle cx={cx} cy={cy} r={5} fill="#0072b2" stroke="#fff" />;
}

function ChartTooltip({ active, payload, titles }: { active?: boolean; payload?: { payload: Row | Marker; dataKey?: string; value?: number; color?: string }[]; titles: Record<string, string> }) {
  if (!active || !payload?.length) return null;
  const first = payload[0]!.payload;
  if ("kind" in first) {
    const m = first as Marker;
    return (
      <div className="card small" style={{ maxWidth: 360, padding: 8 }}>
        <div className="faint">{fmtDateTime(new Date(m.at).toISOString())}</div>
        <div>
          {m.kind === "evidence" ? "● Evidence: " : `◆ ${m.who}: `}
          {m.text}
        </div>
      </div>
    );
  }
  return (
    <div className="card small" style={{ padding: 8 }}>
      <div className="faint">{fmtDateTime(new Date((first as Row).at).toISOString())}</div>
      {payload
        .filter((p) => p.dataKey && titles[p.dataKey])
        .map((p) => (
          <div key={p.dataKey} style={{ color: p.color }}>
            {titles[p.dataKey!]}: {p.value} %
          </div>
        ))}
    </div>
  );
}
