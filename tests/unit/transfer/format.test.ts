import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { DomainError } from "@/lib/errors";
import { parseScenarioDocument } from "@/lib/transfer/format";
import { sampleDocument } from "./fixture";

/** The `path: message` pairs of a failed parse, as the API would report them. */
async function issues(input: unknown): Promise<{ path: string; message: string; code: string }[]> {
  try {
    await parseScenarioDocument(input);
    return [];
  } catch (err) {
    if (!(err instanceof ZodError)) throw err;
    return err.issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code }));
  }
}

describe("the transfer document schema", () => {
  it("accepts a complete, consistent document unchanged", async () => {
    const doc = sampleDocument();
    expect(await parseScenarioDocument(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });

  it("rejects a dangling reference, naming its path", async () => {
    const doc = sampleDocument();
    doc.ratings[0]!.evidenceId = "no-such-evidence";
    expect(await issues(doc)).toEqual([{ path: "ratings.0.evidenceId", message: "does not match an evidence item in evidence", code: "custom" }]);
  });

  it("checks references of the right kind, inside JSON columns and event subjects", async () => {
    const doc = sampleDocument();
    doc.outcomes[0]!.hypothesisIds.push(doc.questions[0]!.id); // a question is not a hypothesis
    doc.estimates[0]!.evidenceIds.push("gone");
    doc.estimates[0]!.probabilities[doc.hypotheses[2]!.id] = 0; // hypothesis of another question
    doc.events[1]!.entityId = "someone-not-in-people";
    doc.scenario.createdBy = "nobody";
    expect((await issues(doc)).map((i) => i.path)).toEqual([
      "scenario.createdBy",
      "outcomes.0.hypothesisIds.2",
      `estimates.0.probabilities.${doc.hypotheses[2]!.id}`,
      "estimates.0.evidenceIds.1",
      "events.1.entityId",
    ]);
  });

  it("rejects duplicate ids, duplicate emails, duplicate versions and a looping tree", async () => {
    const doc = sampleDocument();
    doc.evidence[0]!.id = doc.sources[0]!.id;
    doc.people[1]!.email = "ANN@example.com";
    doc.questions[0]!.versions.push({ ...doc.questions[0]!.versions[0]! });
    doc.questions[0]!.parentHypothesisId = doc.hypotheses[2]!.id; // q1 under q2, which is under q1
    const paths = (await issues(doc)).map((i) => i.path);
    expect(paths).toContain("evidence.0.id");
    expect(paths).toContain("people.1.email");
    expect(paths).toContain("questions.0.versions.1.version");
    expect(paths).toContain("questions.0.parentHypothesisId");
  });

  it("reports wrong types as type errors (400) and bad timestamps as format errors (422)", async () => {
    const doc = sampleDocument() as any;
    doc.ratings[0].likelihood = "high";
    doc.questions[0].createdAt = "yesterday";
    const found = await issues(doc);
    expect(found).toContainEqual(expect.objectContaining({ path: "ratings.0.likelihood", code: "invalid_type" }));
    expect(found).toContainEqual(expect.objectContaining({ path: "questions.0.createdAt", code: "invalid_format" }));
  });

  it("rejects unknown fields rather than dropping them silently", async () => {
    const doc = { ...sampleDocument(), members: [] };
    expect(await issues(doc)).toContainEqual(expect.objectContaining({ code: "unrecognized_keys" }));
  });
});

describe("parseScenarioDocument", () => {
  it("answers an unsupported formatVersion with a 422-class error on formatVersion", async () => {
    const err = await parseScenarioDocument({ ...sampleDocument(), formatVersion: 2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe("unprocessable");
    expect((err as DomainError).errors).toEqual([{ path: "formatVersion", message: "unsupported; expected 1" }]);
  });

  it("rejects a document of another kind, and input that is not an object", async () => {
    await expect(parseScenarioDocument({ ...sampleDocument(), format: "other" })).rejects.toThrow(DomainError);
    await expect(parseScenarioDocument([1, 2])).rejects.toThrow(ZodError);
    await expect(parseScenarioDocument("{}")).rejects.toThrow(ZodError);
  });

  it("holds every record to the API's own rules", async () => {
    const doc = sampleDocument() as any;
    doc.sources[0].url = "javascript:alert(1)";
    doc.sources.push({ ...doc.sources[0], id: "data-link", url: "data:text/html,<script>alert(1)</script>", text: null });
    doc.ratings[0].likelihood = 0;
    doc.ratings.push({ ...doc.ratings[0], id: "r-neg", likelihood: -1 }, { ...doc.ratings[0], id: "r-huge", likelihood: 1e308 });
    doc.estimates[0].probabilities = Object.fromEntries(Object.keys(doc.estimates[0].probabilities).map((k) => [k, 0.4])); // sums to .8
    doc.questions[0].title = "x".repeat(2_000_000);
    doc.hypotheses[0].title = " padded ";
    doc.evidence[0].excerpt = "words that are not in the source";
    const found = await issues(doc);
    const paths = found.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "sources.0.url",
        "sources.1.url",
        "ratings.0.likelihood",
        "ratings.1.likelihood",
        "ratings.2.likelihood",
        "estimates.0.probabilities",
        "questions.0.title",
        "hypotheses.0.title",
      ]),
    );
    expect(found.find((i) => i.path === "questions.0.title")!.message).toBe("must be at most 300 characters");
    // the excerpt rule is a reference check, reported once the records pass
    const verbatim = sampleDocument() as any;
    verbatim.evidence[0].excerpt = "words that are not in the source";
    expect((await issues(verbatim)).map((i) => i.path)).toEqual(["evidence.0.excerpt"]);
  });

  it("reads documents from before indicators and key assumptions, and checks theirs in newer ones", async () => {
    const older = sampleDocument() as any;
    delete older.indicators;
    delete older.assumptions;
    const parsed = await parseScenarioDocument(older);
    expect(parsed.indicators).toEqual([]);
    expect(parsed.assumptions).toEqual([]);

    const doc = sampleDocument();
    doc.indicators[0]!.hypothesisId = doc.questions[0]!.id; // a question is not a hypothesis
    doc.indicators[0]!.evidenceIds = ["gone"];
    doc.indicators[0]!.versions[1]!.evidenceIds = []; // observed without evidence
    doc.assumptions[0]!.questionId = doc.hypotheses[0]!.id;
    doc.assumptions[0]!.versions[1]!.editedBy = "nobody";
    expect((await issues(doc)).map((i) => i.path)).toEqual([
      "indicators.0.hypothesisId",
      "indicators.0.evidenceIds.0",
      "indicators.0.versions.1.evidenceIds",
      "assumptions.0.questionId",
      "assumptions.0.versions.1.editedBy",
    ]);
    const bad = sampleDocument() as any;
    bad.indicators[0].status = "seen";
    bad.assumptions[0].extra = true;
    expect((await issues(bad)).map((i) => i.path)).toEqual(["indicators.0.status", "assumptions.0"]);
  });

  it("refuses more rows than allowed (413), counting versions", async () => {
    const doc = sampleDocument();
    const err = await parseScenarioDocument(doc, { maxRows: 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe("too_large");
  });

  it("pauses between chunks of records, so a large document lets other work run", async () => {
    const doc = sampleDocument();
    for (let i = 0; i < 600; i++) doc.people.push({ id: `p${i}`, name: `Person ${i}`, email: `p${i}@example.com` });
    let pauses = 0;
    await parseScenarioDocument(doc, { pause: async () => void pauses++ });
    expect(pauses).toBeGreaterThanOrEqual(2);
  });
});
