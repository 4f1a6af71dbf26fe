// Round-trip comparison: export → import → export must give the same document apart from
// ids and the export time. This normal form makes "apart from ids" checkable: ids become
// ordinal placeholders in order of first appearance, so two documents that differ only in
// which ids they use normalise to equal values.
import type { ScenarioDocument } from "./format";
import { definedIds, mapStrings } from "./ids";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The document without `exportedAt`, with every id it defines, and every id-like string
 * (a UUID) inside JSON payloads, replaced by `#1`, `#2`, … in order of first appearance.
 * Object keys count too (an estimate's probabilities are keyed by hypothesis id).
 */
export function normalizeForComparison(doc: ScenarioDocument): unknown {
  const rest: Partial<ScenarioDocument> = { ...doc };
  delete rest.exportedAt;
  const known = new Set(definedIds(doc).map((d) => d.id));
  const ordinals = new Map<string, string>();
  return mapStrings(rest, (s) => {
    if (!known.has(s) && !UUID.test(s)) return s;
    let p = ordinals.get(s);
    if (p === undefined) {
      p = `#${ordinals.size + 1}`;
      ordinals.set(s, p);
    }
    return p;
  });
}
