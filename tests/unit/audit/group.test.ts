import { describe, expect, it } from "vitest";
import { activityLines } from "@/lib/audit/group";
import type { AuditEvent } from "@/lib/audit/service";

const at = (min: number) => new Date(Date.UTC(2022, 8, 8, 12, 0) - min * 60_000).toISOString();
const event = (id: string, type: string, actorId: string, minutesAgo: number, extra: Partial<AuditEvent> = {}): AuditEvent => ({
  id,
  scenarioId: "s",
  actorId,
  actorName: actorId,
  tokenId: null,
  at: at(minutesAgo),
  type,
  entity: type === "ratings.updated" ? "evidence" : "estimate",
  entityId: id,
  before: null,
  after: null,
  summary: `${type} ${id}`,
  questionId: "q1",
  questionTitle: "Q1",
  item: type === "ratings.updated" ? `item ${id}` : null,
  ...extra,
});

describe("activityLines", () => {
  it("groups a burst of one analyst's ratings into one line naming the question and the items", () => {
    const lines = activityLines([
      event("r1", "ratings.updated", "ana", 0),
      event("r2", "ratings.updated", "ana", 2),
      event("r3", "ratings.updated", "ana", 3),
      event("r4", "ratings.updated", "ana", 5),
      event("e1", "estimate.created", "ana", 6),
      event("r5", "ratings.updated", "ana", 7),
    ]);
    expect(lines.map((l) => [l.event.id, l.count, l.text])).toEqual([
      ["r1", 4, "rated 4 evidence items on “Q1”: “item r1”, “item r2”, “item r3” and 1 more"],
      ["e1", 1, "estimate.created e1"],
      ["r5", 1, "ratings.updated r5"],
    ]);
  });

  it("keeps ratings apart when another analyst or a long pause comes between", () => {
    const lines = activityLines([event("r1", "ratings.updated", "ana", 0), event("r2", "ratings.updated", "bo", 1), event("r3", "ratings.updated", "bo", 40)]);
    expect(lines.map((l) => l.count)).toEqual([1, 1, 1]);
  });
});
