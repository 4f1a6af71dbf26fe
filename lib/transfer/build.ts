// Rows → document: the pure half of the export. Every timestamp becomes an ISO string and
// every list a deterministic order that does not depend on ids where timestamps tie.
import type { Row } from "@/db/types";
import type { ScenarioDocument } from "./format";

/** Everything the store holds for one scenario, as read (any order). */
export interface ScenarioRows {
  scenario: Row<"scenarios">;
  questions: Row<"questions">[];
  questionVersions: Row<"questionVersions">[];
  hypotheses: Row<"hypotheses">[];
  hypothesisVersions: Row<"hypothesisVersions">[];
  outcomes: Row<"outcomes">[];
  sources: Row<"sources">[];
  evidence: Row<"evidence">[];
  evidenceVersions: Row<"evidenceVersions">[];
  ratings: Row<"ratings">[];
  estimates: Row<"estimates">[];
  forecasters: Row<"forecasters">[];
  resolutions: Row<"resolutions">[];
  indicators: Row<"indicators">[];
  indicatorVersions: Row<"indicatorVersions">[];
  assumptions: Row<"assumptions">[];
  assumptionVersions: Row<"assumptionVersions">[];
  events: Row<"events">[];
}

export type DocumentBody = Omit<ScenarioDocument, "format" | "formatVersion" | "exportedAt" | "people">;

export const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

// Sorted in code, not by the database: ids compare by code unit here on every dialect.
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
function ordered<T>(rows: T[], key: (r: T) => [Date, string]): T[] {
  return rows.sort((x, y) => {
    const [ta, ia] = key(x);
    const [tb, ib] = key(y);
    return cmp(ta.getTime(), tb.getTime()) || cmp(ia, ib);
  });
}
const byVersion = <T extends { version: number }>(rows: T[]) => rows.sort((a, b) => a.version - b.version);

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Everything but `people`, in document order. */
export function buildBody(r: ScenarioRows): DocumentBody {
  const qv = groupBy(r.questionVersions, (v) => v.questionId);
  const hv = groupBy(r.hypothesisVersions, (v) => v.hypothesisId);
  const ev = groupBy(r.evidenceVersions, (v) => v.evidenceId);
  const iv = groupBy(r.indicatorVersions, (v) => v.indicatorId);
  const av = groupBy(r.assumptionVersions, (v) => v.assumptionId);

  return {
    scenario: {
      id: r.scenario.id,
      title: r.scenario.title,
      summary: r.scenario.summary,
      version: r.scenario.version,
      createdBy: r.scenario.createdBy,
      createdAt: iso(r.scenario.createdAt),
      updatedAt: iso(r.scenario.updatedAt),
      archivedAt: isoOrNull(r.scenario.archivedAt),
      independentElicitation: r.scenario.independentElicitation,
    },
    questions: ordered(r.questions, (q) => [q.createdAt, q.id]).map((q) => ({
      id: q.id,
      parentHypothesisId: q.parentHypothesisId,
      title: q.title,
      description: q.description,
      resolutionCriteria: q.resolutionCriteria,
      resolveBy: isoOrNull(q.resolveBy),
      position: q.position,
      version: q.version,
      createdAt: iso(q.createdAt),
      updatedAt: iso(q.updatedAt),
      versions: byVersion(qv.get(q.id) ?? []).map((v) => ({
        version: v.version,
        title: v.title,
        description: v.description,
        resolutionCriteria: v.resolutionCriteria,
        resolveBy: isoOrNull(v.resolveBy),
        editedBy: v.editedBy,
        createdAt: iso(v.createdAt),
      })),
    })),
    hypotheses: ordered(r.hypotheses, (h) => [h.createdAt, h.id]).map((h) => ({
      id: h.id,
      questionId: h.questionId,
      title: h.title,
      description: h.description,
      status: h.status,
      position: h.position,
      version: h.version,
      createdAt: iso(h.createdAt),
      updatedAt: iso(h.updatedAt),
      versions: byVersion(hv.get(h.id) ?? []).map((v) => ({
        version: v.version,
        title: v.title,
        description: v.description,
        status: v.status,
        editedBy: v.editedBy,
        createdAt: iso(v.createdAt),
      })),
    })),
    outcomes: ordered(r.outcomes, (o) => [o.createdAt, o.id]).map((o) => ({
      id: o.id,
      title: o.title,
      description: o.description,
      hypothesisIds: o.hypothesisIds,
      position: o.position,
      version: o.version,
      createdAt: iso(o.createdAt),
      updatedAt: iso(o.updatedAt),
      archivedAt: isoOrNull(o.archivedAt),
    })),
    sources: ordered(r.sources, (x) => [x.createdAt, x.id]).map((x) => ({
      id: x.id,
      title: x.title,
      publisher: x.publisher,
      author: x.author,
      publishedAt: isoOrNull(x.publishedAt),
      url: x.url,
      text: x.text,
      createdBy: x.createdBy,
      createdAt: iso(x.createdAt),
    })),
    evidence: ordered(r.evidence, (e) => [e.createdAt, e.id]).map((e) => ({
      id: e.id,
      summary: e.summary,
      excerpt: e.excerpt,
      sourceId: e.sourceId,
      occurredAt: isoOrNull(e.occurredAt),
      reliability: e.reliability,
      credibility: e.credibility,
      tags: e.tags,
      version: e.version,
      createdBy: e.createdBy,
      createdAt: iso(e.createdAt),
      updatedAt: iso(e.updatedAt),
      retractedAt: isoOrNull(e.retractedAt),
      retractReason: e.retractReason,
      retractedBy: e.retractedBy,
      versions: byVersion(ev.get(e.id) ?? []).map((v) => ({
        version: v.version,
        summary: v.summary,
        excerpt: v.excerpt,
        sourceId: v.sourceId,
        occurredAt: isoOrNull(v.occurredAt),
        reliability: v.reliability,
        credibility: v.credibility,
        tags: v.tags,
        editedBy: v.editedBy,
        createdAt: iso(v.createdAt),
      })),
    })),
    ratings: ordered(r.ratings, (x) => [x.createdAt, x.id]).map((x) => ({
      id: x.id,
      evidenceId: x.evidenceId,
      hypothesisId: x.hypothesisId,
      analystId: x.analystId,
      consistency: x.consistency,
      likelihood: x.likelihood,
      createdAt: iso(x.createdAt),
    })),
    estimates: ordered(r.estimates, (x) => [x.createdAt, x.id]).map((x) => ({
      id: x.id,
      questionId: x.questionId,
      analystId: x.analystId,
      probabilities: x.probabilities,
      rationale: x.rationale,
      evidenceIds: x.evidenceIds,
      createdAt: iso(x.createdAt),
    })),
    // sorted in exportScenario, once the order of people is known
    forecasters: r.forecasters.map((f) => ({ questionId: f.questionId, analystId: f.analystId, firstAt: iso(f.firstAt) })),
    resolutions: ordered(r.resolutions, (x) => [x.createdAt, x.id]).map((x) => ({
      id: x.id,
      questionId: x.questionId,
      hypothesisId: x.hypothesisId,
      annulled: x.annulled,
      note: x.note,
      correctionReason: x.correctionReason,
      causeQuestionId: x.causeQuestionId,
      resolvedBy: x.resolvedBy,
      createdAt: iso(x.createdAt),
    })),
    indicators: ordered(r.indicators, (x) => [x.createdAt, x.id]).map((x) => ({
      id: x.id,
      hypothesisId: x.hypothesisId,
      title: x.title,
      description: x.description,
      direction: x.direction,
      status: x.status,
      evidenceIds: x.evidenceIds,
      version: x.version,
      createdBy: x.createdBy,
      createdAt: iso(x.createdAt),
      updatedAt: iso(x.updatedAt),
      versions: byVersion(iv.get(x.id) ?? []).map((v) => ({
        version: v.version,
        title: v.title,
        description: v.description,
        direction: v.direction,
        status: v.status,
        evidenceIds: v.evidenceIds,
        editedBy: v.editedBy,
        createdAt: iso(v.createdAt),
      })),
    })),
    assumptions: ordered(r.assumptions, (x) => [x.createdAt, x.id]).map((x) => ({
      id: x.id,
      questionId: x.questionId,
      statement: x.statement,
      status: x.status,
      note: x.note,
      version: x.version,
      createdBy: x.createdBy,
      createdAt: iso(x.createdAt),
      updatedAt: iso(x.updatedAt),
      versions: byVersion(av.get(x.id) ?? []).map((v) => ({
        version: v.version,
        statement: v.statement,
        status: v.status,
        note: v.note,
        editedBy: v.editedBy,
        createdAt: iso(v.createdAt),
      })),
    })),
    events: ordered(r.events, (e) => [e.at, e.id]).map((e) => ({
      id: e.id,
      actorId: e.actorId,
      at: iso(e.at),
      type: e.type,
      entity: e.entity,
      entityId: e.entityId,
      before: (e.before ?? null) as ScenarioDocument["events"][number]["before"],
      after: (e.after ?? null) as ScenarioDocument["events"][number]["after"],
    })),
  };
}

/**
 * Forecasters are keyed by (question, analyst): ties on firstAt go by the question's place
 * in the document, then the analyst's place in people, so the order survives new ids.
 */
export function orderForecasters(body: DocumentBody, people: ScenarioDocument["people"]): void {
  const personIndex = new Map(people.map((p, i) => [p.id, i]));
  const questionIndex = new Map(body.questions.map((q, i) => [q.id, i]));
  body.forecasters.sort(
    (a, b) =>
      cmp(a.firstAt, b.firstAt) ||
      cmp(questionIndex.get(a.questionId) ?? Infinity, questionIndex.get(b.questionId) ?? Infinity) ||
      cmp(personIndex.get(a.analystId) ?? Infinity, personIndex.get(b.analystId) ?? Infinity) ||
      cmp(a.analystId, b.analystId),
  );
}
