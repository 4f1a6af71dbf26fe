// The brief of a scenario as data: what the services read (the scenario tree, each question's
// matrix and standing estimates, scores, the diff since a time, indicators and assumptions),
// composed into sections whose figures are already put in words with the helpers the screens
// use (pct, ICD 203 words, the overview's spread labels, the matrix's bits, the scores' three
// decimals), so the page and the Markdown print the same text. Pure: no store, no clock.
import type { QuestionView } from "@/lib/scenarios/tree";
import type { Matrix } from "@/lib/analysis/matrix";
import type { ScoreFields } from "@/lib/analysis/scores";
import type { ProbabilityChange } from "@/lib/analysis/diff-format";
import type { IndicatorStatus } from "@/lib/indicators/service";
import type { StandingEstimate } from "@/lib/estimates/standing";
import { pct, shownPoints, shownSpread, signedPoints, words } from "@/lib/client/format";
import { restrictToGiven } from "@/lib/math";
import type {
  Brief,
  BriefChange,
  BriefEvidence,
  BriefEvidenceRef,
  BriefInput,
  BriefJudgment,
  BriefMove,
  BriefMoved,
  BriefQuestion,
  BriefResolution,
  BriefScoreLine,
  BriefScored,
} from "./types";

export type * from "./types";

/** How many evidence items a question's "most diagnostic" list keeps. */
export const DIAGNOSTIC_TOP = 5;

/** Bits as the matrix prints them. */
export const bits = (d: number) => `${d.toFixed(1)} bits`;

/** A score as the scores page prints it. */
export const score = (v: number | null) => (v === null ? "—" : v.toFixed(3));

export const INDICATOR_GROUPS: readonly { status: IndicatorStatus; label: string }[] = [
  { status: "observed", label: "Observed" },
  { status: "watching", label: "Watching" },
  { status: "not_observed", label: "Not observed" },
  { status: "retired", label: "Retired" },
];

/** The view's questions depth first, as the overview nests them: roots, then under each hypothesis its children. */
function treeOrder(questions: readonly QuestionView[]): { q: QuestionView; depth: number }[] {
  const known = new Set(questions.flatMap((q) => q.hypotheses.map((h) => h.id)));
  const out: { q: QuestionView; depth: number }[] = [];
  const seen = new Set<string>();
  const visit = (q: QuestionView, depth: number) => {
    if (seen.has(q.id)) return;
    seen.add(q.id);
    out.push({ q, depth });
    for (const h of q.hypotheses) for (const child of questions) if (child.parentHypothesisId === h.id) visit(child, depth + 1);
  };
  for (const q of questions) if (q.parentHypothesisId === null || !known.has(q.parentHypothesisId)) visit(q, 0);
  // anything not reached (a cycle would be a bug upstream) still appears
  for (const q of questions) visit(q, 0);
  return out;
}

function judgmentsOf(q: QuestionView, standing: readonly StandingEstimate[]): BriefJudgment[] {
  const open = q.hypotheses.filter((h) => h.status === "open");
  const openIds = open.map((h) => h.id);
  // each analyst's figures over the open hypotheses they gave, as the team's pool takes them
  const given = q.teamHidden ? [] : standing.map((e) => restrictToGiven(e.probabilities, openIds));
  return open.map((h) => {
    const values = given.flatMap((g) => (h.id in g ? [g[h.id]!] : []));
    const min = Math.min(...values);
    const max = Math.max(...values);
    return {
      hypothesisId: h.id,
      title: h.title,
      probability: h.probability,
      percent: pct(h.probability),
      words: words(h.probability),
      range: values.length >= 2 ? { min, max, text: pct(min) === pct(max) ? pct(min) : `${pct(min)}–${pct(max)}` } : null,
    };
  });
}

function diagnosticOf(m: Matrix | undefined): BriefEvidence[] {
  if (!m || m.teamHidden) return [];
  const titles = new Map(m.hypotheses.map((h) => [h.id, h.title]));
  return m.evidence
    .map((e, i) => ({ e, i, d: e.teamDiagnosticity ?? 0 }))
    .filter((x) => x.d > 0 && !x.e.retracted)
    // largest first; ties keep the matrix's order (as its stable sort does)
    .sort((x, y) => y.d - x.d || x.i - y.i)
    .slice(0, DIAGNOSTIC_TOP)
    .map(({ e, d }) => ({
      id: e.id,
      summary: e.summary,
      reliability: e.reliability,
      credibility: e.credibility,
      grade: `${e.reliability}${e.credibility}`,
      weight: e.weight,
      diagnosticity: d,
      bits: bits(d),
      readings: e.cells.flatMap((c) =>
        c.team && c.team.consistency ? [{ hypothesisId: c.hypothesisId, title: titles.get(c.hypothesisId) ?? "(removed)", consistency: c.team.consistency }] : [],
      ),
    }));
}

function resolutionOf(q: QuestionView): BriefResolution | null {
  const r = q.resolution;
  if (!r) return null;
  return {
    annulled: r.annulled,
    hypothesisId: r.hypothesisId,
    answer: r.annulled ? null : (q.hypotheses.find((h) => h.id === r.hypothesisId)?.title ?? null),
    at: r.at,
    note: r.note,
    automatic: r.automatic,
    corrected: r.corrected,
  };
}

const changesOf = (changes: readonly ProbabilityChange[]): BriefChange[] =>
  changes.map((c) => ({
    hypothesisId: c.hypothesisId,
    title: c.title ?? "(removed)",
    from: pct(c.from),
    to: pct(c.to),
    points: signedPoints(shownPoints(c.from, c.to) / 100),
    delta: c.delta,
  }));

const scoreLine = (name: string, s: ScoreFields, estimates: number | null): BriefScoreLine => ({
  name,
  brier: score(s.brier),
  logScore: score(s.logScore),
  timeAveragedBrier: score(s.timeAveragedBrier),
  estimates,
});

export function composeBrief(input: BriefInput): Brief {
  const { view } = input;
  const labels = new Map(view.questions.map((q, i) => [q.id, `Q${i + 1}`]));
  const labelOf = (id: string) => labels.get(id) ?? "Q?";
  const hypotheses = new Map(view.questions.flatMap((q) => q.hypotheses.map((h) => [h.id, { title: h.title, questionId: q.id }] as const)));
  const matrices = new Map(input.matrices.map((m) => [m.questionId, m]));
  // every evidence item of the scenario at the moment described (each matrix lists them all)
  const evidence = new Map(input.matrices.flatMap((m) => m.evidence.map((e) => [e.id, e] as const)));
  const ref = (id: string): BriefEvidenceRef => {
    const e = evidence.get(id);
    return { id, summary: e?.summary ?? "(not available at this time)", grade: e ? `${e.reliability}${e.credibility}` : null };
  };

  const questions: BriefQuestion[] = treeOrder(view.questions).map(({ q, depth }) => {
    const judgments = judgmentsOf(q, input.standing[q.id] ?? []);
    let lead: BriefJudgment | null = null;
    for (const j of judgments) if (j.probability !== null && (lead === null || j.probability > lead.probability!)) lead = j;
    const parent = q.parentHypothesisId ? hypotheses.get(q.parentHypothesisId) : undefined;
    return {
      id: q.id,
      label: labelOf(q.id),
      title: q.title,
      depth,
      given: parent ? { hypothesisTitle: parent.title, questionLabel: labelOf(parent.questionId) } : null,
      hidden: q.teamHidden,
      analysts: q.analysts,
      disagreement: q.disagreement,
      spread: shownSpread(q),
      lead,
      judgments,
      resolution: resolutionOf(q),
      diagnostic: diagnosticOf(matrices.get(q.id)),
    };
  });
  const byId = new Map(questions.map((q) => [q.id, q]));

  let moved: BriefMoved | null = null;
  if (input.diff) {
    const d = input.diff;
    const from = Date.parse(d.from);
    const to = Date.parse(d.to);
    moved = {
      since: d.from,
      to: d.to,
      questions: d.questions.flatMap((line): BriefMove[] => {
        const q = byId.get(line.questionId);
        if (!q) return [];
        // independent judgments: nobody's figures (nor reasons) on a question hidden from the caller
        if (q.hidden) return [{ questionId: q.id, label: q.label, title: q.title, hidden: true, team: [], analysts: [] }];
        return [
          {
            questionId: q.id,
            label: q.label,
            title: q.title,
            hidden: false,
            team: line.moved ? changesOf(line.changes) : [],
            analysts: line.estimates.map((e) => ({
              name: e.analystName ?? "Someone",
              at: e.at,
              count: e.count,
              changes: changesOf(e.changes),
              rationale: e.rationale,
              evidence: e.evidenceIds.map(ref),
            })),
          },
        ];
      }),
      evidence: [...evidence.values()]
        .filter((e) => {
          const t = Date.parse(e.createdAt);
          return t > from && t <= to;
        })
        .sort((x, y) => Date.parse(x.createdAt) - Date.parse(y.createdAt) || (x.id < y.id ? -1 : 1))
        .map((e) => ({ ...ref(e.id), createdAt: e.createdAt, retracted: e.retracted })),
    };
  }

  const indicators = INDICATOR_GROUPS.map((g) => ({
    status: g.status,
    label: g.label,
    items: input.indicators
      .filter((i) => i.status === g.status)
      .map((i) => ({
        id: i.id,
        title: i.title,
        description: i.description,
        direction: i.direction,
        hypothesisTitle: hypotheses.get(i.hypothesisId)?.title ?? "(removed)",
        questionLabel: labelOf(i.questionId),
        observedAt: i.observedAt,
        evidence: i.evidenceIds.map(ref),
      })),
  })).filter((g) => g.items.length > 0);

  const assumptions = questions
    .map((q) => ({
      questionId: q.id,
      label: q.label,
      title: q.title,
      items: input.assumptions.filter((a) => a.questionId === q.id).map((a) => ({ id: a.id, statement: a.statement, status: a.status, note: a.note })),
    }))
    .filter((g) => g.items.length > 0);

  const resolutions: BriefScored[] = questions.flatMap((q) => {
    if (!q.resolution) return [];
    const r = q.resolution;
    const item = input.scores?.items.find((s) => s.questionId === q.id);
    // scores are of the answer in force now: shown only while it is the one in force then
    const same = item && item.resolvedAt === r.at && (r.annulled ? item.resolution === "annulled" : item.resolution === r.hypothesisId);
    const scored = same && !r.annulled;
    return [
      {
        questionId: q.id,
        label: q.label,
        title: q.title,
        resolution: r,
        team: scored ? { ...scoreLine("Team", item.team, null), analysts: item.team.analysts } : null,
        analysts: scored ? item.analysts.map((a) => scoreLine(a.name ?? "Someone", a, a.estimates)) : [],
      },
    ];
  });

  return {
    scenarioId: view.id,
    title: view.title,
    summary: view.summary,
    at: input.at,
    asOf: view.asOf,
    since: input.diff?.from ?? null,
    method: view.method,
    independentElicitation: view.independentElicitation,
    questions,
    outcomes: view.outcomes.map((o) => ({
      id: o.id,
      title: o.title,
      probability: o.probability,
      percent: pct(o.probability),
      // as the overview's outcomes card says it
      words: o.probability === null ? "needs estimates on every path" : words(o.probability),
    })),
    moved,
    indicators,
    assumptions,
    resolutions,
  };
}
