// Probability vectors: hypothesisId → p. The building blocks every other math module
// uses, so the rules for odd input (negatives, zeros, missing keys) live here once.

export type Probabilities = Record<string, number>;

export const PROBABILITY_FLOOR = 0.0001;
export const PROBABILITY_CEILING = 0.9999;

/**
 * Keep p inside [lo, hi]. Used before logs and geometric means, where an exact 0 or 1
 * would turn one overconfident analyst into a veto (ln 0 = −∞).
 */
export function clampProbability(
  p: number,
  lo: number = PROBABILITY_FLOOR,
  hi: number = PROBABILITY_CEILING,
): number {
  return Math.min(hi, Math.max(lo, p));
}

// A value that cannot be a probability mass (negative, NaN, ±∞) counts as no mass,
// so one bad cell cannot flip signs or poison the whole vector.
function mass(p: number | undefined): number {
  return p !== undefined && Number.isFinite(p) && p > 0 ? p : 0;
}

/**
 * normalize()'s rule over n values, for callers that hold them in arrays: put(i, mass / total
 * mass) for each, or 1/n each when there is no mass at all. The pools run it hundreds of
 * thousands of times in a series, where building an object per step was most of the cost.
 */
export function scaleToOne(n: number, valueAt: (i: number) => number | undefined, put: (i: number, p: number) => void): void {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += mass(valueAt(i));
  for (let i = 0; i < n; i++) put(i, sum === 0 ? 1 / n : mass(valueAt(i)) / sum);
}

/**
 * Scale to sum 1. With no mass at all there is nothing to scale, and "no information"
 * is best represented as uniform over the keys. Empty input gives {}.
 */
export function normalize(probs: Probabilities): Probabilities {
  const ids = Object.keys(probs);
  const out: Probabilities = {};
  scaleToOne(
    ids.length,
    (i) => probs[ids[i]!],
    (i, p) => (out[ids[i]!] = p),
  );
  return out;
}

export interface RestrictedProbabilities {
  probabilities: Probabilities;
  /** Open hypotheses the estimate never gave a value for: the analyst must review. */
  missing: string[];
}

/**
 * Re-express an estimate over the hypotheses open now. Archived ids drop out; an id
 * added after the estimate counts 0 (the analyst never considered it) and is reported
 * as missing; the rest is renormalised (uniform if nothing is left).
 */
export function restrictToOpen(
  probs: Probabilities,
  openIds: readonly string[],
): RestrictedProbabilities {
  const ids = [...new Set(openIds)];
  const kept: Probabilities = {};
  const missing: string[] = [];
  for (const id of ids) {
    const given = Object.prototype.hasOwnProperty.call(probs, id) ? probs[id] : undefined;
    if (given === undefined) missing.push(id);
    kept[id] = mass(given);
  }
  return { probabilities: normalize(kept), missing };
}

/**
 * What an estimate says about the hypotheses open now, and nothing more: the open ids it
 * gave a value for (an explicit 0 included), renormalised over those. Archived ids drop out;
 * an id added after the estimate is simply absent — the analyst never saw it, so the
 * estimate is silent about it rather than a vote for 0. {} when it gave no open id.
 * The pools use this; restrictToOpen is for showing an analyst their own figures.
 */
export function restrictToGiven(probs: Probabilities, openIds: readonly string[]): Probabilities {
  const ids = [...new Set(openIds)];
  const out: Probabilities = {};
  eachGiven(probs, ids, (j, p) => (out[ids[j]!] = p));
  return out;
}

/**
 * restrictToGiven's rule over distinct `ids`, for callers that hold the result in arrays:
 * put(j, p) for each ids[j] the estimate gave a value for, p renormalised over those.
 */
export function eachGiven(probs: Probabilities, ids: readonly string[], put: (j: number, p: number) => void): void {
  const given: number[] = [];
  for (let j = 0; j < ids.length; j++) if (Object.prototype.hasOwnProperty.call(probs, ids[j]!)) given.push(j);
  scaleToOne(
    given.length,
    (i) => probs[ids[given[i]!]!],
    (i, p) => put(given[i]!, p),
  );
}

/** True when the values add up to 1 within tolerance; empty or non-finite is false. */
export function sumsToOne(probs: Probabilities, tolerance: number = 0.001): boolean {
  const values = Object.values(probs);
  if (values.length === 0) return false;
  let sum = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) return false;
    sum += v;
  }
  return Math.abs(sum - 1) <= tolerance;
}

// ---------------------------------------------------------------------------------
// ICD 203 words of estimative probability.
//
// Boundary rule: the "roughly even chance" band is closed on both ends [.45, .55];
// bands below it include their lower end and exclude their upper end, bands above it
// exclude their lower end and include their upper end. So a boundary value always
// belongs to the band nearer 50 %: 0.05 → very unlikely, 0.20 → unlikely,
// 0.80 → likely, 0.95 → very likely. The words are symmetric around 50 % that way.
// ---------------------------------------------------------------------------------

export type Icd203Words =
  | "almost no chance"
  | "very unlikely"
  | "unlikely"
  | "roughly even chance"
  | "likely"
  | "very likely"
  | "almost certain";

export interface Icd203Band {
  from: number;
  to: number;
  /** Whether `from` itself belongs to this band. */
  includesFrom: boolean;
  /** Whether `to` itself belongs to this band. */
  includesTo: boolean;
  words: Icd203Words;
}

export const ICD203_BANDS: readonly Icd203Band[] = [
  { from: 0, to: 0.05, includesFrom: true, includesTo: false, words: "almost no chance" },
  { from: 0.05, to: 0.2, includesFrom: true, includesTo: false, words: "very unlikely" },
  { from: 0.2, to: 0.45, includesFrom: true, includesTo: false, words: "unlikely" },
  { from: 0.45, to: 0.55, includesFrom: true, includesTo: true, words: "roughly even chance" },
  { from: 0.55, to: 0.8, includesFrom: false, includesTo: true, words: "likely" },
  { from: 0.8, to: 0.95, includesFrom: false, includesTo: true, words: "very likely" },
  { from: 0.95, to: 1, includesFrom: false, includesTo: true, words: "almost certain" },
];

/**
 * The ICD 203 band for p. p is clamped to [0, 1] and rounded to 9 decimals first so
 * that computed values such as 1 − 0.45 (= 0.5499999…) land on the boundary they
 * were meant to hit. NaN is a caller bug and throws.
 */
export function icd203Band(p: number): Icd203Band {
  if (Number.isNaN(p)) throw new RangeError("icd203Band: p is NaN");
  const q = Math.round(Math.min(1, Math.max(0, p)) * 1e9) / 1e9;
  for (const band of ICD203_BANDS) {
    const aboveFrom = band.includesFrom ? q >= band.from : q > band.from;
    const belowTo = band.includesTo ? q <= band.to : q < band.to;
    if (aboveFrom && belowTo) return band;
  }
  // Unreachable: the bands cover [0, 1] without gaps.
  throw new RangeError(`icd203Band: no band for ${p}`);
}

export function icd203Words(p: number): Icd203Words {
  return icd203Band(p).words;
}
