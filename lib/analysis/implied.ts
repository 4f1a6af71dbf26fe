// "What if this item were false": lib/math's sensitivity() recomputes the posterior from
// scratch for every left-out item, O(n² · h). The posterior is a softmax of per-hypothesis
// sums of weight · ln L, so leaving one item out is subtracting its own terms from those
// sums: O(n · h), the same numbers (to rounding), and fast for thousands of items.
import { LIKELIHOOD_FLOOR, type Probabilities, type SensitivityItem, type SensitivityRow } from "@/lib/math";

// Effects closer than this are equal, so rounding never reorders items that tie exactly.
const EFFECT_EPSILON = 1e-12;

// NA and unrated (null) are factor 1, log 0 — as in diagnosticity and the team cell.
function term(weight: number, l: number | null | undefined): number {
  if (l === null || l === undefined || !Number.isFinite(l) || !(weight > 0)) return 0;
  return weight * Math.log(Math.max(LIKELIHOOD_FLOOR, l));
}

function softmax(logs: readonly number[], ids: readonly string[]): Probabilities {
  const top = Math.max(...logs);
  const scaled = logs.map((v) => Math.exp(v - top));
  const total = scaled.reduce((a, b) => a + b, 0);
  const out: Probabilities = {};
  ids.forEach((id, i) => {
    out[id] = (scaled[i] ?? 0) / total;
  });
  return out;
}

export interface SensitivityResult {
  /** The evidence-implied probabilities with every item. */
  implied: Probabilities;
  /** Largest effect first; ties keep input order. */
  items: SensitivityItem[];
}

/** Same definition as lib/math sensitivity(): effect = ½ Σ |p_without − p_with|. */
export function fastSensitivity(rows: readonly SensitivityRow[], openIds: readonly string[]): SensitivityResult {
  const ids = [...new Set(openIds)];
  const terms = rows.map((row) => ids.map((id) => term(row.weight, row.likelihoods[id])));
  const totals = ids.map((_, j) => terms.reduce((sum, t) => sum + (t[j] ?? 0), 0));
  const implied = softmax(totals, ids);
  const items = rows.map((row, i) => {
    const t = terms[i]!;
    const impliedWithout = softmax(
      totals.map((v, j) => v - (t[j] ?? 0)),
      ids,
    );
    let moved = 0;
    for (const id of ids) moved += Math.abs((impliedWithout[id] ?? 0) - (implied[id] ?? 0));
    return { evidenceId: row.id, effect: moved / 2, impliedWithout, i };
  });
  items.sort((a, b) => (Math.abs(b.effect - a.effect) > EFFECT_EPSILON ? b.effect - a.effect : a.i - b.i));
  return { implied, items: items.map(({ evidenceId, effect, impliedWithout }) => ({ evidenceId, effect, impliedWithout })) };
}
