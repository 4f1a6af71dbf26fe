"use client";
import { useEffect, useEffectEvent, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/**
 * A uPlot chart filling its box (the box's CSS gives the width and height): made once per
 * `options`, given new `data` in place, resized with the box. `onPlot` hands the instance to
 * the caller, which draws its own overlays into `plot.over` (and gets null when it goes).
 */
export function Plot({ options, data, className, onPlot }: { options: Omit<uPlot.Options, "width" | "height">; data: uPlot.AlignedData; className?: string; onPlot?: (plot: uPlot | null) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const drawn = useRef<uPlot.AlignedData | null>(null);
  const create = useEffectEvent((el: HTMLDivElement) => {
    const u = new uPlot({ ...options, width: el.clientWidth, height: el.clientHeight }, data, el);
    plot.current = u;
    drawn.current = data;
    onPlot?.(u);
    return u;
  });
  const destroyed = useEffectEvent(() => onPlot?.(null));

  useEffect(() => {
    const el = box.current!;
    const u = create(el);
    const resize = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height: el.clientHeight }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
      destroyed();
    };
  }, [options]);

  useEffect(() => {
    if (!plot.current || drawn.current === data) return;
    plot.current.setData(data);
    drawn.current = data;
  }, [data]);

  return <div ref={box} className={className} />;
}

/** An axis of percentages at the given ticks, in the charts' colours, with a grid line at each. */
export const percentAxis = (ticks: number[], axis: uPlot.Axis = {}): uPlot.Axis => ({
  stroke: "#5a6376",
  splits: () => ticks,
  values: (_u, at) => at.map((t) => `${t} %`),
  grid: { stroke: "#e6e8ee", width: 1 },
  ...axis,
});
