// Pure pieces of the diff: probability changes between two vectors, rating changes cell by
// cell, and the line for an estimate, so an analyst reading "what changed and why" needs
// no JSON. Other events are put in words by lib/audit/describe.ts, as in the audit log.
import type { Probabilities } from "@/lib/math";
import { shownPoints } from "@/lib/client/format";

export interface ProbabilityChange {
  hypothesisId: string;
  title: string | null;
  /** null when the hypothesis was not in the earlier vector (new, or no earlier estimate). */
  from: number | null;
  /** null when it is not in the later one (archived since). */
  to: number | null;
  /** to − from, treating a missing side as 0. */
  delta: number;
}

// Changes smaller than this are rounding, not movement.
const MOVED = 1e-9;

/** Every hypothesis in either vector, in `order` first, then any others in key order. */
export function probabilityChanges(
  before: Probabilities | null,
  after: Probabilities | null,
  title: (hypothesisId: string) => string | null,
  order: readonly string[] = [],
): ProbabilityChange[] {
  const keys = new Set([...order, ...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: ProbabilityChange[] = [];
  for (const id of keys) {
    const from = before && id in before ? before[id]! : null;
    const to = after && id in after ? after[id]! : null;
    if (from === null && to === null) continue;
    out.push({ hypothesisId: id, title: title(id), from, to, delta: (to ?? 0) - (from ?? 0) });
  }
  return out;
}

export const moved = (changes: readonly ProbabilityChange[]) =>
  changes.some((c) => Math.abs(c.delta) > MOVED || (c.from === null) !== (c.to === null));

const pct = (p: number | null) => (p === null ? "—" : `${(p * 100).toFixed(0)}%`);
/** The change between the figures as printed (see shownPoints). */
const points = (c: ProbabilityChange) => {
  const r = shownPoints(c.from, c.to);
  return r > 0 ? `+${r}` : r < 0 ? `−${-r}` : "±0";
};
const quote = (s: string | null | undefined) => `“${s ?? "(untitled)"}”`;

/** "H1 40% → 55% (+15), H2 60% → 45% (−15)"; unchanged hypotheses are left out. */
export function describeChanges(changes: readonly ProbabilityChange[]): string {
  const parts = changes
    .filter((c) => Math.abs(c.delta) > MOVED || (c.from === null) !== (c.to === null))
    .map((c) => `${c.title ?? c.hypothesisId} ${pct(c.from)} → ${pct(c.to)} (${points(c)})`);
  return parts.length > 0 ? parts.join(", ") : "no change";
}

/** The line for an estimate, without who made it (views print the name beside it). */
export function describeEstimate(question: string | null, changes: readonly ProbabilityChange[], first: boolean): string {
  if (first) {
    const parts = changes.map((c) => `${c.title ?? c.hypothesisId} ${pct(c.to)}`);
    return `made a first estimate on ${quote(question)}: ${parts.join(", ")}`;
  }
  return `moved ${quote(question)}: ${describeChanges(changes)}`;
}

export interface RatingChange {
  hypothesisId: string;
  title: string | null;
  from: string | null;
  to: string | null;
  fromLikelihood: number | null;
  toLikelihood: number | null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" ? v : null);

/** A ratings.updated event's before/after arrays as per-cell changes, old → new. */
export function ratingChanges(before: unknown, after: unknown, title: (hypothesisId: string) => string | null): RatingChange[] {
  const prior = new Map((Array.isArray(before) ? before : []).map((c) => [str(obj(c).hypothesisId), obj(c)]));
  return (Array.isArray(after) ? after : []).map((raw) => {
    const c = obj(raw);
    const id = str(c.hypothesisId) ?? "";
    const was = prior.get(id) ?? {};
    return {
      hypothesisId: id,
      title: title(id),
      from: str(was.consistency),
      // null: the cell was cleared
      to: str(c.consistency),
      fromLikelihood: num(was.likelihood),
      toLikelihood: num(c.likelihood),
    };
  });
}
