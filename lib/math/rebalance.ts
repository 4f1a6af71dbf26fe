// Keeping a set of probabilities at 100 % while an analyst moves one of them: the other
// unlocked hypotheses absorb the change in proportion to their current values.
import type { Probabilities } from "./probability";

/**
 * Set `changedId` to `value` (0–1) and rescale the unlocked others so the total stays 1.
 * Locked hypotheses keep their values; the changed one is capped at what the locks leave.
 * When the others hold nothing, the remainder is split equally among them.
 */
export function rebalance(probs: Probabilities, changedId: string, value: number, locked: readonly string[] = []): Probabilities {
  const ids = Object.keys(probs);
  const lockedSet = new Set(locked.filter((id) => id !== changedId));
  const lockedSum = ids.filter((id) => lockedSet.has(id)).reduce((s, id) => s + (probs[id] ?? 0), 0);
  const free = ids.filter((id) => id !== changedId && !lockedSet.has(id));
  const cap = Math.max(0, 1 - lockedSum);
  // With nobody free to absorb the change, the changed value is whatever the locks leave.
  const v = free.length === 0 ? cap : Math.min(Math.max(value, 0), cap);
  const remainder = cap - v;
  const freeSum = free.reduce((s, id) => s + (probs[id] ?? 0), 0);
  const out: Probabilities = {};
  for (const id of ids) {
    if (id === changedId) out[id] = v;
    else if (lockedSet.has(id)) out[id] = probs[id] ?? 0;
    else out[id] = freeSum > 0 ? ((probs[id] ?? 0) / freeSum) * remainder : remainder / free.length;
  }
  return out;
}

/**
 * Round to percentages with `decimals` places that still add up to exactly 100 (largest
 * remainder, in units of 10^−decimals). Values are scaled to sum 1 first; with no mass at
 * all, the split is even.
 */
export function roundToPercents(probs: Probabilities, decimals = 0): Record<string, number> {
  const ids = Object.keys(probs);
  const unit = 10 ** decimals;
  const mass = ids.map((id) => Math.max(0, probs[id] ?? 0));
  const total = mass.reduce((a, b) => a + b, 0);
  const raw = mass.map((m) => (total > 0 ? m / total : 1 / ids.length) * 100 * unit);
  // the 1e-9 keeps 12.5 · 100 = 1249.9999… from flooring a whole unit low
  const floors = raw.map((r) => Math.floor(r + 1e-9));
  let missing = 100 * unit - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - floors[i]! })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i]! += 1;
    missing -= 1;
  }
  return Object.fromEntries(ids.map((id, i) => [id, floors[i]! / unit]));
}

/** An even split over `ids` in percent with `decimals` places, totalling exactly 100. */
export const evenPercents = (ids: readonly string[], decimals = 2): Record<string, number> =>
  roundToPercents(Object.fromEntries(ids.map((id) => [id, 1])), decimals);
