import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { DomainError } from "@/lib/errors";
import { parseScenarioDocument, scenarioDocumentSchema } from "@/lib/transfer/format";
import { sampleDocument } from "./fixture";

/** The `path: message` pairs of a failed parse, as the API would report them. */
function issues(input: unknown): { path: string; message: string; code: string }[] {
  const r = scenarioDocumentSchema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code }));
}

describe("the transfer document schema", () => {
  it("accepts a complete, consistent document unchanged", () => {
    const doc = sampleDocument();
    expect(parseScenarioDocument(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });

  it("rejects a dangling reference, naming its path", () => {
    const doc = sampleDocument();
    doc.ratings[0]!.evidenceId = "no-such-evidence";
    expect(issues(doc)).toEqual([{ path: "ratings.0.evidenceId", message: "does not match an evidence item in evidence", code: "custom" }]);
  });

  it("checks references of the right kind, inside JSON columns and event subjects", () => {
    const doc = sampleDocument();
    doc.outcomes[0]!.hypothesisIds.push(doc.questions[0]!.id); // a question is not a hypothesis
    doc.estimates[0]!.evidenceIds.push("gone");
    doc.estimates[0]!.probabilities[doc.hypotheses[2]!.id] = 0; // hypothesis of another question
    doc.events[1]!.entityId = "someone-not-in-people";
    doc.scenario.createdBy = "nobody";
    expect(issues(doc).map((i) => i.path)).toEqual([
      "scenario.createdBy",
      "outcomes.0.hypothesisIds.2",
      `estimates.0.probabilities.${doc.hypotheses[2]!.id}`,
      "estimates.0.evidenceIds.1",
      "events.1.entityId",
    ]);
  });

  it("rejects duplicate ids, duplicate emails, duplicate versions and a looping tree", () => {
    const doc = sampleDocument();
    doc.evidence[0]!.id = doc.sources[0]!.id;
    doc.people[1]!.email = "ANN@example.com";
    doc.questions[0]!.versions.push({ ...doc.questions[0]!.versions[0]! });
    doc.questions[0]!.parentHypothesisId = doc.hypotheses[2]!.id; // q1 under q2, which is under q1
    const paths = issues(doc).map((i) => i.path);
    expect(paths).toContain("evidence.0.id");
    expect(paths).toContain("people.1.email");
    expect(paths).toContain("questions.0.versions.1.version");
    expect(paths).toContain("questions.0.parentHypothesisId");
  });

  it("reports wrong types as type errors (400) and bad timestamps as format errors (422)", () => {
    const doc = sampleDocument() as any;
    doc.ratings[0].likelihood = "high";
    doc.questions[0].createdAt = "yesterday";
    const found = issues(doc);
    expect(found).toContainEqual(expect.objectContaining({ path: "ratings.0.likelihood", code: "invalid_type" }));
    expect(found).toContainEqual(expect.objectContaining({ path: "questions.0.createdAt", code: "invalid_format" }));
  });

  it("rejects unknown fields rather than dropping them silently", () => {
    const doc = { ...sampleDocument(), members: [] };
    expect(issues(doc)).toContainEqual(expect.objectContaining({ code: "unrecognized_keys" }));
  });
});

describe("parseScenarioDocument", () => {
  it("answers an unsupported formatVersion with a 422-class error on formatVersion", () => {
    const err = (() => {
      try {
        parseScenarioDocument({ ...sampleDocument(), formatVersion: 2 });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe("unprocessable");
    expect((err as DomainError).errors).toEqual([{ path: "formatVersion", message: "unsupported; expected 1" }]);
  });

  it("rejects a document of another kind, and input that is not an object", () => {
    expect(() => parseScenarioDocument({ ...sampleDocument(), format: "other" })).toThrow(DomainError);
    expect(() => parseScenarioDocument([1, 2])).toThrow(ZodError);
    expect(() => parseScenarioDocument("{}")).toThrow(ZodError);
  });
});
