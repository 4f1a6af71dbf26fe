// Evidence weight from the NATO/Admiralty grading: how much one item should count in
// ACH scores and implied probabilities. The "cannot be judged" grades (F, 6) sit at
// 0.5 — neutral between good and bad — rather than at the bottom of the scale.

export type Reliability = "A" | "B" | "C" | "D" | "E" | "F";
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

export const RELIABILITY_GRADES: readonly Reliability[] = ["A", "B", "C", "D", "E", "F"];
export const CREDIBILITY_GRADES: readonly Credibility[] = [1, 2, 3, 4, 5, 6];

export const RELIABILITY_WEIGHT: Readonly<Record<Reliability, number>> = {
  A: 1.0,
  B: 0.8,
  C: 0.6,
  D: 0.4,
  E: 0.2,
  F: 0.5,
};

export const CREDIBILITY_WEIGHT: Readonly<Record<Credibility, number>> = {
  1: 1.0,
  2: 0.8,
  3: 0.6,
  4: 0.4,
  5: 0.2,
  6: 0.5,
};

export const RELIABILITY_NAMES: Readonly<Record<Reliability, string>> = {
  A: "Completely reliable",
  B: "Usually reliable",
  C: "Fairly reliable",
  D: "Not usually reliable",
  E: "Unreliable",
  F: "Reliability cannot be judged",
};

export const CREDIBILITY_NAMES: Readonly<Record<Credibility, string>> = {
  1: "Confirmed by other sources",
  2: "Probably true",
  3: "Possibly true",
  4: "Doubtful",
  5: "Improbable",
  6: "Truth cannot be judged",
};

/**
 * reliability weight × credibility weight; 0 once retracted, because a retracted item
 * is kept for history but must no longer move any score. A live item is never 0
 * (the lowest grade, E5, gives 0.04), so weight 0 reliably means "retracted".
 */
export function evidenceWeight(
  reliability: Reliability,
  credibility: Credibility,
  retracted: boolean,
): number {
  if (retracted) return 0;
  return RELIABILITY_WEIGHT[reliability] * CREDIBILITY_WEIGHT[credibility];
}
