// Every kind of audit event: which entity it is about, what its before/after payloads hold,
// and how the audit log's filter names it. Services record events only through these types
// (lib/audit/service.ts recordEvent), and one describer (./describe.ts) turns any of them
// into words for the audit log, the activity feed and the diff. Pure: no store.

export type Cell = { hypothesisId: string; consistency: "CC" | "C" | "N" | "I" | "II" | "NA" | null; likelihood: number | null };
type Version = {
  version: number;
  summary: string;
  excerpt: string | null;
  sourceId: string | null;
  occurredAt: string | null;
  reliability: string;
  credibility: number;
  tags: string[];
  editedBy?: string | null;
  createdAt?: string;
};
type ResolutionPayload = {
  title: string;
  hypothesisId: string | null;
  hypothesisTitle?: string | null;
  annulled: boolean;
  note: string;
  automatic?: boolean;
  causeQuestionId?: string;
  reason?: string;
};
type Outcome = { title: string; description: string; hypothesisIds: string[]; version?: number; archivedAt?: string | null };
type ScenarioState = { title: string; summary: string; independentElicitation?: boolean; version: number };
type QuestionState = { title: string; description: string; resolutionCriteria?: string; resolveBy?: string | null; version: number };
type HypothesisState = { title: string; description: string; status: "open" | "archived"; version: number };
type IndicatorState = {
  hypothesisId: string;
  title: string;
  description: string;
  direction: "supports" | "undermines";
  status: "watching" | "observed" | "not_observed" | "retired";
  evidenceIds: string[];
  version: number;
};
type AssumptionState = { questionId: string; statement: string; status: "solid" | "caveated" | "unsupported"; note: string; version: number };

/** before and after of each event type (null where the event has none). */
export interface EventPayloads {
  "scenario.created": { before: null; after: { title: string; summary: string } };
  "scenario.updated": { before: ScenarioState; after: ScenarioState };
  "scenario.imported": {
    before: null;
    after: { title: string; demo?: boolean; fromScenarioId: string; exportedAt: string; people: { people: number; standIns: number }; rows: Record<string, number> };
  };
  /** Written by earlier versions, when the first account on an instance received the demo. */
  "scenario.demo_claimed": { before: null; after: { role: string } };
  "member.added": { before: null; after: { email: string; role: string } };
  "member.role_changed": { before: { email: string; role: string }; after: { email: string; role: string } };
  "member.removed": { before: { email: string; role: string }; after: null };
  "member.joined": { before: null; after: { role: string; inviteId: string | null } };
  "invite.created": { before: null; after: { role: string; expiresAt: string } };
  "invite.revoked": { before: { role: string }; after: null };
  "question.created": { before: null; after: { title: string; parentHypothesisId: string | null; hypotheses: { id: string; title: string }[] } };
  "question.updated": { before: QuestionState; after: QuestionState };
  "question.resolved": { before: null; after: ResolutionPayload };
  "question.annulled": { before: ResolutionPayload | null; after: ResolutionPayload };
  "question.resolution_corrected": { before: ResolutionPayload; after: ResolutionPayload };
  "question.reopened": { before: ResolutionPayload; after: ResolutionPayload };
  "hypothesis.added": { before: null; after: { questionId: string; title: string; description: string } };
  "hypothesis.updated": { before: HypothesisState; after: HypothesisState };
  "hypothesis.archived": { before: HypothesisState; after: HypothesisState };
  "hypothesis.reopened": { before: HypothesisState; after: HypothesisState };
  "outcome.created": { before: null; after: Outcome };
  "outcome.updated": { before: Outcome; after: Outcome };
  "source.created": {
    before: null;
    after: { title: string; publisher: string | null; author: string | null; publishedAt: string | null; url: string | null; textLength: number | null };
  };
  "evidence.created": { before: null; after: Version };
  "evidence.updated": { before: Version; after: Version };
  "evidence.retracted": { before: { retractedAt: null; retractReason: null }; after: { retractedAt: string; retractReason: string } };
  "ratings.updated": { before: Cell[]; after: Cell[] };
  "estimate.created": { before: null; after: { questionId: string; probabilities: Record<string, number>; rationale: string; evidenceIds: string[] } };
  "indicator.added": { before: null; after: IndicatorState };
  "indicator.updated": { before: IndicatorState; after: IndicatorState };
  "indicator.observed": { before: IndicatorState; after: IndicatorState };
  "assumption.added": { before: null; after: AssumptionState };
  "assumption.updated": { before: AssumptionState; after: AssumptionState };
}

export type EventType = keyof EventPayloads;
export type Entity = "scenario" | "member" | "invite" | "question" | "hypothesis" | "outcome" | "source" | "evidence" | "estimate" | "indicator" | "assumption";

/** The entity each type is about, and the words the audit log's filter uses for it. */
export const EVENT_TYPES: { readonly [T in EventType]: { entity: Entity; label: string } } = {
  "scenario.created": { entity: "scenario", label: "scenario created" },
  "scenario.updated": { entity: "scenario", label: "scenario edited" },
  "scenario.imported": { entity: "scenario", label: "scenario imported" },
  "scenario.demo_claimed": { entity: "member", label: "demo claimed" },
  "member.added": { entity: "member", label: "member added" },
  "member.role_changed": { entity: "member", label: "role changed" },
  "member.removed": { entity: "member", label: "member removed" },
  "member.joined": { entity: "member", label: "member joined" },
  "invite.created": { entity: "invite", label: "invitation made" },
  "invite.revoked": { entity: "invite", label: "invitation revoked" },
  "question.created": { entity: "question", label: "question added" },
  "question.updated": { entity: "question", label: "question edited" },
  "question.resolved": { entity: "question", label: "question resolved" },
  "question.annulled": { entity: "question", label: "question annulled" },
  "question.resolution_corrected": { entity: "question", label: "resolution corrected" },
  "question.reopened": { entity: "question", label: "question reopened" },
  "hypothesis.added": { entity: "hypothesis", label: "hypothesis added" },
  "hypothesis.updated": { entity: "hypothesis", label: "hypothesis edited" },
  "hypothesis.archived": { entity: "hypothesis", label: "hypothesis archived" },
  "hypothesis.reopened": { entity: "hypothesis", label: "hypothesis restored" },
  "outcome.created": { entity: "outcome", label: "outcome added" },
  "outcome.updated": { entity: "outcome", label: "outcome edited" },
  "source.created": { entity: "source", label: "source added" },
  "evidence.created": { entity: "evidence", label: "evidence logged" },
  "evidence.updated": { entity: "evidence", label: "evidence edited" },
  "evidence.retracted": { entity: "evidence", label: "evidence retracted" },
  "ratings.updated": { entity: "evidence", label: "ratings changed" },
  "estimate.created": { entity: "estimate", label: "estimate made" },
  "indicator.added": { entity: "indicator", label: "indicator added" },
  "indicator.updated": { entity: "indicator", label: "indicator edited" },
  "indicator.observed": { entity: "indicator", label: "indicator observed" },
  "assumption.added": { entity: "assumption", label: "assumption added" },
  "assumption.updated": { entity: "assumption", label: "assumption edited" },
};

export const isEventType = (t: string): t is EventType => Object.prototype.hasOwnProperty.call(EVENT_TYPES, t);

/** What the audit log's "kind" filter offers: each entity, then its event types. */
export const EVENT_KINDS: { entity: Entity; types: { type: EventType; label: string }[] }[] = (() => {
  const byEntity = new Map<Entity, { type: EventType; label: string }[]>();
  for (const [type, { entity, label }] of Object.entries(EVENT_TYPES) as [EventType, { entity: Entity; label: string }][]) {
    const list = byEntity.get(entity) ?? [];
    list.push({ type, label });
    byEntity.set(entity, list);
  }
  return [...byEntity].map(([entity, types]) => ({ entity, types }));
})();
