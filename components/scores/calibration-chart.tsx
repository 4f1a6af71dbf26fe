"use client";
import { useQuery } from "@tanstack/react-query";
import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { api } from "@/lib/client/api";
import type { Calibration } from "@/lib/analysis/calibration";
import { QueryState } from "@/components/ui/query-state";

/** Observed frequency against mean forecast per 10 % bucket; on the diagonal is well calibrated. */
export function CalibrationChart({ analystId }: { analystId: string }) {
  const q = useQuery({ queryKey: ["calibration", analystId], queryFn: () => api<Calibration>(`/api/v1/analysts/${analystId}/calibration`) });
  return (
    <QueryState query={q} what="calibration">
      {(c) => {
        const points = c.buckets
          .filter((b) => b.count > 0 && b.meanForecast !== null && b.observed !== null)
          .map((b) => ({ x: Math.round(b.meanForecast! * 1000) / 10, y: Math.round(b.observed! * 1000) / 10, count: b.count }));
        return (
          <div>
            <p className="small muted">
              {c.forecasts} forecasts on {c.questions} resolved question{c.questions === 1 ? "" : "s"} (each estimate counts once per hypothesis).
            </p>
            {points.length === 0 ? (
              <div className="empty">No resolved questions with estimates by this analyst yet.</div>
            ) : (
              <div style={{ width: "100%", maxWidth: 560, height: 360 }} data-testid="calibration-chart" role="img" aria-label="Calibration chart">
                <ResponsiveContainer>
                  <ComposedChart margin={{ top: 12, right: 24, bottom: 24, left: 0 }}>
                    <CartesianGrid stroke="#e6e8ee" />
                    <XAxis type="number" dataKey="x" domain={[0, 100]} unit="%" label={{ value: "forecast", position: "insideBottom", offset: -12 }} />
                    <YAxis type="number" dataKey="y" domain={[0, 100]} unit="%" width={52} label={{ value: "observed", angle: -90, position: "insideLeft" }} />
                    <Tooltip formatter={(v, name) => [`${String(v)} %`, name === "y" ? "observed" : "forecast"]} />
                    <Line data={[{ x: 0, y: 0 }, { x: 100, y: 100 }]} dataKey="y" stroke="#8a93a6" strokeDasharray="4 4" dot={false} isAnimationActive={false} />
                    <Scatter data={points} dataKey="y" fill="#0072b2" isAnimationActive={false} />
                  </ComposedChart>
                </ResponsiveContainer>
              </div>
            )}
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
