"use client";
// The overview's tree view: the scenario drawn as a tree (SVG), questions as boxes, their
// hypotheses as coloured branches (thicker the likelier the path), outcomes at the leaves.
// Loaded only when the tree view is chosen (components/overview/tree-toggle.tsx). The
// hierarchy and the layout are lib/client/scenario-tree.ts; this file draws and handles
// focus: one tab stop, arrow keys move through the nodes (ARIA tree), Enter or a click
// shows the node's details below the drawing.
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import type { QuestionView, ScenarioView } from "@/lib/client/types";
import { pct, words } from "@/lib/client/format";
import {
  buildScenarioTree,
  GEOMETRY as G,
  layoutScenarioTree,
  TEXT_STYLES,
  type HypothesisNode,
  type Measure,
  type PlacedNode,
  type TextStyle,
  type TreeLayout,
  type TreeNode,
} from "@/lib/client/scenario-tree";
import css from "./scenario-tree.module.css";
import { SERIES_COLORS } from "@/components/history/colors";

/** Okabe–Ito, in the history chart's order (components/history/colors.ts): hypothesis i's colour. */
const hypothesisColor = (index: number) => SERIES_COLORS[index % SERIES_COLORS.length]!;

/** Text widths from a canvas set in the page's own font (one for the page, created on first use). */
let canvasMeasure: Measure | null = null;
function pageMeasure(): Measure {
  if (canvasMeasure) return canvasMeasure;
  const ctx = document.createElement("canvas").getContext("2d");
  const family = getComputedStyle(document.body).fontFamily || "system-ui, sans-serif";
  const cache = new Map<string, number>();
  canvasMeasure = (text: string, style: TextStyle) => {
    const key = `${style}\u0000${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      const t = TEXT_STYLES[style];
      if (ctx) {
        ctx.font = `${t.weight} ${t.size}px ${family}`;
        w = ctx.measureText(text).width;
      } else w = text.length * t.size * 0.56;
      cache.set(key, w);
    }
    return w;
  };
  return canvasMeasure;
}

/** The width of the box the tree is drawn in, followed as the window resizes. */
function useWidth(ref: RefObject<HTMLDivElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.floor(el.clientWidth));
    const ro = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

const baseline = (style: TextStyle) => (TEXT_STYLES[style].lineHeight + TEXT_STYLES[style].size * 0.72) / 2;

function Lines({ x, y, lines, style, className }: { x: number; y: number; lines: string[]; style: TextStyle; className?: string }) {
  const t = TEXT_STYLES[style];
  return (
    <text x={x} y={y + baseline(style)} fontSize={t.size} fontWeight={t.weight} className={className}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : t.lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

function strokeWidth(h: HypothesisNode): number {
  if (h.archived || h.pathProbability === null) return 1.5;
  return 1.5 + 6 * h.pathProbability;
}

function QuestionShape({ p, mode }: { p: PlacedNode; mode: TreeLayout["mode"] }) {
  const q = p.node.kind === "question" ? p.node : null;
  if (!q) return null;
  const meta = TEXT_STYLES.meta;
  return (
    <>
      <rect
        x={p.x}
        y={p.y}
        width={p.width}
        height={p.height}
        rx={6}
        className={`${css.question} ${q.status === "resolved" ? css.questionResolved : q.status === "annulled" ? css.questionAnnulled : ""}`}
      />
      <text x={p.x + G.boxPadX} y={p.y + G.boxPadY + baseline("meta")} fontSize={meta.size} className={css.meta}>
        <tspan className={css.qnum}>Q{q.number}</tspan>
        {mode === "narrow" && q.given ? <tspan> · given “{q.given.title.length > 28 ? `${q.given.title.slice(0, 27)}…` : q.given.title}”</tspan> : null}
        {q.status === "resolved" && <tspan className={css.chipResolved}> · ✓ resolved</tspan>}
        {q.status === "annulled" && <tspan className={css.chipAnnulled}> · annulled</tspan>}
      </text>
      <Lines x={p.x + G.boxPadX} y={p.y + G.boxPadY + G.metaHeight} lines={p.lines} style="question" className={css.qtitle} />
    </>
  );
}

function Figures({ h, tail, x, y }: { h: HypothesisNode; tail: string; x: number; y: number }) {
  const meta = TEXT_STYLES.meta;
  return (
    <text x={x} y={y} fontSize={meta.size} className={css.meta}>
      {h.state === "answer" && <tspan className={css.chipResolved}>✓ </tspan>}
      <tspan className={css.figure}>{h.figure}</tspan>
      {tail && <tspan>{tail}</tspan>}
    </text>
  );
}

function HypothesisShape({ p, mode }: { p: PlacedNode; mode: TreeLayout["mode"] }) {
  const h = p.node.kind === "hypothesis" ? p.node : null;
  if (!h) return null;
  const lh = TEXT_STYLES.hypothesis.lineHeight;
  const color = h.archived ? "var(--border-strong)" : hypothesisColor(h.index);
  if (mode === "wide") {
    const textY = p.y;
    return (
      <>
        <Lines x={p.x + 4} y={textY} lines={p.lines} style="hypothesis" className={css.htitle} />
        <circle cx={p.x + p.width} cy={p.anchorY} r={3.5} fill={color} />
        <Figures h={h} tail={p.figureTail} x={p.x + 4} y={p.anchorY + 15} />
      </>
    );
  }
  return (
    <>
      <circle cx={p.x + G.trunk} cy={p.anchorY} r={h.archived || h.probability === null ? 3.5 : 3.5 + 3 * h.probability} fill={color} />
      <Lines x={p.x + G.branchTextX + 4} y={p.y + 4} lines={p.lines} style="hypothesis" className={css.htitle} />
      <Figures h={h} tail={p.figureTail} x={p.x + G.branchTextX + 4} y={p.y + 4 + p.lines.length * lh + baseline("meta")} />
    </>
  );
}

function OutcomeShape({ p }: { p: PlacedNode }) {
  const o = p.node.kind === "outcome" ? p.node : null;
  if (!o) return null;
  const lh = TEXT_STYLES.outcome.lineHeight;
  const meta = TEXT_STYLES.meta;
  return (
    <>
      <rect x={p.x} y={p.y} width={p.width} height={p.height} rx={9} className={css.outcome} />
      <Lines x={p.x + G.boxPadX} y={p.y + G.boxPadY} lines={p.lines} style="outcome" className={css.otitle} />
      <text x={p.x + G.boxPadX} y={p.y + G.boxPadY + p.lines.length * lh + 2 + baseline("meta")} fontSize={meta.size} className={css.meta}>
        {o.probability === null ? (
          <tspan>needs estimates</tspan>
        ) : o.paths > 1 ? (
          <>
            <tspan className={css.figure}>{pct(o.pathProbability)}</tspan>
            <tspan> here · {pct(o.probability)} in all</tspan>
          </>
        ) : (
          <>
            <tspan className={css.figure}>{pct(o.probability)}</tspan>
            <tspan> · {words(o.probability)}</tspan>
          </>
        )}
      </text>
    </>
  );
}

/** The focus, hover and selection ring around a node: also the area that takes its clicks. */
function Ring({ p, mode }: { p: PlacedNode; mode: TreeLayout["mode"] }) {
  const box =
    p.node.kind === "question"
      ? { x: p.x - 3, y: p.y - 3, width: p.width + 6, height: p.height + 6, rx: 8 }
      : p.node.kind === "outcome"
        ? { x: p.x - 3, y: p.y - 3, width: p.width + 6, height: p.height + 6, rx: 11 }
        : mode === "wide"
          ? { x: p.x - 2, y: p.y - 3, width: p.width + 8, height: p.height + 3, rx: 5 }
          : { x: p.x - 2, y: p.y - 1, width: p.width + 4, height: p.height + 2, rx: 5 };
  return <rect {...box} className={css.ring} />;
}

function nodeClass(n: TreeNode): string {
  const c: (string | undefined)[] = [];
  if (n.kind === "hypothesis") {
    if (n.archived) c.push(css.archived);
    if (n.state === "answer") c.push(css.answer);
    if (n.state === "ruled-out" || n.state === "annulled") c.push(css.muted);
  }
  return c.filter(Boolean).join(" ");
}

/** What the chosen node is, with a way to it in the list. */
function Details({
  node,
  scenario,
  canEdit,
  onShowInList,
  onUpdate,
}: {
  node: TreeNode;
  scenario: ScenarioView;
  canEdit: boolean;
  onShowInList: (question: { id: string; title: string }) => void;
  onUpdate: (q: QuestionView) => void;
}) {
  const questionId = node.kind === "question" ? node.id : node.kind === "hypothesis" ? node.questionId : null;
  const question = questionId ? scenario.questions.find((q) => q.id === questionId) : undefined;
  const number = question ? scenario.questions.indexOf(question) + 1 : 0;
  const outcome = node.kind === "outcome" ? scenario.outcomes.find((o) => o.id === node.id) : undefined;
  const hypothesisTitle = new Map(scenario.questions.flatMap((q, i) => q.hypotheses.map((h) => [h.id, { q: i + 1, title: h.title }] as const)));
  return (
    <section className={css.details} aria-label="Selected in the tree" data-testid="tree-details">
      {node.kind === "question" && (
        <>
          <h3>
            Q{node.number} {node.title}
          </h3>
          {node.given && <p className="small muted">Given “{node.given.title}”.</p>}
          {node.description && <p className="small">{node.description}</p>}
          <p className="small muted">
            {node.analysts} analyst{node.analysts === 1 ? "" : "s"}
            {node.status === "resolved" && <> · resolved: “{node.answerTitle ?? "?"}”</>}
            {node.status === "annulled" && <> · annulled</>}
          </p>
        </>
      )}
      {node.kind === "hypothesis" && (
        <>
          <h3>{node.title}</h3>
          <p className="small">
            {node.archived ? (
              "Archived: it drops out of the team’s figures."
            ) : (
              <>
                Team probability <strong>{pct(node.probability)}</strong> ({node.words})
                {node.conditional && question?.parentHypothesisId ? <> given “{hypothesisTitle.get(question.parentHypothesisId)?.title}”</> : null}
                {node.conditional && node.pathProbability !== null && <>; {pct(node.pathProbability)} along the whole path</>}.
                {node.state === "answer" && " The question was resolved with this answer."}
                {node.state === "ruled-out" && " Ruled out: the question was resolved otherwise."}
              </>
            )}
          </p>
          {node.description && <p className="small muted">{node.description}</p>}
          <p className="small muted">
            A hypothesis of Q{number} {question?.title}
          </p>
        </>
      )}
      {node.kind === "outcome" && outcome && (
        <>
          <h3>Outcome: {outcome.title}</h3>
          <p className="small">
            {outcome.probability === null ? (
              "No figure yet: it needs estimates on every path."
            ) : (
              <>
                <strong>{pct(outcome.probability)}</strong> ({words(outcome.probability)}): the sum of the paths that reach it.
              </>
            )}
          </p>
          {outcome.description && <p className="small muted">{outcome.description}</p>}
          <p className="small muted">Reached through:</p>
          <ul className="small">
            {outcome.hypothesisIds.map((id) => {
              const h = hypothesisTitle.get(id);
              return <li key={id}>{h ? `Q${h.q} “${h.title}”` : "a hypothesis not in the tree at this time"}</li>;
            })}
          </ul>
        </>
      )}
      <div className="row-wrap">
        {question && (
          <button type="button" className="btn btn-small" onClick={() => onShowInList(question)}>
            Show Q{number} in the list
          </button>
        )}
        {question && canEdit && question.resolution === null && (
          <button type="button" className="btn btn-small btn-primary" onClick={() => onUpdate(question)}>
            Update confidence
          </button>
        )}
        {node.kind === "outcome" && (
          <button type="button" className="btn btn-small" onClick={() => document.getElementById("outcomes-heading")?.scrollIntoView({ block: "start" })}>
            Go to the outcomes
          </button>
        )}
      </div>
    </section>
  );
}

export default function ScenarioTree({
  scenario,
  canEdit,
  onShowInList,
  onUpdate,
}: {
  scenario: ScenarioView;
  canEdit: boolean;
  onShowInList: (question: { id: string; title: string }) => void;
  onUpdate: (q: QuestionView) => void;
}) {
  const tree = useMemo(() => buildScenarioTree(scenario), [scenario]);
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useWidth(boxRef);
  const layout = useMemo(() => (width ? layoutScenarioTree(tree, { width, measure: pageMeasure() }) : null), [tree, width]);
  const [active, setActive] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const refs = useRef(new Map<string, SVGGElement>());

  const placed = useMemo(() => new Map((layout?.nodes ?? []).map((p, i) => [p.key, { p, i }])), [layout]);
  // the tab stop: the node last moved to, or the first (a node gone since, say after As-of changed, falls back)
  const tabStop = active && placed.has(active) ? active : (layout?.nodes[0]?.key ?? null);
  const chosen = selected ? placed.get(selected)?.p.node : undefined;

  const siblings = useMemo(() => {
    const m = new Map<string, { pos: number; size: number }>();
    const groups = new Map<string | null, string[]>();
    for (const p of layout?.nodes ?? []) groups.set(p.parentKey, [...(groups.get(p.parentKey) ?? []), p.key]);
    for (const keys of groups.values()) keys.forEach((k, i) => m.set(k, { pos: i + 1, size: keys.length }));
    return m;
  }, [layout]);

  const moveTo = useCallback((key: string | undefined) => {
    if (!key) return;
    setActive(key);
    refs.current.get(key)?.focus();
  }, []);

  function onKeyDown(e: KeyboardEvent<SVGSVGElement>) {
    if (!layout || !tabStop) return;
    const nodes = layout.nodes;
    const here = placed.get(tabStop);
    if (!here) return;
    const i = here.i;
    switch (e.key) {
      case "ArrowDown":
        moveTo(nodes[i + 1]?.key);
        break;
      case "ArrowUp":
        moveTo(nodes[i - 1]?.key);
        break;
      case "ArrowRight":
        moveTo(nodes.find((p) => p.parentKey === tabStop)?.key);
        break;
      case "ArrowLeft":
        moveTo(here.p.parentKey ?? undefined);
        break;
      case "Home":
        moveTo(nodes[0]?.key);
        break;
      case "End":
        moveTo(nodes[nodes.length - 1]?.key);
        break;
      case "Enter":
      case " ":
        setSelected((s) => (s === tabStop ? null : tabStop));
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  return (
    <div data-testid="scenario-tree">
      <div ref={boxRef} className={css.box}>
        {layout && (
          <svg
            className={css.svg}
            width={layout.width}
            height={layout.height}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            role="tree"
            aria-label={`Scenario tree: ${scenario.title}`}
            data-mode={layout.mode}
            onKeyDown={onKeyDown}
          >
            <g aria-hidden="true">
              {layout.links.map((l) => {
                const to = placed.get(l.to)?.p.node;
                if (l.kind === "branch" && to?.kind === "hypothesis" && layout.mode === "wide") {
                  return (
                    <path
                      key={`${l.from}>${l.to}`}
                      d={l.d}
                      className={`${css.branch} ${to.state === "ruled-out" || to.state === "annulled" ? css.muted : ""}`}
                      stroke={to.archived ? "var(--border-strong)" : hypothesisColor(to.index)}
                      strokeWidth={strokeWidth(to)}
                      strokeDasharray={to.archived ? "4 3" : undefined}
                    />
                  );
                }
                return <path key={`${l.from}>${l.to}`} d={l.d} className={css.stem} strokeDasharray={to?.kind === "hypothesis" && to.archived ? "4 3" : undefined} />;
              })}
            </g>
            {layout.nodes.map((p) => {
              const sib = siblings.get(p.key);
              return (
                <g key={p.key} className={nodeClass(p.node)}>
                <g
                  ref={(el) => {
                    if (el) refs.current.set(p.key, el);
                    else refs.current.delete(p.key);
                  }}
                  role="treeitem"
                  aria-label={p.node.label}
                  aria-level={p.depth + 1}
                  aria-posinset={sib?.pos}
                  aria-setsize={sib?.size}
                  aria-selected={selected === p.key}
                  tabIndex={p.key === tabStop ? 0 : -1}
                  data-kind={p.node.kind}
                  className={css.node}
                  onFocus={() => setActive(p.key)}
                  onClick={() => {
                    setActive(p.key);
                    setSelected((s) => (s === p.key ? null : p.key));
                  }}
                >
                  <Ring p={p} mode={layout.mode} />
                </g>
                {/* drawn for the eye beside the item, not inside it: the item's name is its full
                    aria-label, which wrapped and clipped lines would contradict */}
                <g aria-hidden="true" className={css.drawing}>
                  {p.node.kind === "question" && <QuestionShape p={p} mode={layout.mode} />}
                  {p.node.kind === "hypothesis" && <HypothesisShape p={p} mode={layout.mode} />}
                  {p.node.kind === "outcome" && <OutcomeShape p={p} />}
                </g>
                </g>
              );
            })}
          </svg>
        )}
      </div>
      {tree.unplaced.length > 0 && (
        <p className="small muted">
          Not reached through any hypothesis in the tree at this time: {tree.unplaced.map((o) => `“${o.title}”`).join(", ")}.
        </p>
      )}
      <div className={css.legend}>
        <span>Branch: the team’s probability (given the branch above it); thicker the likelier the whole path.</span>
        <span>Arrow keys move through the tree; Enter shows a node’s details.</span>
      </div>
      {chosen && <Details node={chosen} scenario={scenario} canEdit={canEdit} onShowInList={onShowInList} onUpdate={onUpdate} />}
    </div>
  );
}
