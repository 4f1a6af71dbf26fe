"use client";
import { CREDIBILITY_GRADES, CREDIBILITY_NAMES, RELIABILITY_GRADES, RELIABILITY_NAMES, type Credibility, type Reliability } from "@/lib/math/evidence-weight";

/** NATO/Admiralty grading with each grade's name, as analysts read it ("B — usually reliable"). */
export function GradeFields({
  idPrefix,
  reliability,
  credibility,
  onReliability,
  onCredibility,
}: {
  idPrefix: string;
  reliability: Reliability;
  credibility: Credibility;
  onReliability: (r: Reliability) => void;
  onCredibility: (c: Credibility) => void;
}) {
  return (
    <div className="row" style={{ alignItems: "flex-start" }}>
      <div className="field grow">
        <label htmlFor={`${idPrefix}-rel`}>Source reliability</label>
        <select id={`${idPrefix}-rel`} value={reliability} onChange={(e) => onReliability(e.target.value as Reliability)}>
          {RELIABILITY_GRADES.map((g) => (
            <option key={g} value={g}>
              {g} — {RELIABILITY_NAMES[g].toLowerCase()}
            </option>
          ))}
        </select>
      </div>
      <div className="field grow">
        <label htmlFor={`${idPrefix}-cred`}>Information credibility</label>
        <select id={`${idPrefix}-cred`} value={credibility} onChange={(e) => onCredibility(Number(e.target.value) as Credibility)}>
          {CREDIBILITY_GRADES.map((g) => (
            <option key={g} value={g}>
              {g} — {CREDIBILITY_NAMES[g].toLowerCase()}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

export function GradeChip({ reliability, credibility }: { reliability: Reliability; credibility: number }) {
  const c = credibility as Credibility;
  return (
    <span className="chip chip-grade" title={`${RELIABILITY_NAMES[reliability]} source; ${CREDIBILITY_NAMES[c] ?? ""}`}>
      {reliability}
      {credibility}
    </span>
  );
}
