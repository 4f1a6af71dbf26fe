import { describe, expect, it } from "vitest";
import { definedIds, rewriteIds } from "@/lib/transfer/ids";
import { sampleDocument } from "./fixture";

describe("rewriteIds", () => {
  const map = new Map([
    ["old-1", "new-1"],
    ["old-2", "new-2"],
  ]);

  it("replaces strings equal to an old id at any depth, in arrays, values and keys", () => {
    const payload = {
      questionId: "old-1",
      probabilities: { "old-1": 0.25, "old-2": 0.75 },
      evidenceIds: ["old-2", "unrelated"],
      nested: [{ deep: { id: "old-2" } }, null, 3, true],
    };
    expect(rewriteIds(payload, map)).toEqual({
      questionId: "new-1",
      probabilities: { "new-1": 0.25, "new-2": 0.75 },
      evidenceIds: ["new-2", "unrelated"],
      nested: [{ deep: { id: "new-2" } }, null, 3, true],
    });
  });

  it("leaves strings that merely contain an id alone, and does not mutate its input", () => {
    const payload = { note: "see old-1", list: ["old-1x"], id: "old-1" };
    const copy = structuredClone(payload);
    expect(rewriteIds(payload, map)).toEqual({ note: "see old-1", list: ["old-1x"], id: "new-1" });
    expect(payload).toEqual(copy);
  });

  it("passes scalars and null through", () => {
    expect(rewriteIds(null, map)).toBeNull();
    expect(rewriteIds(42, map)).toBe(42);
    expect(rewriteIds("old-2", map)).toBe("new-2");
  });

  it("keeps a __proto__ key from parsed JSON as plain data", () => {
    const parsed = JSON.parse('{"__proto__": {"x": "old-1"}}') as unknown;
    const out = rewriteIds(parsed, map) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(["__proto__"]);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"x":"new-1"}}');
  });
});

describe("definedIds", () => {
  it("lists every defined id once, in document order, with its path", () => {
    const doc = sampleDocument();
    const ids = definedIds(doc);
    expect(ids[0]).toEqual({ id: doc.scenario.id, kind: "scenario", path: ["scenario", "id"] });
    expect(ids.map((d) => d.kind)).toEqual([
      "scenario", "person", "person", "question", "question", "hypothesis", "hypothesis", "hypothesis",
      "outcome", "source", "evidence", "rating", "estimate", "resolution", "indicator", "assumption", "event", "event", "event",
    ]);
    expect(new Set(ids.map((d) => d.id)).size).toBe(ids.length);
    expect(ids.find((d) => d.kind === "rating")?.path).toEqual(["ratings", 0, "id"]);
  });
});
