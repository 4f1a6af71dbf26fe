// briefMarkdown: the brief of ./fixture.ts as Markdown — the figures composeBrief worked out,
// user text escaped, hidden questions without figures, times in UTC.
import { describe, expect, it } from "vitest";
import { composeBrief } from "@/lib/brief/compose";
import { briefMarkdown, inline, paragraph } from "@/lib/brief/markdown";
import { titleFileName } from "@/lib/http/file-name";
import { HIDDEN } from "@/lib/brief/phrases";
import { input } from "./fixture";

const md = briefMarkdown(composeBrief(input()));

/** The text of one `## ` section. */
const section = (title: string) => {
  const start = md.indexOf(`\n## ${title}`);
  expect(start, title).toBeGreaterThan(0);
  const end = md.indexOf("\n## ", start + 1);
  return md.slice(start, end < 0 ? undefined : end);
};

describe("briefMarkdown", () => {
  it("opens with the escaped title, the summary as paragraphs, the moment in UTC and the pool", () => {
    expect(md.startsWith("# Embassy \\| attack \\*review\\* — brief\n\n\\# Not a heading\n\nSecond paragraph.\n\n")).toBe(true);
    expect(md).toContain("*As of 1 Feb 2026 12:00 UTC.* Team probabilities are the normalised geometric mean of the analysts' standing estimates.");
    expect(md).toContain("Independent judgments are on");
    expect(md.endsWith("\n")).toBe(true);
    expect(md).not.toMatch(/\n{3}/);
  });

  it("states each key judgment in ICD 203 words with the percentage, the table, and the spread", () => {
    const s = section("Key judgments");
    expect(s).toContain("### Q1 · Inside help?\n\n**“Yes” is likely (71 %).**\n\n");
    expect(s).toContain("| Hypothesis | Team | In words | Analysts' range |\n| --- | ---: | --- | --- |\n| Yes | 71 % | likely | 60 %–80 % |\n| No | 29 % | unlikely | 20 %–40 % |\n\n2 analysts · spread moderate");
    expect(s).toContain("**Given “Yes” (Q1): “A” is very likely (90 %).**");
    expect(s).toContain("1 analyst\n\nResolved: “A” on 20 Jan 2026. Confirmed");
  });

  it("says so instead of giving figures for a question hidden from the caller", () => {
    const hidden = section("Key judgments").split("### Q2 · Main aim?")[1]!;
    expect(hidden).toContain(`*${HIDDEN}*`);
    expect(hidden).not.toMatch(/%|spread/);
    const moved = section("What moved since 1 Jan 2026 00:00 UTC").split("### Q2 · Main aim?")[1]!.split("**Evidence logged")[0]!;
    expect(moved.trim()).toBe(`*${HIDDEN}*`);
    expect(md).not.toContain("secret");
  });

  it("says what moved, who moved it, why, and on which evidence", () => {
    const s = section("What moved since 1 Jan 2026 00:00 UTC");
    expect(s).toContain("- **Team:** Yes 50 % → 71 % (▲21), No 50 % → 29 % (▼21)");
    expect(s).toContain("- **Ben** (2 estimates, last 16 Jan 2026 09:00 UTC): Yes 50 % → 80 % (▲30), No 50 % → 20 % (▼30)");
    expect(s).toContain("  - Rationale: “The guard's arrest \\*changes\\* things”");
    expect(s).toContain("  - Evidence: Guard held (B2); (not available at this time)");
    expect(s).toContain("- New in window (F6) — logged 15 Jan 2026 08:30 UTC");
  });

  it("says when nothing moved", () => {
    const i = input();
    i.diff = { ...i.diff!, questions: [] };
    i.matrices = i.matrices.map((m) => ({ ...m, evidence: m.evidence.filter((e) => e.id !== "e8") }));
    expect(briefMarkdown(composeBrief(i))).toContain("Nothing moved between 1 Jan 2026 00:00 UTC and 1 Feb 2026 12:00 UTC.");
  });

  it("tables the most diagnostic evidence with grades and bits", () => {
    const s = section("Most diagnostic evidence");
    expect(s).toContain(
      [
        "| Evidence | Grade | Diagnosticity | Team's reading |",
        "| --- | --- | ---: | --- |",
        "| Second \\| suspect | A1 | 1.5 bits | CC Yes · I No |",
        "| Guard held | B2 | 1.0 bits | C Yes · II No |",
        "| Claim of responsibility | C3 | 0.3 bits | — |",
      ].join("\n"),
    );
    expect(s).toContain("### Q3 · Why silent?\n\nNo rated evidence tells these hypotheses apart yet.");
  });

  it("lists indicators by status, assumptions by question, outcomes, resolutions and scores", () => {
    expect(section("Indicators")).toContain(
      "### Observed (1)\n\n- **Second claim** — would undermine “No” (Q1); observed since 12 Jan 2026\n  - Police name a second man\n  - Evidence: Second \\| suspect (A1)",
    );
    expect(section("Indicators").indexOf("### Watching (1)")).toBeLessThan(section("Indicators").indexOf("### Retired (1)"));
    expect(section("Key assumptions")).toContain("### Q1 · Inside help?\n\n- **Caveated:** The guard was on duty — *one source*");
    expect(section("Outcomes")).toContain("| Cooperation | 64 % | likely |\n| Distrust | — | needs estimates on every path |");
    expect(section("Resolutions and scores")).toContain(
      "| **Team** (1) | 0.020 | 0.152 | 0.123 | — |\n| Ana | 0.020 | 0.152 | 0.046 | 2 |",
    );
  });

  it("says so where a section is empty", () => {
    const i = input();
    i.indicators = [];
    i.assumptions = [];
    i.view.questions = i.view.questions.map((q) => ({ ...q, resolution: null }));
    const text = briefMarkdown(composeBrief({ ...i, diff: null }));
    expect(text).toContain("No indicators on the watch list.");
    expect(text).toContain("No key assumptions recorded.");
    expect(text).toContain("No question is resolved yet.");
    expect(text).not.toContain("## What moved");
  });
});

describe("escaping and the file name", () => {
  it("escapes Markdown punctuation and folds lines", () => {
    expect(inline("a|b *c* _d_ [e](f) <g> `h` ~i~ & \\ \n  next")).toBe("a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\<g\\> \\`h\\` \\~i\\~ \\& \\\\ next");
    expect(paragraph("- not a list")).toBe("\\- not a list");
    expect(paragraph("> not a quote")).toBe("\\> not a quote");
    expect(paragraph("12. not a list")).toBe("12\\. not a list");
  });

  it("names the file after the title", () => {
    expect(titleFileName("Kabul: Embassy attack (2022)", "brief.md")).toBe("kabul-embassy-attack-2022.brief.md");
    expect(titleFileName("Ünïcode ✓", "brief.md")).toBe("unicode.brief.md");
    expect(titleFileName("???", "brief.md")).toBe("scenario.brief.md");
  });
});
