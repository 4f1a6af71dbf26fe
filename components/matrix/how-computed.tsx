import { CELL_STYLE } from "./cell-style";
import type { Consistency } from "@/lib/math/ach";

const LABELS: Consistency[] = ["CC", "C", "N", "I", "II", "NA"];

/** What the abbreviations on the matrix mean, on screen beside it. */
export function MatrixLegend() {
  return (
    <div className="legend small" aria-label="Legend" data-testid="matrix-legend">
      <span className="legend-cells">
        {LABELS.map((c) => (
          <span key={c} className="legend-cell">
            <span className="swatch" style={{ background: CELL_STYLE[c].background, color: CELL_STYLE[c].color }}>
              {c}
            </span>{" "}
            {CELL_STYLE[c].label}
          </span>
        ))}
      </span>
      <span>
        <strong>w</strong> weight from the grade (A–F × 1–6; retracted 0)
      </span>
      <span>
        <strong>bits</strong> diagnosticity: how well the item tells the hypotheses apart (0 = not at all)
      </span>
      <span>
        <strong>team spread</strong> how far the analysts&apos; ratings of a cell lie apart: consensus (same rating), mild (one step), large (two),
        extreme (three or more)
      </span>
    </div>
  );
}

/** The "how this is computed" note an analyst can open beside the numbers. */
export function HowComputed() {
  return (
    <details className="card small">
      <summary style={{ cursor: "pointer", fontWeight: 600 }}>How these numbers are computed</summary>
      <ul>
        <li>
          <strong>Weight</strong> of an item = reliability (A 1.0, B 0.8, C 0.6, D 0.4, E 0.2, F 0.5) × credibility (1 1.0, 2 0.8, 3 0.6, 4
          0.4, 5 0.2, 6 0.5). Retracted evidence weighs 0.
        </li>
        <li>
          <strong>Inconsistency</strong> (Heuer): Σ weight × (I = 1, II = 2) down each column; the hypothesis with the least inconsistent
          evidence ranks first. The unweighted count is shown beside it.
        </li>
        <li>
          <strong>Likelihoods</strong>: CC 4, C 2, N 1, I ½, II ¼ (or the explicit likelihood an analyst gave). NA, and a cell left
          unrated in a row that has a rating, count as 1 — no information — in every figure: diagnosticity, the evidence-implied
          probabilities, the team&apos;s cell and “what if false”. The team&apos;s cell is the geometric mean of the likelihoods of the
          analysts who rated it (NA as 1).
        </li>
        <li>
          <strong>Diagnosticity</strong> = weight × log₂(max L ÷ min L) over the row&apos;s hypotheses, in bits; 0 when an item cannot tell
          them apart or is not rated at all.
        </li>
        <li>
          <strong>Evidence suggests</strong> (Bayes): start uniform over the open hypotheses, multiply by L<sup>weight</sup> for every item,
          normalise. A gap of more than 20 points from the stated probability is flagged.
        </li>
      </ul>
    </details>
  );
}
