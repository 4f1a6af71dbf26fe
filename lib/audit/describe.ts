// One line of words per audit event — which question, which item, which numbers — used by
// the audit log, the activity feed and the diff alike. The actor is not part of the line:
// each view prints the name once, beside it. Payloads are read defensively: events from an
// imported document are only checked to be JSON. Pure: names come from the caller.
import { isEventType } from "./catalogue";

export interface Names {
  question(id: string | null | undefined): string | null;
  hypothesis(id: string | null | undefined): string | null;
  /** The question a hypothesis belongs to. */
  questionOf(hypothesisId: string | null | undefined): string | null;
  evidence(id: string | null | undefined): string | null;
}

export interface DescribableEvent {
  type: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface Described {
  text: string;
  /** The question the event is about, when it is about one (for grouping and filtering). */
  questionId: string | null;
  /** The evidence item it is about, by its summary (for "rated 5 items: …" lines). */
  item: string | null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export const quote = (s: string | null | undefined) => `“${s ?? "(untitled)"}”`;
export const percent = (p: number | null) => (p === null ? "—" : `${Math.round(p * 100)} %`);
const grade = (o: Obj) => `${str(o.reliability) ?? "?"}${num(o.credibility) ?? "?"}`;

/** "Yes 40 %, No 60 %" in the order the probabilities were given. */
export function figures(probabilities: unknown, names: Names): string {
  return Object.entries(obj(probabilities))
    .map(([id, p]) => `${names.hypothesis(id) ?? "(removed hypothesis)"} ${percent(num(p))}`)
    .join(", ");
}

/** "Yes N → C, No unrated → I" for a ratings change. */
export function ratingCells(before: unknown, after: unknown, names: Names): string {
  const prior = new Map(list(before).map((c) => [str(obj(c).hypothesisId), obj(c)]));
  return list(after)
    .map((raw) => {
      const c = obj(raw);
      const id = str(c.hypothesisId);
      const was = str(prior.get(id)?.consistency) ?? "unrated";
      const now = str(c.consistency) ?? "cleared";
      const l = num(c.likelihood);
      return `${names.hypothesis(id) ?? "(removed hypothesis)"} ${was} → ${now}${l !== null ? ` (P(E|H) ${l})` : ""}`;
    })
    .join(", ");
}

const EDITED_FIELDS = ["summary", "excerpt", "sourceId", "occurredAt", "tags"] as const;

/** Someone else's judgment on a question whose figures are withheld from the reader (independent judgments). */
export const WITHHELD_TYPES: ReadonlySet<string> = new Set(["estimate.created", "ratings.updated"]);

/** The line for a withheld judgment: who did what on which question, without the figures. */
export function describeWithheld(e: { type: string; questionTitle: string | null; item: string | null }): string {
  const what = e.type === "estimate.created" ? "estimated" : `rated ${quote(e.item)} on`;
  return `${what} ${quote(e.questionTitle)} — withheld until you record your own estimate`;
}

export function describeEvent(e: DescribableEvent, names: Names): Described {
  const a = obj(e.after);
  const b = obj(e.before);
  const item = e.entity === "evidence" ? (names.evidence(e.entityId) ?? str(a.summary)) : null;
  const about = (questionId: string | null, text: string): Described => ({ text, questionId, item });
  const plain = (text: string) => about(null, text);
  const type = isEventType(e.type) ? e.type : null;
  switch (type) {
    case "scenario.created":
      return plain(`created the scenario ${quote(str(a.title))}`);
    case "scenario.updated":
      return plain(
        str(a.title) !== str(b.title) ? `renamed the scenario ${quote(str(b.title))} → ${quote(str(a.title))}` : "edited the scenario's summary",
      );
    case "scenario.imported":
      return plain(a.demo === true ? "opened this copy of the demo" : `imported this scenario (exported ${str(a.exportedAt)?.slice(0, 10) ?? "earlier"})`);
    case "scenario.demo_claimed":
      return plain("joined the demo as owner");
    case "member.added":
      return plain(`added ${str(a.email) ?? "someone"} as ${str(a.role) ?? "member"}`);
    case "member.role_changed":
      return plain(`made ${str(a.email) ?? "someone"} ${str(a.role) ?? "?"} (was ${str(b.role) ?? "?"})`);
    case "member.removed":
      return plain(`removed ${str(b.email) ?? "someone"} (${str(b.role) ?? "member"})`);
    case "member.joined":
      return plain(`joined as ${str(a.role) ?? "member"}, by invitation`);
    case "invite.created":
      return plain(`made an invitation link for a new ${str(a.role) ?? "member"} (valid until ${str(a.expiresAt)?.slice(0, 10) ?? "?"})`);
    case "invite.revoked":
      return plain(`revoked an invitation link for a new ${str(b.role) ?? "member"}`);
    case "question.created": {
      const n = list(a.hypotheses).length;
      const parent = str(a.parentHypothesisId);
      return about(e.entityId, `added question ${quote(str(a.title))} with ${n} hypotheses${parent ? `, given ${quote(names.hypothesis(parent))}` : ""}`);
    }
    case "question.updated": {
      const name = quote(str(a.title) ?? names.question(e.entityId));
      const by = (v: unknown) => (typeof v === "string" ? v.slice(0, 10) : "no date");
      const what =
        str(a.title) !== str(b.title)
          ? `renamed question ${quote(str(b.title))} → ${quote(str(a.title))}`
          : a.resolveBy !== undefined && a.resolveBy !== b.resolveBy
            ? `set ${name} to be resolved by ${by(a.resolveBy)} (was ${by(b.resolveBy)})`
            : a.resolutionCriteria !== undefined && a.resolutionCriteria !== b.resolutionCriteria
              ? `edited the resolution criteria of ${name}`
              : `edited the description of ${name}`;
      return about(e.entityId, what);
    }
    case "question.resolved": {
      const h = str(a.hypothesisTitle) ?? names.hypothesis(str(a.hypothesisId));
      return about(e.entityId, `resolved ${quote(str(a.title) ?? names.question(e.entityId))}: ${quote(h)} is true${str(a.note) ? ` — ${str(a.note)}` : ""}`);
    }
    case "question.annulled": {
      const q = quote(str(a.title) ?? names.question(e.entityId));
      return about(e.entityId, a.automatic === true ? `${q} was annulled automatically: ${str(a.note) ?? "its condition is false"}` : `annulled ${q}${str(a.note) ? ` — ${str(a.note)}` : ""}`);
    }
    case "question.resolution_corrected": {
      const answer = (o: Obj) => (o.annulled === true ? "annulled" : quote(str(o.hypothesisTitle) ?? names.hypothesis(str(o.hypothesisId))));
      return about(
        e.entityId,
        `corrected the resolution of ${quote(str(a.title) ?? names.question(e.entityId))}: ${answer(b)} → ${answer(a)} (why: ${str(a.reason) ?? "—"})`,
      );
    }
    case "question.reopened":
      return about(e.entityId, `${quote(str(a.title) ?? names.question(e.entityId))} was reopened automatically: ${str(a.note) ?? "its condition holds again"}`);
    case "hypothesis.added":
      return about(str(a.questionId), `added hypothesis ${quote(str(a.title))} to ${quote(names.question(str(a.questionId)))}`);
    case "hypothesis.updated": {
      const q = names.questionOf(e.entityId);
      return about(
        q,
        str(a.title) !== str(b.title)
          ? `renamed hypothesis ${quote(str(b.title))} → ${quote(str(a.title))} of ${quote(names.question(q))}`
          : `edited the description of hypothesis ${quote(str(a.title))} of ${quote(names.question(q))}`,
      );
    }
    case "hypothesis.archived": {
      const q = names.questionOf(e.entityId);
      return about(q, `archived hypothesis ${quote(str(b.title) ?? str(a.title))} of ${quote(names.question(q))}`);
    }
    case "hypothesis.reopened": {
      const q = names.questionOf(e.entityId);
      return about(q, `restored hypothesis ${quote(str(a.title))} of ${quote(names.question(q))}`);
    }
    case "outcome.created":
      return plain(`added outcome ${quote(str(a.title))}`);
    case "outcome.updated":
      if (a.archivedAt && !b.archivedAt) return plain(`archived outcome ${quote(str(a.title))}`);
      if (!a.archivedAt && b.archivedAt) return plain(`restored outcome ${quote(str(a.title))}`);
      return plain(`edited outcome ${quote(str(a.title))}${str(a.title) !== str(b.title) ? ` (was ${quote(str(b.title))})` : ""}`);
    case "source.created":
      return plain(`added source ${quote(str(a.title))}`);
    case "evidence.created":
      return plain(`logged evidence ${quote(str(a.summary))} (${grade(a)})`);
    case "evidence.updated": {
      const what: string[] = [];
      if (grade(a) !== grade(b)) what.push(`grade ${grade(b)} → ${grade(a)}`);
      for (const field of EDITED_FIELDS) if (JSON.stringify(b[field] ?? null) !== JSON.stringify(a[field] ?? null)) what.push(`${field} changed`);
      return plain(`edited evidence ${quote(str(a.summary))}${what.length > 0 ? `: ${what.join(", ")}` : ""}`);
    }
    case "evidence.retracted":
      return plain(`retracted evidence ${quote(names.evidence(e.entityId))}: ${str(a.retractReason) ?? "no reason given"}`);
    case "ratings.updated": {
      const first = str(obj(list(e.after)[0]).hypothesisId);
      const q = names.questionOf(first);
      return about(q, `rated ${quote(names.evidence(e.entityId))} on ${quote(names.question(q))}: ${ratingCells(e.before, e.after, names)}`);
    }
    case "estimate.created": {
      const q = str(a.questionId);
      const rationale = str(a.rationale);
      return about(q, `estimated ${quote(names.question(q))}: ${figures(a.probabilities, names)}${rationale ? ` — “${rationale}”` : ""}`);
    }
    case "indicator.added": {
      const h = str(a.hypothesisId);
      const q = names.questionOf(h);
      const would = str(a.direction) === "undermines" ? "would undermine" : "would support";
      return about(q, `added indicator ${quote(str(a.title))}, which ${would} ${quote(names.hypothesis(h))} of ${quote(names.question(q))}`);
    }
    case "indicator.observed": {
      const h = str(a.hypothesisId);
      const shown = list(a.evidenceIds).map((id) => names.evidence(str(id))).filter((x): x is string => x !== null);
      const n = list(a.evidenceIds).length;
      const by = shown.length > 0 ? shown.map((x) => quote(x)).join(", ") : `${n} evidence item${n === 1 ? "" : "s"}`;
      return about(names.questionOf(h), `observed indicator ${quote(str(a.title))} for ${quote(names.hypothesis(h))}, shown by ${by}`);
    }
    case "indicator.updated": {
      const q = names.questionOf(str(a.hypothesisId));
      const t = quote(str(a.title));
      const status = str(a.status);
      if (status !== str(b.status)) {
        if (status === "not_observed") return about(q, `marked indicator ${t} not observed`);
        if (status === "retired") return about(q, `retired indicator ${t}`);
        return about(q, `put indicator ${t} back on the watch list`);
      }
      if (str(a.title) !== str(b.title)) return about(q, `renamed indicator ${quote(str(b.title))} → ${t}`);
      if (JSON.stringify(a.evidenceIds ?? []) !== JSON.stringify(b.evidenceIds ?? [])) return about(q, `changed the evidence linked to indicator ${t}`);
      return about(q, `edited the description of indicator ${t}`);
    }
    case "assumption.added": {
      const q = str(a.questionId);
      return about(q, `added key assumption ${quote(str(a.statement))} to ${quote(names.question(q))}`);
    }
    case "assumption.updated": {
      const q = str(a.questionId);
      const note = str(a.note);
      if (str(a.status) !== str(b.status)) {
        return about(q, `marked assumption ${quote(str(a.statement))} ${str(a.status) ?? "?"} (was ${str(b.status) ?? "?"})${note ? ` — ${note}` : ""}`);
      }
      if (str(a.statement) !== str(b.statement)) return about(q, `reworded assumption ${quote(str(b.statement))} → ${quote(str(a.statement))}`);
      return about(q, `edited the note on assumption ${quote(str(a.statement))}${note ? `: ${note}` : ""}`);
    }
    default: {
      const title = str(a.title) ?? str(b.title);
      return plain(`${e.type.replace(/[._]/g, " ")}${title ? ` ${quote(title)}` : ""}`);
    }
  }
}
