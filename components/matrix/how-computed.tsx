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
          <strong>Likelihoods</strong>: CC 4, C 2, N 1, I ½, II ¼ (or the explicit likelihood an analyst gave); NA counts as 1. The team&apos;s
          cell is the geometric mean of the analysts&apos; likelihoods.
        </li>
        <li>
          <strong>Diagnosticity</strong> = weight × log₂(max L ÷ min L) over the rated hypotheses, in bits; 0 when an item cannot tell them
          apart.
        </li>
        <li>
          <strong>Evidence suggests</strong> (Bayes): start uniform over the open hypotheses, multiply by L<sup>weight</sup> for every item,
          normalise. A gap of more than 20 points from the stated probability is flagged.
        </li>
      </ul>
    </details>
  );
}
