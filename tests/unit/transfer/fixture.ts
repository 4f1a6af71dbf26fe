// A small but complete transfer document: every collection, a conditional question, JSON
// columns and event payloads that carry ids (also as object keys). `ids` names each row,
// so two calls with different id schemes give documents that differ only in ids.
import type { ScenarioDocument } from "@/lib/transfer/format";

export type IdScheme = (name: string) => string;

/** UUID-shaped ids; `prefix` (up to 8 hex digits) tells schemes apart. */
export function uuidScheme(prefix: string): IdScheme {
  const seen = new Map<string, string>();
  return (name) => {
    let v = seen.get(name);
    if (v === undefined) {
      v = `${prefix.padStart(8, "0")}-0000-7000-8000-${(seen.size + 1).toString(16).padStart(12, "0")}`;
      seen.set(name, v);
    }
    return v;
  };
}

export function sampleDocument(id: IdScheme = uuidScheme("a"), exportedAt = "2024-03-01T12:00:00.000Z"): ScenarioDocument {
  const t = (day: number, ms = 0) => new Date(Date.UTC(2022, 8, day, 9, 0, 0, ms)).toISOString();
  return {
    format: "branchpoint.scenario",
    formatVersion: 1,
    exportedAt,
    scenario: { id: id("s"), title: "Kabul embassy attack", summary: "", version: 2, createdBy: id("ann"), createdAt: t(5), updatedAt: t(6), archivedAt: null, independentElicitation: false },
    people: [
      { id: id("ann"), name: "Ann Analyst", email: "ann@example.com" },
      { id: id("bob"), name: "Bob", email: "bob@example.com" },
    ],
    questions: [
      {
        id: id("q1"), parentHypothesisId: null, title: "Insider help?", description: "", resolutionCriteria: "Yes if a court record or official inquiry names an insider", resolveBy: t(9),
        position: 0, version: 1, createdAt: t(5), updatedAt: t(5),
        versions: [{ version: 1, title: "Insider help?", description: "", resolutionCriteria: "Yes if a court record or official inquiry names an insider", resolveBy: t(9), editedBy: id("ann"), createdAt: t(5) }],
      },
      { id: id("q2"), parentHypothesisId: id("h1"), title: "Why not shared?", description: "given yes", resolutionCriteria: "", resolveBy: null, position: 1, version: 1, createdAt: t(5, 1), updatedAt: t(5, 1), versions: [] },
    ],
    hypotheses: [
      { id: id("h1"), questionId: id("q1"), title: "Yes", description: "", status: "open", position: 0, version: 1, createdAt: t(5), updatedAt: t(5), versions: [{ version: 1, title: "Yes", description: "", status: "open", editedBy: id("ann"), createdAt: t(5) }] },
      { id: id("h2"), questionId: id("q1"), title: "No", description: "", status: "archived", position: 1, version: 2, createdAt: t(5), updatedAt: t(7), versions: [] },
      { id: id("h3"), questionId: id("q2"), title: "No intel", description: "", status: "open", position: 0, version: 1, createdAt: t(5, 1), updatedAt: t(5, 1), versions: [] },
    ],
    outcomes: [
      { id: id("o1"), title: "Distrust", description: "", hypothesisIds: [id("h1"), id("h3")], position: 0, version: 1, createdAt: t(6), updatedAt: t(6), archivedAt: null },
    ],
    sources: [
      { id: id("src"), title: "TRT World", publisher: "TRT", author: null, publishedAt: t(6), url: "https://example.com", text: "Full text. The guard shot the attacker at the gate.", createdBy: id("ann"), createdAt: t(6) },
    ],
    evidence: [
      {
        id: id("e1"), summary: "Guard shot the attacker", excerpt: "The guard shot the attacker", sourceId: id("src"), occurredAt: t(5), reliability: "B", credibility: 2, tags: ["security"],
        version: 1, createdBy: id("ann"), createdAt: t(6), updatedAt: t(6), retractedAt: null, retractReason: null, retractedBy: null,
        versions: [{ version: 1, summary: "Guard shot the attacker", excerpt: "The guard shot the attacker", sourceId: id("src"), occurredAt: t(5), reliability: "B", credibility: 2, tags: ["security"], editedBy: id("ann"), createdAt: t(6) }],
      },
    ],
    ratings: [
      { id: id("r1"), evidenceId: id("e1"), hypothesisId: id("h1"), analystId: id("bob"), consistency: "I", likelihood: 0.2, createdAt: t(7) },
    ],
    estimates: [
      { id: id("est1"), questionId: id("q1"), analystId: id("bob"), probabilities: { [id("h1")]: 0.3, [id("h2")]: 0.7 }, rationale: "base rate", evidenceIds: [id("e1")], createdAt: t(7) },
    ],
    forecasters: [{ questionId: id("q1"), analystId: id("bob"), firstAt: t(7) }],
    resolutions: [
      { id: id("res1"), questionId: id("q1"), hypothesisId: id("h1"), annulled: false, note: "", correctionReason: null, causeQuestionId: null, resolvedBy: id("ann"), createdAt: t(8) },
    ],
    indicators: [
      {
        id: id("i1"), hypothesisId: id("h1"), title: "Guard questioned by police", description: "", direction: "supports", status: "observed", evidenceIds: [id("e1")],
        version: 2, createdBy: id("ann"), createdAt: t(6), updatedAt: t(7),
        versions: [
          { version: 1, title: "Guard questioned by police", description: "", direction: "supports", status: "watching", evidenceIds: [], editedBy: id("ann"), createdAt: t(6) },
          { version: 2, title: "Guard questioned by police", description: "", direction: "supports", status: "observed", evidenceIds: [id("e1")], editedBy: id("bob"), createdAt: t(7) },
        ],
      },
    ],
    assumptions: [
      {
        id: id("a1"), questionId: id("q1"), statement: "The guard was on duty that morning", status: "unsupported", note: "no roster seen", version: 2, createdBy: id("ann"), createdAt: t(6), updatedAt: t(7),
        versions: [
          { version: 1, statement: "The guard was on duty that morning", status: "solid", note: "", editedBy: id("ann"), createdAt: t(6) },
          { version: 2, statement: "The guard was on duty that morning", status: "unsupported", note: "no roster seen", editedBy: id("bob"), createdAt: t(7) },
        ],
      },
    ],
    events: [
      { id: id("ev1"), actorId: id("ann"), at: t(5), type: "scenario.created", entity: "scenario", entityId: id("s"), before: null, after: { title: "Kabul embassy attack" } },
      { id: id("ev2"), actorId: id("ann"), at: t(5), type: "member.added", entity: "member", entityId: id("bob"), before: null, after: { email: "bob@example.com", role: "editor" } },
      {
        id: id("ev3"), actorId: id("bob"), at: t(7), type: "estimate.created", entity: "estimate", entityId: id("est1"), before: null,
        after: { questionId: id("q1"), probabilities: { [id("h1")]: 0.3, [id("h2")]: 0.7 }, rationale: "base rate", evidenceIds: [id("e1")] },
      },
    ],
  };
}
