"use client";
// List or tree: how the overview shows the question tree. The choice lives in the URL
// (?view=tree; the list is the default) so a reload or a shared link keeps it. The tree's
// code (and d3-hierarchy) loads only when the tree is chosen.
import dynamic from "next/dynamic";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";

export type OverviewView = "list" | "tree";

export const LazyScenarioTree = dynamic(() => import("./scenario-tree"), {
  ssr: false,
  loading: () => (
    <p className="muted" role="status">
      Drawing the tree…
    </p>
  ),
});

/** The view in the URL, a way to change it, and "show this question in the list". */
export function useOverviewView() {
  const view: OverviewView = useSearchParams().get("view") === "tree" ? "tree" : "list";
  const [target, setTarget] = useState<string | null>(null);

  const writeView = useCallback((next: OverviewView) => {
    const url = new URL(window.location.href);
    if (next === "tree") url.searchParams.set("view", "tree");
    else url.searchParams.delete("view");
    // a native history call: Next follows it (useSearchParams) without a new request
    window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
  }, []);

  /** Back to the list, there scrolled to the question (its block is labelled with its title). */
  const showInList = useCallback(
    (question: { title: string }) => {
      setTarget(question.title);
      writeView("list");
    },
    [writeView],
  );

  const setView = useCallback(
    (next: OverviewView) => {
      setTarget(null);
      writeView(next);
    },
    [writeView],
  );

  // once the list is drawn, bring the question into view and move focus to it
  useEffect(() => {
    if (view !== "list" || target === null) return;
    const el = document.querySelector<HTMLElement>(`[data-testid="question"][aria-label="${CSS.escape(target)}"]`);
    if (!el) return;
    if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
    el.scrollIntoView({ block: "start" });
    el.focus({ preventScroll: true });
  }, [view, target]);

  return { view, setView, showInList };
}

export function ViewToggle({ view, onChange }: { view: OverviewView; onChange: (v: OverviewView) => void }) {
  return (
    <div className="field">
      <span className="label" id="overview-view-label">
        View
      </span>
      <div className="row" role="group" aria-labelledby="overview-view-label" style={{ gap: 0 }}>
        {(["list", "tree"] as const).map((v, i) => (
          <button
            key={v}
            type="button"
            className={`btn btn-small${view === v ? " btn-primary" : ""}`}
            aria-pressed={view === v}
            onClick={() => onChange(v)}
            style={{ borderRadius: i === 0 ? "var(--radius) 0 0 var(--radius)" : "0 var(--radius) var(--radius) 0", marginLeft: i === 0 ? 0 : -1 }}
          >
            {v === "list" ? "List" : "Tree"}
          </button>
        ))}
      </div>
    </div>
  );
}
