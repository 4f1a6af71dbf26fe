import { describe, expect, it } from "vitest";
import { normalizeForComparison } from "@/lib/transfer/compare";
import { sampleDocument, uuidScheme } from "./fixture";

describe("normalizeForComparison", () => {
  it("makes documents that differ only in ids and export time equal", () => {
    const a = sampleDocument(uuidScheme("a"), "2024-03-01T12:00:00.000Z");
    const b = sampleDocument(uuidScheme("b"), "2025-01-01T00:00:00.000Z");
    expect(a).not.toEqual(b);
    expect(normalizeForComparison(a)).toEqual(normalizeForComparison(b));
  });

  it("numbers ids by first appearance and drops exportedAt", () => {
    const n = normalizeForComparison(sampleDocument()) as Record<string, any>;
    expect(n).not.toHaveProperty("exportedAt");
    expect(n.scenario.id).toBe("#1");
    expect(n.scenario.createdBy).toBe("#2"); // ann, first seen here
    expect(n.people.map((p: { id: string }) => p.id)).toEqual(["#2", "#3"]);
    const hypotheses = n.hypotheses.map((h: { id: string }) => h.id);
    // keys of probabilities and ids inside event payloads use the same placeholders
    expect(Object.keys(n.estimates[0].probabilities)).toEqual(hypotheses.slice(0, 2));
    expect(Object.keys(n.events[2].after.probabilities)).toEqual(hypotheses.slice(0, 2));
    expect(n.events[2].after.questionId).toBe(n.questions[0].id);
  });

  it("treats id-like strings in payloads that the document does not define as ids too", () => {
    const a = sampleDocument(uuidScheme("a"));
    const b = sampleDocument(uuidScheme("b"));
    a.events[0]!.after = { title: "x", copiedFrom: "0190f0a0-0000-7000-8000-000000000001" };
    b.events[0]!.after = { title: "x", copiedFrom: "0190f0a0-0000-7000-8000-0000000000ff" };
    expect(normalizeForComparison(a)).toEqual(normalizeForComparison(b));
  });

  it("still tells apart documents whose content differs", () => {
    const a = sampleDocument(uuidScheme("a"));
    const b = sampleDocument(uuidScheme("b"));
    b.estimates[0]!.probabilities = Object.fromEntries(Object.keys(b.estimates[0]!.probabilities).map((k, i) => [k, i === 0 ? 0.4 : 0.6]));
    expect(normalizeForComparison(a)).not.toEqual(normalizeForComparison(b));
    const c = sampleDocument(uuidScheme("c"));
    c.ratings[0]!.hypothesisId = c.hypotheses[1]!.id; // same shape, different reference
    expect(normalizeForComparison(a)).not.toEqual(normalizeForComparison(c));
  });
});
