// A question's probabilities over time, for the history chart: the team's pooled figures
// as a step function computed by the same function scoring uses (lib/math pooledSeries),
// so the line at any moment equals what the overview showed as of that moment, for every
// pool method; each analyst's own figures over the hypotheses open at each moment; the
// evidence logged and the rationales given, as markers. The series runs to now (or `asOf`),
// or to the resolution when the question closed earlier. Under independent judgments an
// analyst who has not estimated the question yet gets only their own (no) figures.
import "server-only";
import { and, asc, eq, lte } from "drizzle-orm";
import type { Store } from "@/db/store";
import { requireActor, requireEntityRole, type Actor } from "@/lib/access/service";
import { hypothesesAt } from "@/lib/asof/questions";
import { resolutionAt } from "@/lib/asof/resolutions";
import { pooledSeries, restrictToOpen, type PoolMethod, type Probabilities } from "@/lib/math";
import { questionHidden } from "@/lib/elicitation/hidden";
import { openTimeline } from "./timeline";

export interface SeriesPointOut {
  at: string;
  /** Per open hypothesis; a hypothesis nobody has a figure for is absent. */
  probabilities: Probabilities;
}

export interface QuestionSeries {
  questionId: string;
  method: PoolMethod;
  asOf: string | null;
  /** Where the lines end: the resolution, else `asOf`, else now. */
  end: string;
  resolution: { at: string; hypothesisId: string | null; annulled: boolean } | null;
  hypotheses: { id: string; title: string; status: "open" | "archived" }[];
  team: SeriesPointOut[];
  analysts: { analystId: string; name: string | null; points: SeriesPointOut[] }[];
  evidence: { id: string; summary: string; at: string }[];
  rationales: { analystId: string; name: string | null; at: string; text: string }[];
  /** Independent judgments: the caller has not estimated yet, so team and others are withheld. */
  teamHidden: boolean;
}

export async function getQuestionSeries(
  store: Store,
  actor: Actor | null,
  questionId: string,
  query: { method?: PoolMethod; asOf?: Date },
): Promise<QuestionSeries> {
  const a = requireActor(actor);
  const { scenarioId, role } = await requireEntityRole(store, a, "question", questionId, "viewer");
  const s = store.schema;
  const method = query.method ?? "geometric";
  const now = query.asOf ?? store.now();
  const resolution = await resolutionAt(store, questionId, now);
  const endAt = resolution.closedAt ?? now;
  // everything strictly before the end moment counts, plus the end itself
  const until = new Date(endAt.getTime() + 1);

  const [timeline, all, evidence, hypotheses, teamHidden] = await Promise.all([
    openTimeline(store, questionId, until),
    // estimates_latest_idx (question_id, …): every estimate on the question up to the end
    store.db
      .select({ id: s.estimates.id, analystId: s.estimates.analystId, name: s.user.name, at: s.estimates.createdAt, probabilities: s.estimates.probabilities, rationale: s.estimates.rationale })
      .from(s.estimates)
      .leftJoin(s.user, eq(s.user.id, s.estimates.analystId))
      .where(and(eq(s.estimates.questionId, questionId), lte(s.estimates.createdAt, endAt)))
      .orderBy(asc(s.estimates.createdAt), asc(s.estimates.id)),
    store.db
      .select({ id: s.evidence.id, summary: s.evidence.summary, at: s.evidence.createdAt })
      .from(s.evidence)
      .where(and(eq(s.evidence.scenarioId, scenarioId), lte(s.evidence.createdAt, endAt)))
      .orderBy(asc(s.evidence.createdAt)),
    // titles and status as they stood at the end
    hypothesesAt(store, { questionIds: [questionId] }, endAt),
    questionHidden(store, scenarioId, questionId, a.id, role, query.asOf),
  ]);
  const rows = teamHidden ? all.filter((r) => r.analystId === a.id) : all;

  const estimates = rows.map((r) => ({ analystId: r.analystId, at: r.at.getTime(), probabilities: r.probabilities }));
  const points = pooledSeries({ estimates, openSets: timeline.openSets, method, until: until.getTime() });
  const iso = (ms: number) => new Date(ms).toISOString();
  const names = new Map(rows.map((r) => [r.analystId, r.name]));
  const analysts = [...names.keys()].map((analystId) => ({
    analystId,
    name: names.get(analystId) ?? null,
    // after each change, this analyst's standing estimate over the hypotheses open then
    points: points.flatMap((p, i) => {
      const own = p.standing[analystId];
      if (!own) return [];
      const previous = points[i - 1]?.standing[analystId];
      if (previous === own && i > 0 && points[i - 1]!.openIds === p.openIds) return [];
      const restricted = restrictToOpen(own, p.openIds);
      return [{ at: iso(p.at), probabilities: Object.fromEntries(Object.entries(restricted.probabilities).filter(([id]) => !restricted.missing.includes(id))) }];
    }),
  }));

  return {
    questionId,
    method,
    asOf: query.asOf ? query.asOf.toISOString() : null,
    end: endAt.toISOString(),
    resolution: resolution.status === "open" ? null : { at: resolution.closedAt!.toISOString(), hypothesisId: resolution.hypothesisId, annulled: resolution.status === "annulled" },
    hypotheses: hypotheses.map((h) => ({ id: h.id, title: h.title, status: h.status })),
    team: teamHidden ? [] : points.map((p) => ({ at: iso(p.at), probabilities: p.probabilities })),
    analysts,
    evidence: evidence.map((e) => ({ id: e.id, summary: e.summary, at: e.at.toISOString() })),
    rationales: rows.map((r) => ({ analystId: r.analystId, name: r.name, at: r.at.toISOString(), text: r.rationale })),
    teamHidden,
  };
}
