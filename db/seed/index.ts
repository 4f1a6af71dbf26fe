// The demo template: built once per database from db/seed/demo-content.ts by the real
// services, each call on a clock set to the moment the demo says it happened, so the
// audit log, versions and as-of reads look exactly as if analysts had done the work.
// Nobody opens the template itself: every account opens its own copy (lib/transfer/demo-copy.ts).
import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { withClock, type Store } from "@/db/client";
import { newId } from "@/lib/ids";
import type { Actor } from "@/lib/access/service";
import { createScenario } from "@/lib/scenarios/service";
import { recordEvent } from "@/lib/audit/service";
import { createQuestion } from "@/lib/questions/service";
import { createOutcome } from "@/lib/outcomes/service";
import { createSource } from "@/lib/sources/service";
import { createEvidence } from "@/lib/evidence/service";
import { putRatings } from "@/lib/ratings/service";
import { createEstimate } from "@/lib/estimates/service";
import { demoContent as demo } from "./demo-content";

type Step = { at: string; order: number; run: (store: Store) => Promise<void> };

function articleText(file: string): string {
  return fs.readFileSync(path.resolve(process.cwd(), "db/seed/articles", file), "utf8");
}

/** Demo analysts are users without credentials: they appear in the history but cannot sign in. */
async function demoAnalyst(store: Store, name: string, email: string): Promise<Actor> {
  const s = store.schema;
  const existing = (await store.db.select().from(s.user).where(eq(s.user.email, email)))[0];
  if (existing) return { id: existing.id };
  const at = new Date(demo.scenario.createdAt);
  const id = newId();
  await store.db.insert(s.user).values({ id, name, email, emailVerified: false, kind: "demo", createdAt: at, updatedAt: at });
  return { id };
}

/** Seed the template unless the database has one; true when it was seeded now. */
export async function seedDemoTemplate(store: Store): Promise<boolean> {
  const s = store.schema;
  return store.tx(async (tx) => {
    const existing = await tx.select({ n: count() }).from(s.scenarios).where(eq(s.scenarios.template, true));
    if ((existing[0]?.n ?? 0) > 0) return false;
    await seedDemo(store);
    return true;
  });
}

async function seedDemo(store: Store): Promise<void> {
  const s = store.schema;
  const analysts = new Map<string, Actor>();
  for (const a of demo.analysts) analysts.set(a.key, await demoAnalyst(store, a.name, a.email));
  const analyst = (key: string) => analysts.get(key)!;
  const [owner, ...others] = demo.analysts;

  const at = (iso: string) => withClock(store, new Date(iso));
  const created = await createScenario(at(demo.scenario.createdAt), analyst(owner!.key), {
    title: demo.scenario.title,
    summary: demo.scenario.summary,
  });
  const scenarioId = created.id;
  // the demo reads as a finished team analysis: its figures are not hidden (independent judgments off)
  await store.db.update(s.scenarios).set({ isDemo: true, template: true, independentElicitation: false }).where(eq(s.scenarios.id, scenarioId));
  // the other demo analysts are editors from the start (as if they had accepted invitations)
  const start = new Date(demo.scenario.createdAt);
  for (const a of others) {
    const userId = analyst(a.key).id;
    await store.db.insert(s.members).values({ scenarioId, userId, role: "editor", createdAt: start, updatedAt: start });
    await recordEvent(at(demo.scenario.createdAt), store.db, { scenarioId, actorId: userId, type: "member.joined", entityId: userId, after: { role: "editor", inviteId: null } });
  }

  const ids = { source: new Map<string, string>(), evidence: new Map<string, string>(), hypothesis: new Map<string, string>() };
  const steps: Step[] = [];

  for (const src of demo.sources) {
    steps.push({
      at: src.addedAt,
      order: 0,
      run: async (st) => {
        const out = await createSource(st, analyst(src.addedBy), scenarioId, {
          title: src.title,
          publisher: src.publisher ?? undefined,
          author: src.author ?? undefined,
          publishedAt: src.publishedAt ? new Date(src.publishedAt) : undefined,
          url: src.url ?? undefined,
          text: articleText(src.file),
        });
        ids.source.set(src.key, out.id);
      },
    });
  }
  for (const q of demo.questions) {
    steps.push({
      at: q.createdAt,
      order: 1,
      run: async (st) => {
        const out = await createQuestion(st, analyst(q.createdBy), scenarioId, {
          title: q.title,
          description: q.description,
          parentHypothesisId: q.parent ? ids.hypothesis.get(q.parent.hypothesis)! : null,
          hypotheses: q.hypotheses.map((h) => ({ title: h.title, description: h.description })),
        });
        q.hypotheses.forEach((h, i) => ids.hypothesis.set(h.key, out.hypotheses[i]!.id));
      },
    });
  }
  for (const o of demo.outcomes) {
    steps.push({
      at: o.createdAt,
      order: 2,
      run: async (st) => {
        await createOutcome(st, analyst(owner!.key), scenarioId, {
          title: o.title,
          description: o.description,
          hypothesisIds: o.hypotheses.map((h) => ids.hypothesis.get(h.hypothesis)!),
        });
      },
    });
  }
  for (const e of demo.evidence) {
    steps.push({
      at: e.loggedAt,
      order: 3,
      run: async (st) => {
        const out = await createEvidence(st, analyst(e.loggedBy), scenarioId, {
          summary: e.summary,
          excerpt: e.excerpt,
          sourceId: ids.source.get(e.source)!,
          occurredAt: new Date(e.occurredAt),
          reliability: e.reliability,
          credibility: e.credibility,
          tags: e.tags,
        });
        ids.evidence.set(e.key, out.id);
      },
    });
  }
  // One PUT per analyst, evidence item and moment, as the matrix UI would send it.
  const ratingGroups = new Map<string, typeof demo.ratings>();
  for (const r of demo.ratings) {
    const key = `${r.analyst}|${r.evidence}|${r.at}`;
    ratingGroups.set(key, [...(ratingGroups.get(key) ?? []), r]);
  }
  for (const group of ratingGroups.values()) {
    const first = group[0]!;
    steps.push({
      at: first.at,
      order: 4,
      run: async (st) => {
        await putRatings(st, analyst(first.analyst), ids.evidence.get(first.evidence)!, {
          ratings: group.map((r) => ({ hypothesisId: ids.hypothesis.get(r.hypothesis)!, consistency: r.consistency })),
        });
      },
    });
  }
  for (const e of demo.estimates) {
    steps.push({
      at: e.at,
      order: 5,
      run: async (st) => {
        const question = demo.questions.find((q) => q.key === e.question)!;
        const questionId = (
          await st.db.select({ q: s.hypotheses.questionId }).from(s.hypotheses).where(eq(s.hypotheses.id, ids.hypothesis.get(question.hypotheses[0]!.key)!))
        )[0]!.q;
        await createEstimate(st, analyst(e.analyst), questionId, {
          probabilities: Object.fromEntries(Object.entries(e.probabilities).map(([k, p]) => [ids.hypothesis.get(k)!, p])),
          rationale: e.rationale,
          evidenceIds: e.evidence.map((k) => ids.evidence.get(k)!),
        });
      },
    });
  }

  steps.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order);
  for (const step of steps) await step.run(at(step.at));
}
