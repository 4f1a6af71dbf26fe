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

/** Round to whole percentages that still add up to exactly 100 (largest remainder). */
export function roundToPercents(probs: Probabilities): Record<string, number> {
  const ids = Object.keys(probs);
  const raw = ids.map((id) => (probs[id] ?? 0) * 100);
  const floors = raw.map(Math.floor);
  let missing = 100 - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i]! += 1;
    missing -= 1;
  }
  return Object.fromEntries(ids.map((id, i) => [id, floors[i]!]));
}
