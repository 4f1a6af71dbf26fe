// The brief as a page: the same Brief object and the same sentences (lib/brief/phrases.ts) as
// the Markdown, dates in the reader's zone. A server component: nothing in it is interactive.
import type { Brief, BriefQuestion } from "@/lib/brief/types";
import { changeWords, dateWords, judgmentWords, methodWords, resolutionWords, spreadWords, HIDDEN, type DateWords } from "@/lib/brief/phrases";
import { EvidenceRefs, Heading, DiagnosticSection, IndicatorsSection, AssumptionsSection, ResolutionsSection } from "./brief-sections";
import css from "./brief.module.css";

function QuestionJudgment({ q, d }: { q: BriefQuestion; d: DateWords }) {
  return (
    <article className={`${css.question}${q.depth > 0 ? ` ${css.conditional}` : ""}`} data-testid="brief-question" aria-label={q.title}>
      <Heading label={q.label} title={q.title} />
      <p className={`${css.judgment}${q.hidden ? ` ${css.hidden}` : ""}`} data-testid="key-judgment">
        {judgmentWords(q)}
      </p>
      {!q.hidden && q.judgments.length > 0 && (
        <table className={css.table}>
          <thead>
            <tr>
              <th scope="col">Hypothesis</th>
              <th scope="col">Team</th>
              <th scope="col" className={css.n}>
                Analysts&apos; range
              </th>
            </tr>
          </thead>
          <tbody>
            {q.judgments.map((j) => (
              <tr key={j.hypothesisId}>
                <td>{j.title}</td>
                <td className={css.team}>
                  <strong className={css.pct} data-testid="brief-probability">
                    {j.percent}
                  </strong>{" "}
                  <span className={css.words}>{j.words}</span>
                </td>
                <td className={css.n}>{j.range ? j.range.text : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className={css.line}>{spreadWords(q)}</p>
      {q.resolution && <p className={css.resolution}>{resolutionWords(q.resolution, d)}</p>}
    </article>
  );
}

function MovedSection({ brief, d }: { brief: Brief; d: DateWords }) {
  const m = brief.moved;
  if (!m) return null;
  return (
    <section className={css.section} aria-labelledby="brief-moved">
      <h2 id="brief-moved">What moved since {d.dateTime(m.since)}</h2>
      {m.questions.length === 0 && m.evidence.length === 0 && (
        <p className={css.intro}>
          Nothing moved between {d.dateTime(m.since)} and {d.dateTime(m.to)}.
        </p>
      )}
      {m.questions.map((q) => (
        <div key={q.questionId} data-testid="brief-moved-question">
          <Heading label={q.label} title={q.title} />
          {q.hidden ? (
            <p className={css.hidden}>{HIDDEN}</p>
          ) : (
            <ul className={css.list}>
              <li>
                <strong>Team:</strong> {q.team.length > 0 ? changeWords(q.team) : "unchanged"}
              </li>
              {q.analysts.map((a, i) => (
                <li key={i}>
                  <strong>{a.name}</strong> ({a.count > 1 ? `${a.count} estimates, last ` : ""}
                  {d.dateTime(a.at)}): {changeWords(a.changes)}
                  {(a.rationale.trim() || a.evidence.length > 0) && (
                    <ul>
                      {a.rationale.trim() && (
                        <li>
                          Rationale: <span className={css.quote}>“{a.rationale}”</span>
                        </li>
                      )}
                      {a.evidence.length > 0 && (
                        <li>
                          Evidence: <EvidenceRefs items={a.evidence} />
                        </li>
                      )}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {m.evidence.length > 0 && (
        <>
          <h3>Evidence logged in this window</h3>
          <ul className={css.list}>
            {m.evidence.map((e) => (
              <li key={e.id}>
                {e.summary} {e.grade && <span className={css.grade}>({e.grade})</span>} — logged {d.dateTime(e.createdAt)}
                {e.retracted ? " (since retracted)" : ""}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function BriefDocument({ brief, timeZone }: { brief: Brief; timeZone: string }) {
  const d = dateWords(timeZone);
  return (
    <article className={css.doc} data-testid="brief">
      <header>
        <p className={css.eyebrow}>Brief</p>
        <h1>{brief.title}</h1>
        {brief.summary
          .split(/\n\s*\n/)
          .filter((p) => p.trim())
          .map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        <div className={css.meta}>
          <p>
            <strong>
              {brief.asOf ? "As it stood on" : "As of"} {d.dateTime(brief.at)}.
            </strong>{" "}
            {methodWords(brief.method)}
          </p>
          {brief.independentElicitation && <p>Independent judgments are on: an analyst sees the team&apos;s figures on a question only after estimating it.</p>}
        </div>
      </header>

      <section className={css.section} aria-labelledby="brief-judgments">
        <h2 id="brief-judgments">Key judgments</h2>
        {brief.questions.length === 0 && <p className={css.intro}>No questions yet.</p>}
        {brief.questions.map((q) => (
          <QuestionJudgment key={q.id} q={q} d={d} />
        ))}
      </section>

      {brief.outcomes.length > 0 && (
        <section className={css.section} aria-labelledby="brief-outcomes">
          <h2 id="brief-outcomes">Outcomes</h2>
          <table className={css.table}>
            <thead>
              <tr>
                <th scope="col">Outcome</th>
                <th scope="col">Probability</th>
              </tr>
            </thead>
            <tbody>
              {brief.outcomes.map((o) => (
                <tr key={o.id}>
                  <td>{o.title}</td>
                  <td className={css.team}>
                    <strong className={css.pct}>{o.percent}</strong> <span className={css.words}>{o.words}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <MovedSection brief={brief} d={d} />
      <DiagnosticSection brief={brief} />
      <IndicatorsSection brief={brief} d={d} />
      <AssumptionsSection brief={brief} />
      <ResolutionsSection brief={brief} d={d} />
    </article>
  );
}
