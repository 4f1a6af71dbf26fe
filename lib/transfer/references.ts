// Internal consistency of a transfer document: every id is defined once, and every
// reference (columns, JSON columns, event subjects) resolves to a row of the right kind
// inside the same document. An import is all-or-nothing, so it checks this first and
// answers 422 with the path of each broken reference instead of failing mid-insert.
import type { ScenarioDocument } from "./format";
import { definedIds, type DefinedId, type IdPath } from "./ids";

export interface DocumentIssue {
  path: IdPath;
  message: string;
}

const MAX_ISSUES = 100;

export function documentIssues(doc: ScenarioDocument): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  const fail = (path: IdPath, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ path, message });
  };

  // Ids are rewritten by value (also inside event payloads), so one id must mean one row.
  const byId = new Map<string, DefinedId>();
  for (const d of definedIds(doc)) {
    const first = byId.get(d.id);
    if (first) fail(d.path, `duplicate id; already used at ${first.path.join(".")}`);
    else byId.set(d.id, d);
  }
  const kindOf = (refId: string) => byId.get(refId)?.kind;

  const emails = new Map<string, number>();
  doc.people.forEach((p, i) => {
    const key = p.email.trim().toLowerCase();
    const first = emails.get(key);
    if (first !== undefined) fail(["people", i, "email"], `duplicate email; already used by people.${first}`);
    else emails.set(key, i);
  });

  const hypothesisQuestion = new Map(doc.hypotheses.map((h) => [h.id, h.questionId]));
  const label: Record<DefinedId["kind"], string> = {
    scenario: "the scenario",
    person: "a person in people",
    question: "a question in questions",
    hypothesis: "a hypothesis in hypotheses",
    outcome: "an outcome in outcomes",
    source: "a source in sources",
    evidence: "an evidence item in evidence",
    rating: "a rating in ratings",
    estimate: "an estimate in estimates",
    resolution: "a resolution in resolutions",
    indicator: "an indicator in indicators",
    assumption: "an assumption in assumptions",
    event: "an event in events",
  };
  const ref = (path: IdPath, value: string | null, kind: DefinedId["kind"]) => {
    if (value !== null && kindOf(value) !== kind) fail(path, `does not match ${label[kind]}`);
  };
  const person = (path: IdPath, value: string | null) => ref(path, value, "person");
  const versions = (path: IdPath, rows: readonly { version: number }[]) => {
    const seen = new Set<number>();
    rows.forEach((v, i) => {
      if (seen.has(v.version)) fail([...path, i, "version"], `duplicate version ${v.version}`);
      seen.add(v.version);
    });
  };

  person(["scenario", "createdBy"], doc.scenario.createdBy);

  doc.questions.forEach((q, i) => {
    ref(["questions", i, "parentHypothesisId"], q.parentHypothesisId, "hypothesis");
    versions(["questions", i, "versions"], q.versions);
    q.versions.forEach((v, j) => person(["questions", i, "versions", j, "editedBy"], v.editedBy));
  });
  checkTreeIsAcyclic(doc, hypothesisQuestion, fail);

  doc.hypotheses.forEach((h, i) => {
    ref(["hypotheses", i, "questionId"], h.questionId, "question");
    versions(["hypotheses", i, "versions"], h.versions);
    h.versions.forEach((v, j) => person(["hypotheses", i, "versions", j, "editedBy"], v.editedBy));
  });

  doc.outcomes.forEach((o, i) => o.hypothesisIds.forEach((h, j) => ref(["outcomes", i, "hypothesisIds", j], h, "hypothesis")));

  doc.sources.forEach((s, i) => person(["sources", i, "createdBy"], s.createdBy));

  // an excerpt from a source with text must occur in it verbatim, as the API requires
  const sourceText = new Map(doc.sources.map((x) => [x.id, x.text]));
  const verbatim = (path: IdPath, sourceId: string | null, excerpt: string | null) => {
    const t = sourceId === null ? null : sourceText.get(sourceId);
    if (excerpt !== null && typeof t === "string" && !t.includes(excerpt)) fail(path, "does not occur verbatim in its source's text");
  };
  doc.evidence.forEach((e, i) => {
    verbatim(["evidence", i, "excerpt"], e.sourceId, e.excerpt);
    e.versions.forEach((v, j) => verbatim(["evidence", i, "versions", j, "excerpt"], v.sourceId, v.excerpt));
    ref(["evidence", i, "sourceId"], e.sourceId, "source");
    person(["evidence", i, "createdBy"], e.createdBy);
    person(["evidence", i, "retractedBy"], e.retractedBy);
    versions(["evidence", i, "versions"], e.versions);
    e.versions.forEach((v, j) => {
      ref(["evidence", i, "versions", j, "sourceId"], v.sourceId, "source");
      person(["evidence", i, "versions", j, "editedBy"], v.editedBy);
    });
  });

  doc.ratings.forEach((r, i) => {
    ref(["ratings", i, "evidenceId"], r.evidenceId, "evidence");
    ref(["ratings", i, "hypothesisId"], r.hypothesisId, "hypothesis");
    person(["ratings", i, "analystId"], r.analystId);
  });

  doc.estimates.forEach((e, i) => {
    ref(["estimates", i, "questionId"], e.questionId, "question");
    person(["estimates", i, "analystId"], e.analystId);
    for (const h of Object.keys(e.probabilities)) {
      if (hypothesisQuestion.get(h) !== e.questionId) fail(["estimates", i, "probabilities", h], "is not a hypothesis of this estimate's question");
    }
    e.evidenceIds.forEach((ev, j) => ref(["estimates", i, "evidenceIds", j], ev, "evidence"));
  });

  const forecasters = new Set<string>();
  doc.forecasters.forEach((f, i) => {
    ref(["forecasters", i, "questionId"], f.questionId, "question");
    person(["forecasters", i, "analystId"], f.analystId);
    const key = JSON.stringify([f.questionId, f.analystId]);
    if (forecasters.has(key)) fail(["forecasters", i], "duplicate question and analyst");
    forecasters.add(key);
  });

  doc.resolutions.forEach((r, i) => {
    ref(["resolutions", i, "questionId"], r.questionId, "question");
    ref(["resolutions", i, "causeQuestionId"], r.causeQuestionId, "question");
    if (r.hypothesisId !== null && hypothesisQuestion.get(r.hypothesisId) !== r.questionId) {
      fail(["resolutions", i, "hypothesisId"], "is not a hypothesis of this resolution's question");
    }
    person(["resolutions", i, "resolvedBy"], r.resolvedBy);
  });

  // an observed indicator names the evidence that shows it, as the API requires
  const observedWithEvidence = (path: IdPath, v: { status: string; evidenceIds: readonly string[] }) => {
    if (v.status === "observed" && v.evidenceIds.length === 0) fail(path, "an observed indicator must name at least one evidence item");
  };
  doc.indicators.forEach((x, i) => {
    ref(["indicators", i, "hypothesisId"], x.hypothesisId, "hypothesis");
    x.evidenceIds.forEach((ev, j) => ref(["indicators", i, "evidenceIds", j], ev, "evidence"));
    observedWithEvidence(["indicators", i, "evidenceIds"], x);
    person(["indicators", i, "createdBy"], x.createdBy);
    versions(["indicators", i, "versions"], x.versions);
    x.versions.forEach((v, j) => {
      v.evidenceIds.forEach((ev, k) => ref(["indicators", i, "versions", j, "evidenceIds", k], ev, "evidence"));
      observedWithEvidence(["indicators", i, "versions", j, "evidenceIds"], v);
      person(["indicators", i, "versions", j, "editedBy"], v.editedBy);
    });
  });

  doc.assumptions.forEach((x, i) => {
    ref(["assumptions", i, "questionId"], x.questionId, "question");
    person(["assumptions", i, "createdBy"], x.createdBy);
    versions(["assumptions", i, "versions"], x.versions);
    x.versions.forEach((v, j) => person(["assumptions", i, "versions", j, "editedBy"], v.editedBy));
  });

  doc.events.forEach((e, i) => {
    person(["events", i, "actorId"], e.actorId);
    // The subject may be any row of the scenario, the scenario itself or a person (members).
    if (!byId.has(e.entityId)) fail(["events", i, "entityId"], "does not match any id in the document");
  });

  return issues;
}

/** A conditional question hangs under a hypothesis of another question; no loops. */
function checkTreeIsAcyclic(
  doc: ScenarioDocument,
  hypothesisQuestion: ReadonlyMap<string, string>,
  fail: (path: IdPath, message: string) => void,
): void {
  const parentQuestion = new Map<string, string>();
  for (const q of doc.questions) {
    const pq = q.parentHypothesisId === null ? undefined : hypothesisQuestion.get(q.parentHypothesisId);
    if (pq !== undefined) parentQuestion.set(q.id, pq);
  }
  doc.questions.forEach((q, i) => {
    const seen = new Set<string>([q.id]);
    for (let at = parentQuestion.get(q.id); at !== undefined; at = parentQuestion.get(at)) {
      if (seen.has(at)) {
        fail(["questions", i, "parentHypothesisId"], "makes the question tree loop back on itself");
        return;
      }
      seen.add(at);
    }
  });
}
