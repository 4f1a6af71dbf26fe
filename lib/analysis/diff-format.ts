// Pure pieces of the diff: probability changes between two vectors, and one human-readable
// line per change, so an analyst reading "what changed and why" needs no JSON.
import type { Probabilities } from "@/lib/math";

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
  titles: ReadonlyMap<string, string>,
  order: readonly string[] = [],
): ProbabilityChange[] {
  const keys = new Set([...order, ...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: ProbabilityChange[] = [];
  for (const id of keys) {
    const from = before && id in before ? before[id]! : null;
    const to = after && id in after ? after[id]! : null;
    if (from === null && to === null) continue;
    out.push({ hypothesisId: id, title: titles.get(id) ?? null, from, to, delta: (to ?? 0) - (from ?? 0) });
  }
  return out;
}

export const moved = (changes: readonly ProbabilityChange[]) =>
  changes.some((c) => Math.abs(c.delta) > MOVED || (c.from === null) !== (c.to === null));

const pct = (p: number | null) => (p === null ? "—" : `${Math.round(p * 100)}%`);
const points = (d: number) => {
  const r = Math.round(d * 100);
  return r > 0 ? `+${r}` : r < 0 ? `−${-r}` : "±0";
};
const quote = (s: string | null | undefined) => `“${s ?? "(untitled)"}”`;

/** "H1 40% → 55% (+15), H2 60% → 45% (−15)"; unchanged hypotheses are left out. */
export function describeChanges(changes: readonly ProbabilityChange[]): string {
  const parts = changes
    .filter((c) => Math.abs(c.delta) > MOVED || (c.from === null) !== (c.to === null))
    .map((c) => `${c.title ?? c.hypothesisId} ${pct(c.from)} → ${pct(c.to)} (${points(c.delta)})`);
  return parts.length > 0 ? parts.join(", ") : "no change";
}

export function describeEstimate(actor: string, question: string | null, changes: readonly ProbabilityChange[], first: boolean): string {
  if (first) {
    const parts = changes.map((c) => `${c.title ?? c.hypothesisId} ${pct(c.to)}`);
    return `${actor} made a first estimate on ${quote(question)}: ${parts.join(", ")}`;
  }
  return `${actor} moved ${quote(question)}: ${describeChanges(changes)}`;
}

export interface RatingChange {
  hypothesisId: string;
  title: string | null;
  from: string | null;
  to: string;
  fromLikelihood: number | null;
  toLikelihood: number | null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" ? v : null);

/** A ratings.updated event's before/after arrays as per-cell changes, old → new. */
export function ratingChanges(before: unknown, after: unknown, titles: ReadonlyMap<string, string>): RatingChange[] {
  const prior = new Map((Array.isArray(before) ? before : []).map((c) => [str(obj(c).hypothesisId), obj(c)]));
  return (Array.isArray(after) ? after : []).map((raw) => {
    const c = obj(raw);
    const id = str(c.hypothesisId) ?? "";
    const was = prior.get(id) ?? {};
    return {
      hypothesisId: id,
      title: titles.get(id) ?? null,
      from: str(was.consistency),
      to: str(c.consistency) ?? "?",
      fromLikelihood: num(was.likelihood),
      toLikelihood: num(c.likelihood),
    };
  });
}

const GRADE_FIELDS = ["summary", "excerpt", "sourceId", "occurredAt", "tags"] as const;

/** One line for an audit event; `context` supplies names the event only holds ids for. */
export function describeEvent(
  e: { type: string; before: unknown; after: unknown },
  actor: string,
  context: { evidence?: string | null; question?: string | null; hypothesis?: string | null; ratings?: readonly RatingChange[] },
): string {
  const a = obj(e.after);
  const b = obj(e.before);
  switch (e.type) {
    case "evidence.created":
      return `${actor} added evidence ${quote(str(a.summary))} (graded ${str(a.reliability) ?? "?"}${num(a.credibility) ?? "?"})`;
    case "evidence.updated": {
      const what: string[] = [];
      const gradeBefore = `${str(b.reliability) ?? "?"}${num(b.credibility) ?? "?"}`;
      const gradeAfter = `${str(a.reliability) ?? "?"}${num(a.credibility) ?? "?"}`;
      if (gradeBefore !== gradeAfter) what.push(`grade ${gradeBefore} → ${gradeAfter}`);
      for (const f of GRADE_FIELDS) if (JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null)) what.push(`${f} changed`);
      return `${actor} edited evidence ${quote(str(a.summary))}${what.length > 0 ? `: ${what.join(", ")}` : ""}`;
    }
    case "evidence.retracted":
      return `${actor} retracted evidence ${quote(context.evidence)}: ${str(a.retractReason) ?? "no reason given"}`;
    case "ratings.updated": {
      const cells = (context.ratings ?? []).map((c) => `${c.title ?? c.hypothesisId} ${c.from ?? "unrated"} → ${c.to}`);
      return `${actor} rated ${quote(context.evidence)}: ${cells.join(", ")}`;
    }
    case "question.created": {
      const n = Array.isArray(a.hypotheses) ? a.hypotheses.length : 0;
      return `${actor} added question ${quote(str(a.title))} with ${n} hypotheses`;
    }
    case "question.updated":
      return `${actor} edited question ${quote(str(b.title))}${str(a.title) !== str(b.title) ? ` → ${quote(str(a.title))}` : ""}`;
    case "question.resolved":
      return `${actor} resolved ${quote(context.question)}: ${quote(context.hypothesis)} is true`;
    case "question.annulled":
      return `${actor} annulled ${quote(context.question)}`;
    case "hypothesis.added":
      return `${actor} added hypothesis ${quote(str(a.title))} to ${quote(context.question)}`;
    case "hypothesis.archived":
      return `${actor} archived hypothesis ${quote(str(b.title))} of ${quote(context.question)}`;
    case "hypothesis.reopened":
      return `${actor} reopened hypothesis ${quote(str(a.title))} of ${quote(context.question)}`;
    case "hypothesis.updated":
      return `${actor} edited hypothesis ${quote(str(b.title))}${str(a.title) !== str(b.title) ? ` → ${quote(str(a.title))}` : ""}`;
    case "source.created":
      return `${actor} added source ${quote(str(a.title))}`;
    default: {
      const title = str(a.title) ?? str(b.title);
      return `${actor}: ${e.type.replace(/[._]/g, " ")}${title ? ` ${quote(title)}` : ""}`;
    }
  }
}
