// Export → import → export against a real store of the project's engine (a fresh database,
// the real migrations): the documents agree apart from ids and the export time.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { ZodError } from "zod";

vi.mock("server-only", () => ({}));

import { openStore, withClock, type Store } from "@/db/client";
import { freshDatabase, type TestDatabase } from "../support/database";
import { seedDemoTemplate } from "@/db/seed";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { normalizeForComparison } from "@/lib/transfer/compare";
import { exportScenario } from "@/lib/transfer/export";
import { importScenario } from "@/lib/transfer/import";
import type { ScenarioDocument } from "@/lib/transfer/format";
import { sampleDocument, uuidScheme } from "../unit/transfer/fixture";

let store: Store;
const importer = { id: "" };
const outsider = { id: "" };

async function addUser(name: string, email: string): Promise<string> {
  const id = newId();
  const at = new Date("2024-01-01T00:00:00.000Z");
  await store.tx((tx) => tx.insert(store.schema.user).values({ id, name, email, emailVerified: true, createdAt: at, updatedAt: at }));
  return id;
}

/** The sample plus enough rows that every table is inserted in several chunks, many of them
 *  sharing one timestamp (ties are ordered by id, so new ids must keep the order). */
function bigDocument(): ScenarioDocument {
  const doc = sampleDocument(uuidScheme("b"));
  doc.people[1]!.name = "Bob Existing"; // matched by email to the existing account
  const at = "2022-09-10T00:00:00.000Z";
  const h = doc.hypotheses[0]!.id;
  for (let i = 0; i < 1200; i++) {
    const e = newId();
    doc.evidence.push({
      ...doc.evidence[0]!,
      id: e,
      summary: `item ${i}`,
      createdAt: at,
      updatedAt: at,
      versions: [{ ...doc.evidence[0]!.versions[0]!, summary: `item ${i}`, createdAt: at }],
    });
    doc.ratings.push({ id: newId(), evidenceId: e, hypothesisId: h, analystId: doc.people[i % 2]!.id, consistency: "C", likelihood: null, createdAt: at });
    doc.events.push({ id: newId(), actorId: doc.people[0]!.id, at, type: "evidence.created", entity: "evidence", entityId: e, before: null, after: { summary: `item ${i}`, ids: [e, h] } });
  }
  return doc;
}

beforeAll(async () => {
  store = await openTempStore();
  importer.id = await addUser("Importer", "importer@example.com");
  outsider.id = await addUser("Outsider", "outsider@example.com");
  await addUser("Bob Existing", "BOB@example.com".toLowerCase());
});

const databases: TestDatabase[] = [];

afterAll(async () => {
  await store.close();
  for (const d of databases) d.dispose();
});

async function openTempStore(): Promise<Store> {
  const database = await freshDatabase();
  databases.push(database);
  return openStore(database.url, { poolSize: 2 });
}

describe("export and import", () => {
  it("imports a document and exports it back unchanged apart from ids", async () => {
    const original = sampleDocument();
    original.people[1]!.name = "Bob Existing"; // bob@example.com already has an account
    const clock = withClock(store, new Date("2030-01-01T00:00:00.000Z"));
    const { id, title } = await importScenario(clock, importer, structuredClone(original));
    expect(title).toBe(original.scenario.title);
    expect(id).not.toBe(original.scenario.id);

    const exported = await exportScenario(clock, importer, id);
    expect(exported.exportedAt).toBe("2030-01-01T00:00:00.000Z");
    expect(normalizeForComparison(exported)).toEqual(normalizeForComparison(original));
    expect(exported.scenario.createdAt).toBe(original.scenario.createdAt);
    expect(exported.events.map((e) => e.type)).not.toContain("scenario.imported");

    const again = await importScenario(store, importer, JSON.parse(JSON.stringify(exported)));
    const twice = await exportScenario(store, importer, again.id);
    expect(normalizeForComparison(twice)).toEqual(normalizeForComparison(exported));
    // each import makes its own stand-ins, under the names and emails the document gave
    expect(twice.people.map((p) => [p.name, p.email])).toEqual(exported.people.map((p) => [p.name, p.email]));
    expect(twice.people.map((p) => p.id)).not.toEqual(exported.people.map((p) => p.id));
  });

  it("makes the importer the sole owner, matches only the importer to an account, and records the import", async () => {
    const s = store.schema;
    const doc = sampleDocument(uuidScheme("c"));
    doc.people[1]!.email = "Bob@Example.com"; // an existing account's email: not bound to it
    const { id } = await importScenario(store, importer, doc);
    const members = await store.db.select().from(s.members).where(eq(s.members.scenarioId, id));
    expect(members.map((m) => [m.userId, m.role])).toEqual([[importer.id, "owner"]]);

    const existingBob = (await store.db.select().from(s.user).where(eq(s.user.email, "bob@example.com")))[0]!;
    const standIns = await store.db.select().from(s.user).where(eq(s.user.kind, "imported"));
    const bob = standIns.find((u) => u.sourceEmail === "Bob@Example.com")!;
    const ann = standIns.find((u) => u.sourceEmail === "ann@example.com")!;
    expect(bob.id).not.toBe(existingBob.id);
    expect(ann.emailVerified).toBe(false);
    expect(ann.email).toBe(`imported.${ann.id}@placeholder.invalid`);
    expect(await store.db.select().from(s.account).where(eq(s.account.userId, ann.id))).toEqual([]);
    const ratings = await store.db.select().from(s.ratings).where(eq(s.ratings.scenarioId, id));
    expect(ratings.map((r) => r.analystId)).toEqual([bob.id]);

    const events = await store.db.select().from(s.events).where(eq(s.events.scenarioId, id));
    const imported = events.filter((e) => e.type === "scenario.imported");
    expect(imported).toHaveLength(1);
    expect(imported[0]!.actorId).toBe(importer.id);
    const estimate = events.find((e) => e.type === "estimate.created")!;
    const hypothesisIds = (await store.db.select().from(s.hypotheses).where(eq(s.hypotheses.scenarioId, id))).map((h) => h.id);
    expect(Object.keys((estimate.after as { probabilities: object }).probabilities).every((k) => hypothesisIds.includes(k))).toBe(true);
  });

  it("moves a big scenario in chunks and keeps the order of rows that share a timestamp", async () => {
    const doc = bigDocument();
    const { id } = await importScenario(store, importer, doc);
    const exported = await exportScenario(store, importer, id);
    expect(exported.events).toHaveLength(doc.events.length);
    expect(normalizeForComparison(exported)).toEqual(normalizeForComparison(doc));
  });

  it("changes nothing when the document is rejected", async () => {
    const s = store.schema;
    const before = (await store.db.select().from(s.scenarios)).length;
    const doc = sampleDocument(uuidScheme("d"));
    doc.estimates[0]!.evidenceIds = ["missing"];
    await expect(importScenario(store, importer, doc)).rejects.toBeInstanceOf(ZodError);
    await expect(importScenario(store, importer, { ...doc, formatVersion: 99 })).rejects.toBeInstanceOf(DomainError);
    expect((await store.db.select().from(s.scenarios)).length).toBe(before);
  });

  it("lets only members export", async () => {
    const { id } = await importScenario(store, importer, sampleDocument(uuidScheme("e")));
    await expect(exportScenario(store, outsider, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(exportScenario(store, null, id)).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("round-trips the demo scenario, built by the real services, within and across instances", async () => {
    const demoStore = await openTempStore();
    const freshStore = await openTempStore();
    try {
      await seedDemoTemplate(demoStore);
      const s = demoStore.schema;
      const demo = (await demoStore.db.select().from(s.scenarios))[0]!;
      const at = new Date();
      for (const st of [demoStore, freshStore]) {
        await st.db.insert(st.schema.user).values({ id: importer.id, name: "Importer", email: "importer@example.com", emailVerified: true, createdAt: at, updatedAt: at });
      }
      await demoStore.db.insert(s.members).values({ scenarioId: demo.id, userId: importer.id, role: "viewer", createdAt: at, updatedAt: at });

      const original = await exportScenario(demoStore, importer, demo.id);
      expect(original.events.length).toBeGreaterThan(0);
      const here = await importScenario(demoStore, importer, JSON.parse(JSON.stringify(original)));
      const there = await importScenario(freshStore, importer, JSON.parse(JSON.stringify(original)));
      expect(normalizeForComparison(await exportScenario(demoStore, importer, here.id))).toEqual(normalizeForComparison(original));
      expect(normalizeForComparison(await exportScenario(freshStore, importer, there.id))).toEqual(normalizeForComparison(original));
      // everyone but the importer became a stand-in: a placeholder email, the document's kept aside
      const standIns = await freshStore.db.select().from(s.user).where(eq(s.user.kind, "imported"));
      expect(standIns.map((u) => u.sourceEmail).sort()).toEqual(original.people.map((p) => p.email).sort());
      for (const u of standIns) expect(u.email).toMatch(/^imported\.[\w-]+@placeholder\.invalid$/);
    } finally {
      await demoStore.close();
      await freshStore.close();
    }
  });
});
