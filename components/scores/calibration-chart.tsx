"use client";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import uPlot from "uplot";
import { toPercent } from "@/lib/client/step-series";
import { api } from "@/lib/client/api";
import type { Calibration } from "@/lib/analysis/calibration";
import { QueryState } from "@/components/ui/query-state";
import { Plot, percentAxis } from "@/components/ui/plot";

const TICKS = [0, 20, 40, 60, 80, 100];
const OPTIONS: Omit<uPlot.Options, "width" | "height"> = {
  padding: [12, 24, 0, 0],
  legend: { show: false },
  scales: { x: { time: false, auto: false, range: [0, 100] }, y: { auto: false, range: [0, 100] } },
  axes: [
    percentAxis(TICKS, { label: "forecast" }),
    percentAxis(TICKS, { label: "observed", size: 56 }),
  ],
  series: [
    {},
    // the diagonal: where observed equals forecast
    { label: "well calibrated", stroke: "#8a93a6", dash: [4, 4], width: 1, spanGaps: true, points: { show: false } },
    { label: "observed", stroke: "#0072b2", paths: () => null, points: { show: true, size: 9, fill: "#0072b2" } },
  ],
  cursor: { drag: { x: false, y: false } },
};

/** Observed frequency against mean forecast per 10 % bucket; on the diagonal is well calibrated. */
export function CalibrationChart({ analystId }: { analystId: string }) {
  const q = useQuery({ queryKey: ["calibration", analystId], queryFn: () => api<Calibration>(`/api/v1/analysts/${analystId}/calibration`) });
  return (
    <QueryState query={q} what="calibration">
      {(c) => {
        return (
          <div>
            <p className="small muted">
              {c.forecasts} forecasts on {c.questions} resolved question{c.questions === 1 ? "" : "s"} (each estimate counts once per hypothesis).
            </p>
            <CalibrationFigure buckets={c.buckets} />
            <table className="data small" aria-label="Calibration buckets" style={{ maxWidth: 560 }}>
              <thead>
                <tr>
                  <th scope="col">Bucket</th>
                  <th scope="col">Forecasts</th>
                  <th scope="col">Mean forecast</th>
                  <th scope="col">Observed</th>
                </tr>
              </thead>
              <tbody>
                {c.buckets.map((b) => (
                  <tr key={b.from}>
                    <td className="num">
                      {Math.round(b.from * 100)}–{Math.round(b.to * 100)} %
                    </td>
                    <td className="num">{b.count}</td>
                    <td className="num">{b.meanForecast === null ? "—" : `${(b.meanForecast * 100).toFixed(1)} %`}</td>
                    <td className="num">{b.observed === null ? "—" : `${(b.observed * 100).toFixed(1)} %`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      }}
    </QueryState>
  );
}

/** The buckets with forecasts, each a point at (mean forecast, observed), both in percent. */
function CalibrationFigure({ buckets }: { buckets: Calibration["buckets"] }) {
  const data = useMemo(() => columns(buckets), [buckets]);
  if (data[0].length === 2) return <div className="empty">No resolved questions with estimates by this analyst yet.</div>;
  return (
    <figure className="chart" style={{ maxWidth: 560 }}>
      <div data-testid="calibration-chart" role="img" aria-label="Calibration chart: observed frequency against mean forecast per bucket, as in the table below">
        <Plot className="calibration-plot" options={OPTIONS} data={data} />
      </div>
      <figcaption className="small muted" style={{ marginBottom: 12 }}>
        ● observed frequency in a bucket, at its mean forecast · dashed line: perfectly calibrated
      </figcaption>
    </figure>
  );
}

/** uPlot's columns: forecasts ascending with the diagonal's two ends, observed where a bucket has one. */
function columns(buckets: Calibration["buckets"]): uPlot.AlignedData {
  const points = buckets
    .filter((b) => b.count > 0 && b.meanForecast !== null && b.observed !== null)
    .map((b) => ({ x: toPercent(b.meanForecast!), diagonal: null, observed: toPercent(b.observed!) }));
  const rows = [...points, { x: 0, diagonal: 0, observed: null }, { x: 100, diagonal: 100, observed: null }].sort((a, b) => a.x - b.x);
  return [rows.map((r) => r.x), rows.map((r) => r.diagonal), rows.map((r) => r.observed)];
}
