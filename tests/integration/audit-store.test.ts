// What the audit log stores, read straight from the database: an event with nothing before
// (a creation) keeps SQL NULL there — not the JSON text "null" — on both engines, so a copy to
// the other engine, a raw query or an IS NULL filter sees one form.
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { signUp } from "../support/accounts";
import { expectOk, newEvidence, newScenario } from "../support/api";
import { storeAt } from "../support/store";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");

describe("audit events in the database", () => {
  it("store an absent before as SQL NULL and the after as JSON", async () => {
    const ann = await signUp(baseUrl, "Ann Audit");
    const s = await newScenario(ann, "Audited");
    const e = await newEvidence(ann, s.id, { summary: "Logged once" });
    const store = await storeAt(databaseUrl);
    const ev = store.schema.events;
    const rows = await store.db.select().from(ev).where(and(eq(ev.entityId, e.id), isNull(ev.before)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: "evidence.created", before: null, after: expect.objectContaining({ summary: "Logged once" }) });
    // and an edit keeps both sides
    expectOk(await ann.patch(`/api/v1/evidence/${e.id}`, { version: 1, summary: "Logged, then edited" }));
    const edit = (await store.db.select().from(ev).where(and(eq(ev.entityId, e.id), eq(ev.type, "evidence.updated"))))[0]!;
    expect(edit.before).toMatchObject({ summary: "Logged once" });
    expect(edit.after).toMatchObject({ summary: "Logged, then edited" });
  });
});
