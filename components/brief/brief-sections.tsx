// The brief's later sections: diagnostic evidence, indicators, assumptions, resolutions and scores.
import type { Brief, BriefEvidenceRef } from "@/lib/brief/types";
import { ASSUMPTION_STATUS, directionWords, resolutionWords, type DateWords } from "@/lib/brief/phrases";
import css from "./brief.module.css";

export function Heading({ label, title }: { label: string; title: string }) {
  return (
    <h3>
      <span className={css.label}>{label}</span>
      {title}
    </h3>
  );
}

export function EvidenceRefs({ items }: { items: readonly BriefEvidenceRef[] }) {
  return (
    <>
      {items.map((e, i) => (
        <span key={e.id}>
          {i > 0 && "; "}
          {e.summary}
          {e.grade && <span className={css.grade}> ({e.grade})</span>}
        </span>
      ))}
    </>
  );
}

export function DiagnosticSection({ brief }: { brief: Brief }) {
  if (brief.questions.length === 0) return null;
  return (
    <section className={css.section} aria-labelledby="brief-diagnostic">
      <h2 id="brief-diagnostic">Most diagnostic evidence</h2>
      <p className={css.intro}>How well each item tells the hypotheses apart, from the team&apos;s ratings (weighted by its grade).</p>
      {brief.questions.map((q) => (
        <div key={q.id}>
          <Heading label={q.label} title={q.title} />
          {q.hidden ? (
            <p className={css.hidden}>Withheld until you have made your own estimate (independent judgments).</p>
          ) : q.diagnostic.length === 0 ? (
            <p className={css.intro}>No rated evidence tells these hypotheses apart yet.</p>
          ) : (
            <ol className={css.evidence}>
              {q.diagnostic.map((e) => (
                <li key={e.id} data-testid="brief-diagnostic">
                  <div className={css.score}>
                    <strong>{e.bits}</strong>
                    <span className={css.grade} title="Source reliability (A–F) and information credibility (1–6)">
                      {e.grade}
                    </span>
                  </div>
                  <div>
                    <div>{e.summary}</div>
                    {e.readings.length > 0 && (
                      <ul className={css.readings} aria-label="The team's reading">
                        {e.readings.map((r) => (
                          <li key={r.hypothesisId}>
                            <span className={css.reading}>{r.consistency}</span> {r.title}
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                </li>
              ))}
            </ol>
          )}
        </div>
      ))}
    </section>
  );
}

export function IndicatorsSection({ brief, d }: { brief: Brief; d: DateWords }) {
  return (
    <section className={css.section} aria-labelledby="brief-indicators">
      <h2 id="brief-indicators">Indicators</h2>
      {brief.indicators.length === 0 && <p className={css.intro}>No indicators on the watch list.</p>}
      {brief.indicators.map((g) => (
        <div key={g.status}>
          <h3>
            {g.label} ({g.items.length})
          </h3>
          <ul className={css.list}>
            {g.items.map((i) => (
              <li key={i.id}>
                <strong>{i.title}</strong> — {directionWords(i.direction)} “{i.hypothesisTitle}” ({i.questionLabel})
                {i.observedAt && `; observed since ${d.date(i.observedAt)}`}
                {(i.description.trim() || i.evidence.length > 0) && (
                  <ul>
                    {i.description.trim() && <li>{i.description}</li>}
                    {i.evidence.length > 0 && (
                      <li>
                        Evidence: <EvidenceRefs items={i.evidence} />
                      </li>
                    )}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function AssumptionsSection({ brief }: { brief: Brief }) {
  return (
    <section className={css.section} aria-labelledby="brief-assumptions">
      <h2 id="brief-assumptions">Key assumptions</h2>
      {brief.assumptions.length === 0 && <p className={css.intro}>No key assumptions recorded.</p>}
      {brief.assumptions.map((g) => (
        <div key={g.questionId}>
          <Heading label={g.label} title={g.title} />
          <ul className={css.list}>
            {g.items.map((a) => (
              <li key={a.id}>
                <strong>{ASSUMPTION_STATUS[a.status]}:</strong> {a.statement}
                {a.note.trim() && (
                  <>
                    {" "}
                    — <span className={css.quote}>{a.note}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function ResolutionsSection({ brief, d }: { brief: Brief; d: DateWords }) {
  return (
    <section className={css.section} aria-labelledby="brief-resolutions">
      <h2 id="brief-resolutions">Resolutions and scores</h2>
      {brief.resolutions.length === 0 && <p className={css.intro}>No question is resolved yet.</p>}
      {brief.resolutions.map((r) => (
        <div key={r.questionId}>
          <Heading label={r.label} title={r.title} />
          <p>{resolutionWords(r.resolution, d)}</p>
          {r.team && (
            <table className={css.table}>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Who</span>
                  </th>
                  <th scope="col" className={css.n}>
                    Brier
                  </th>
                  <th scope="col" className={css.n}>
                    Log score
                  </th>
                  <th scope="col" className={css.n}>
                    Time-avg. Brier
                  </th>
                  <th scope="col" className={css.n}>
                    Estimates
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td>
                    <strong>Team</strong> ({r.team.analysts})
                  </td>
                  <td className={css.n}>{r.team.brier}</td>
                  <td className={css.n}>{r.team.logScore}</td>
                  <td className={css.n}>{r.team.timeAveragedBrier}</td>
                  <td className={css.n}>—</td>
                </tr>
                {r.analysts.map((a, i) => (
                  <tr key={i}>
                    <td>{a.name}</td>
                    <td className={css.n}>{a.brier}</td>
                    <td className={css.n}>{a.logScore}</td>
                    <td className={css.n}>{a.timeAveragedBrier}</td>
                    <td className={css.n}>{a.estimates ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}
