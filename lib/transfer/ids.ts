// Ids in a transfer document: which ids it defines, and the walk that rewrites references
// to them anywhere in a JSON value (event payloads carry ids as values and as keys).
// Pure: shared by the reference check, the import and the round-trip normalisation.
import type { ScenarioDocument } from "./format";

export type IdPath = (string | number)[];

export interface DefinedId {
  id: string;
  kind: "scenario" | "person" | "question" | "hypothesis" | "outcome" | "source" | "evidence" | "rating" | "estimate" | "resolution" | "indicator" | "assumption" | "event";
  path: IdPath;
}

/** Every id the document defines, in document order. */
export function definedIds(
  doc: Pick<ScenarioDocument, "scenario" | "people" | "questions" | "hypotheses" | "outcomes" | "sources" | "evidence" | "ratings" | "estimates" | "resolutions" | "events"> &
    Partial<Pick<ScenarioDocument, "indicators" | "assumptions">>,
): DefinedId[] {
  const out: DefinedId[] = [{ id: doc.scenario.id, kind: "scenario", path: ["scenario", "id"] }];
  const add = (kind: DefinedId["kind"], key: string, rows: readonly { id: string }[]) =>
    rows.forEach((r, i) => out.push({ id: r.id, kind, path: [key, i, "id"] }));
  add("person", "people", doc.people);
  add("question", "questions", doc.questions);
  add("hypothesis", "hypotheses", doc.hypotheses);
  add("outcome", "outcomes", doc.outcomes);
  add("source", "sources", doc.sources);
  add("evidence", "evidence", doc.evidence);
  add("rating", "ratings", doc.ratings);
  add("estimate", "estimates", doc.estimates);
  add("resolution", "resolutions", doc.resolutions);
  add("indicator", "indicators", doc.indicators ?? []);
  add("assumption", "assumptions", doc.assumptions ?? []);
  add("event", "events", doc.events);
  return out;
}

/**
 * A copy of `value` with every string equal to a key of `map` replaced by its value, in
 * array items, object values and object keys alike, at any depth. Other values are kept.
 */
export function rewriteIds<T>(value: T, map: ReadonlyMap<string, string>): T {
  return walk(value, (s) => map.get(s) ?? s) as T;
}

/** Map every string (values and object keys) in a JSON value through `f`; returns a copy. */
export function mapStrings(value: unknown, f: (s: string) => string): unknown {
  return walk(value, f);
}

function walk(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === "string") return f(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, f));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // defineProperty, not assignment: a "__proto__" key from JSON.parse stays plain data
      Object.defineProperty(out, f(k), { value: walk(v, f), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** Visit every string (values and object keys) in a JSON value, depth first, in order. */
export function forEachString(value: unknown, visit: (s: string) => void): void {
  if (typeof value === "string") visit(value);
  else if (Array.isArray(value)) for (const v of value) forEachString(v, visit);
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      visit(k);
      forEachString(v, visit);
    }
  }
}
