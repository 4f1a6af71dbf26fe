import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { demoContent } from "../../../db/seed/demo-content";

const ARTICLES_DIR = join(__dirname, "..", "..", "..", "db", "seed", "articles");
const c = demoContent;

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const ms = (iso: string) => Date.parse(iso);

function byKey<T extends { key: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((x) => [x.key, x]));
}

const analysts = byKey(c.analysts);
const sources = byKey(c.sources);
const questions = byKey(c.questions);
const evidence = byKey(c.evidence);
const outcomes = byKey(c.outcomes);

function hypothesisKeys(questionKey: string): string[] {
  const q = questions.get(questionKey);
  if (!q) throw new Error(`unknown question ${questionKey}`);
  return q.hypotheses.map((h) => h.key);
}

function rootOf(questionKey: string): string {
  const seen = new Set<string>();
  let key = questionKey;
  for (;;) {
    if (seen.has(key)) throw new Error(`cycle in question tree at ${key}`);
    seen.add(key);
    const q = questions.get(key);
    if (!q) throw new Error(`unknown question ${key}`);
    if (!q.parent) return key;
    key = q.parent.question;
  }
}

function articleText(file: string): string {
  return readFileSync(join(ARTICLES_DIR, file), "utf8");
}

describe("demo seed: article files", () => {
  it("both source files exist in db/seed/articles", () => {
    for (const s of c.sources) expect(existsSync(join(ARTICLES_DIR, s.file)), s.file).toBe(true);
  });

  it("the TRT World copy has its metadata prefix removed", () => {
    const trt = articleText("trt-world-kabul-attack.txt");
    expect(trt.startsWith("Afghanistan's security scenario")).toBe(true);
    expect(trt).not.toMatch(/date 2022-09-08/);
    // curly quotes kept byte for byte
    expect(trt).toContain("“wants to destroy and delegitimise the Taliban,”");
  });

  it("the analysis piece starts with its title", () => {
    const text = articleText("russia-investigation.txt");
    expect(text.startsWith("The Importance Of Russia’s Investigation Into ISIS-K’s Kabul Embassy Attack\n")).toBe(true);
  });
});

describe("demo seed: keys and references", () => {
  it("keys are unique", () => {
    const groups: [string, string[]][] = [
      ["analysts", c.analysts.map((x) => x.key)],
      ["sources", c.sources.map((x) => x.key)],
      ["questions", c.questions.map((x) => x.key)],
      ["hypotheses", c.questions.flatMap((q) => q.hypotheses.map((h) => h.key))],
      ["outcomes", c.outcomes.map((x) => x.key)],
      ["evidence", c.evidence.map((x) => x.key)],
    ];
    for (const [name, keys] of groups) expect(new Set(keys).size, name).toBe(keys.length);
  });

  it("has exactly two clearly labelled demo analysts", () => {
    expect(c.analysts).toHaveLength(2);
    for (const a of c.analysts) {
      expect(a.name).toMatch(/\(demo analyst\)$/);
      expect(a.email).toMatch(/^[a-z0-9.+-]+@demo\.branchpoint\.invalid$/);
    }
  });

  it("sources, questions, evidence, ratings and estimates reference existing keys", () => {
    for (const s of c.sources) expect(analysts.has(s.addedBy), s.key).toBe(true);
    for (const q of c.questions) {
      expect(analysts.has(q.createdBy), q.key).toBe(true);
      expect(q.hypotheses.length, q.key).toBeGreaterThanOrEqual(2);
    }
    for (const e of c.evidence) {
      expect(sources.has(e.source), e.key).toBe(true);
      expect(analysts.has(e.loggedBy), e.key).toBe(true);
    }
    for (const r of c.ratings) {
      const label = `${r.analyst}/${r.evidence}/${r.hypothesis}@${r.at}`;
      expect(analysts.has(r.analyst), label).toBe(true);
      expect(evidence.has(r.evidence), label).toBe(true);
      expect(questions.has(r.question), label).toBe(true);
      expect(hypothesisKeys(r.question), label).toContain(r.hypothesis);
    }
    for (const est of c.estimates) {
      const label = `${est.analyst}/${est.question}@${est.at}`;
      expect(analysts.has(est.analyst), label).toBe(true);
      expect(questions.has(est.question), label).toBe(true);
      for (const ek of est.evidence) expect(evidence.has(ek), `${label} -> ${ek}`).toBe(true);
    }
    for (const o of c.outcomes) {
      for (const h of o.hypotheses) expect(hypothesisKeys(h.question), o.key).toContain(h.hypothesis);
    }
  });

  it("has the four demo questions, Q3 conditional on Q2 'had informants'", () => {
    expect(c.questions.map((q) => q.key)).toEqual(["q1-insider", "q2-agency", "q3-not-shared", "q4-aim"]);
    expect(hypothesisKeys("q1-insider")).toHaveLength(2);
    expect(hypothesisKeys("q2-agency")).toHaveLength(3);
    expect(hypothesisKeys("q3-not-shared")).toHaveLength(4);
    expect(hypothesisKeys("q4-aim")).toHaveLength(3);
    expect(questions.get("q3-not-shared")!.parent).toEqual({ question: "q2-agency", hypothesis: "h2-informants" });
  });

  it("every conditional question's parent exists, was created earlier, and the tree has no cycles", () => {
    for (const q of c.questions) {
      if (!q.parent) continue;
      const parent = questions.get(q.parent.question);
      expect(parent, q.key).toBeDefined();
      expect(hypothesisKeys(q.parent.question), q.key).toContain(q.parent.hypothesis);
      expect(ms(parent!.createdAt), q.key).toBeLessThanOrEqual(ms(q.createdAt));
      expect(() => rootOf(q.key)).not.toThrow();
    }
  });

  it("both outcomes lie in the tree of the same root question (Q2)", () => {
    expect(c.outcomes.map((o) => o.title)).toEqual([
      "Closer Russia–agency cooperation",
      "Growing Russia–agency distrust",
    ]);
    const roots = new Set(c.outcomes.flatMap((o) => o.hypotheses.map((h) => rootOf(h.question))));
    expect([...roots]).toEqual(["q2-agency"]);
    // the outcomes partition every leaf path of the Q2 tree, as the first article argues
    const paths = c.outcomes.flatMap((o) => o.hypotheses.map((h) => `${h.question}:${h.hypothesis}`));
    expect(new Set(paths).size).toBe(paths.length);
    expect(outcomes.get("closer-cooperation")!.hypotheses).toContainEqual({ question: "q2-agency", hypothesis: "h2-no-sources" });
    expect(outcomes.get("growing-distrust")!.hypotheses).toEqual([
      { question: "q2-agency", hypothesis: "h2-directed" },
      { question: "q3-not-shared", hypothesis: "h3-withheld" },
    ]);
    for (const o of c.outcomes) {
      for (const h of o.hypotheses) {
        const q = questions.get(h.question)!;
        expect(ms(q.createdAt), o.key).toBeLessThanOrEqual(ms(o.createdAt));
      }
    }
  });
});

describe("demo seed: evidence", () => {
  it("has 10-14 items drawn from both sources", () => {
    expect(c.evidence.length).toBeGreaterThanOrEqual(10);
    expect(c.evidence.length).toBeLessThanOrEqual(14);
    expect(new Set(c.evidence.map((e) => e.source))).toEqual(new Set(c.sources.map((s) => s.key)));
  });

  it("every excerpt occurs verbatim in its article file", () => {
    for (const e of c.evidence) {
      const text = articleText(sources.get(e.source)!.file);
      expect(e.excerpt.trim().length, e.key).toBeGreaterThan(20);
      expect(text.includes(e.excerpt), `${e.key} excerpt not found verbatim`).toBe(true);
    }
  });

  it("grades are on the Admiralty scale and items are tagged", () => {
    for (const e of c.evidence) {
      expect(["A", "B", "C", "D", "E", "F"], e.key).toContain(e.reliability);
      expect([1, 2, 3, 4, 5, 6], e.key).toContain(e.credibility);
      expect(e.tags.length, e.key).toBeGreaterThan(0);
      expect(e.summary.length, e.key).toBeGreaterThan(0);
    }
  });

  it("is dated sensibly: occurred <= logged, logged after its source was added, within 6-20 Sep 2022", () => {
    for (const e of c.evidence) {
      const s = sources.get(e.source)!;
      expect(ms(e.occurredAt), e.key).toBeLessThanOrEqual(ms(e.loggedAt));
      expect(ms(s.addedAt), e.key).toBeLessThanOrEqual(ms(e.loggedAt));
      expect(ms(e.loggedAt), e.key).toBeGreaterThanOrEqual(ms("2022-09-06T00:00:00Z"));
      expect(ms(e.loggedAt), e.key).toBeLessThanOrEqual(ms("2022-09-20T23:59:59Z"));
      expect(ms(e.occurredAt), e.key).toBeGreaterThanOrEqual(ms("2022-09-05T00:00:00Z"));
    }
  });
});

describe("demo seed: ratings", () => {
  it("are dated after the evidence was logged and the question created", () => {
    for (const r of c.ratings) {
      const label = `${r.analyst}/${r.evidence}/${r.hypothesis}@${r.at}`;
      expect(ms(r.at), label).toBeGreaterThan(ms(evidence.get(r.evidence)!.loggedAt));
      expect(ms(r.at), label).toBeGreaterThanOrEqual(ms(questions.get(r.question)!.createdAt));
      expect(["CC", "C", "N", "I", "II", "NA"], label).toContain(r.consistency);
    }
  });

  it("both analysts rate Q1, Q2 and Q4", () => {
    for (const a of c.analysts) {
      for (const q of ["q1-insider", "q2-agency", "q4-aim"]) {
        expect(c.ratings.some((r) => r.analyst === a.key && r.question === q), `${a.key} ${q}`).toBe(true);
      }
    }
  });

  it("include at least one changed mind (same cell re-rated later with a different value)", () => {
    const cells = new Map<string, typeof c.ratings>();
    for (const r of c.ratings) {
      const k = `${r.analyst}|${r.evidence}|${r.question}|${r.hypothesis}`;
      cells.set(k, [...(cells.get(k) ?? []), r]);
    }
    const changed = [...cells.values()].filter(
      (rs) => rs.length > 1 && new Set(rs.map((r) => r.at)).size === rs.length && new Set(rs.map((r) => r.consistency)).size > 1,
    );
    expect(changed.length).toBeGreaterThanOrEqual(1);
    // no cell is rated twice at the same instant
    for (const rs of cells.values()) expect(new Set(rs.map((r) => r.at)).size).toBe(rs.length);
  });

  it("show disagreement between the analysts on some cells (latest ratings)", () => {
    const latest = new Map<string, { at: string; consistency: string }>();
    for (const r of c.ratings) {
      const k = `${r.analyst}|${r.evidence}|${r.question}|${r.hypothesis}`;
      const prev = latest.get(k);
      if (!prev || ms(r.at) > ms(prev.at)) latest.set(k, r);
    }
    const [a, b] = c.analysts.map((x) => x.key) as [string, string];
    let disagreements = 0;
    for (const [k, v] of latest) {
      if (!k.startsWith(`${a}|`)) continue;
      const other = latest.get(`${b}|${k.slice(a.length + 1)}`);
      if (other && other.consistency !== v.consistency) disagreements++;
    }
    expect(disagreements).toBeGreaterThanOrEqual(2);
  });
});

describe("demo seed: estimates", () => {
  it("cover every hypothesis of their question and sum to 1", () => {
    for (const est of c.estimates) {
      const label = `${est.analyst}/${est.question}@${est.at}`;
      expect(Object.keys(est.probabilities).sort(), label).toEqual(hypothesisKeys(est.question).sort());
      const values = Object.values(est.probabilities);
      for (const p of values) {
        expect(Number.isFinite(p), label).toBe(true);
        expect(p, label).toBeGreaterThanOrEqual(0);
        expect(p, label).toBeLessThanOrEqual(1);
      }
      const sum = values.reduce((s, p) => s + p, 0);
      expect(Math.abs(sum - 1), `${label} sums to ${sum}`).toBeLessThanOrEqual(1e-9);
    }
  });

  it("are dated after their question and after every evidence item they cite, within 6-25 Sep 2022", () => {
    for (const est of c.estimates) {
      const label = `${est.analyst}/${est.question}@${est.at}`;
      expect(ms(est.at), label).toBeGreaterThanOrEqual(ms(questions.get(est.question)!.createdAt));
      expect(ms(est.at), label).toBeGreaterThanOrEqual(ms("2022-09-06T00:00:00Z"));
      expect(ms(est.at), label).toBeLessThanOrEqual(ms("2022-09-25T23:59:59Z"));
      for (const ek of est.evidence) {
        expect(ms(evidence.get(ek)!.loggedAt), `${label} -> ${ek}`).toBeLessThan(ms(est.at));
      }
      expect(est.rationale.trim().length, label).toBeGreaterThan(20);
    }
  });

  it("give each analyst a history: >=3 on Q1 and Q4, >=2 on Q2, >=1 on Q3, on distinct dates", () => {
    const min: Record<string, number> = { "q1-insider": 3, "q2-agency": 2, "q3-not-shared": 1, "q4-aim": 3 };
    for (const a of c.analysts) {
      for (const [q, n] of Object.entries(min)) {
        const ests = c.estimates.filter((e) => e.analyst === a.key && e.question === q);
        expect(ests.length, `${a.key} ${q}`).toBeGreaterThanOrEqual(n);
        expect(new Set(ests.map((e) => e.at.slice(0, 10))).size, `${a.key} ${q}`).toBe(ests.length);
      }
    }
  });
});

describe("demo seed: timestamps", () => {
  it("are ISO-8601 UTC and never precede the scenario", () => {
    const stamps: [string, string | null][] = [
      ["scenario.createdAt", c.scenario.createdAt],
      ...c.sources.flatMap((s): [string, string | null][] => [
        [`${s.key}.addedAt`, s.addedAt],
        [`${s.key}.publishedAt`, s.publishedAt],
      ]),
      ...c.questions.map((q): [string, string] => [`${q.key}.createdAt`, q.createdAt]),
      ...c.outcomes.map((o): [string, string] => [`${o.key}.createdAt`, o.createdAt]),
      ...c.evidence.flatMap((e): [string, string][] => [
        [`${e.key}.occurredAt`, e.occurredAt],
        [`${e.key}.loggedAt`, e.loggedAt],
      ]),
      ...c.ratings.map((r): [string, string] => [`rating ${r.analyst}/${r.evidence}`, r.at]),
      ...c.estimates.map((e): [string, string] => [`estimate ${e.analyst}/${e.question}`, e.at]),
    ];
    for (const [label, iso] of stamps) {
      if (iso === null) continue;
      expect(iso, label).toMatch(ISO_UTC);
      expect(Number.isNaN(ms(iso)), label).toBe(false);
    }
    const scenarioStart = ms(c.scenario.createdAt);
    for (const s of c.sources) expect(ms(s.addedAt)).toBeGreaterThanOrEqual(scenarioStart);
    for (const q of c.questions) expect(ms(q.createdAt)).toBeGreaterThanOrEqual(scenarioStart);
    for (const o of c.outcomes) expect(ms(o.createdAt)).toBeGreaterThanOrEqual(scenarioStart);
  });
});
