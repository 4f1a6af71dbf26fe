// The brief as Markdown (CommonMark with GFM tables), times in UTC. Pure: Brief → text. Every
// piece of user text is escaped, so a title such as "A | B" or "*urgent*" prints as written.
import type { Brief, BriefEvidenceRef, BriefQuestion } from "./types";
import {
  ASSUMPTION_STATUS,
  changeWords,
  dateWords,
  directionWords,
  HIDDEN,
  judgmentWords,
  methodWords,
  resolutionWords,
  spreadWords,
  type DateWords,
} from "./phrases";

/** User text on one line, with Markdown's punctuation escaped. */
export function inline(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

/** A paragraph of user text: inline(), and nothing at its start read as a heading, list or quote. */
export function paragraph(s: string): string {
  return inline(s)
    .replace(/^([#>+=-])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;

const refWords = (e: BriefEvidenceRef) => `${inline(e.summary)}${e.grade ? ` (${e.grade})` : ""}`;

const heading = (q: Pick<BriefQuestion, "label" | "title">) => `### ${q.label} · ${inline(q.title)}`;

function judgments(b: Brief, d: DateWords): string[] {
  const out = ["## Key judgments", ""];
  if (b.questions.length === 0) return [...out, "No questions yet.", ""];
  for (const q of b.questions) {
    out.push(heading(q), "");
    out.push(q.hidden ? `*${inline(judgmentWords(q))}*` : `**${inline(judgmentWords(q))}**`, "");
    if (!q.hidden && q.judgments.length > 0) {
      out.push(row(["Hypothesis", "Team", "In words", "Analysts' range"]), row(["---", "---:", "---", "---"]));
      for (const j of q.judgments) out.push(row([inline(j.title), j.percent, j.words, j.range ? j.range.text : "—"]));
      out.push("");
    }
    out.push(spreadWords(q), "");
    if (q.resolution) out.push(inline(resolutionWords(q.resolution, d)), "");
  }
  return out;
}

function outcomes(b: Brief): string[] {
  if (b.outcomes.length === 0) return [];
  const out = ["## Outcomes", "", row(["Outcome", "Probability", "In words"]), row(["---", "---:", "---"])];
  for (const o of b.outcomes) out.push(row([inline(o.title), o.percent, o.words]));
  return [...out, ""];
}

function moved(b: Brief, d: DateWords): string[] {
  const m = b.moved;
  if (!m) return [];
  const out = [`## What moved since ${d.dateTime(m.since)}`, ""];
  if (m.questions.length === 0 && m.evidence.length === 0) return [...out, `Nothing moved between ${d.dateTime(m.since)} and ${d.dateTime(m.to)}.`, ""];
  for (const q of m.questions) {
    out.push(heading(q), "");
    if (q.hidden) {
      out.push(`*${inline(HIDDEN)}*`, "");
      continue;
    }
    out.push(`- **Team:** ${q.team.length > 0 ? inline(changeWords(q.team)) : "unchanged"}`);
    for (const a of q.analysts) {
      const count = a.count > 1 ? `${a.count} estimates, last ` : "";
      out.push(`- **${inline(a.name)}** (${count}${d.dateTime(a.at)}): ${inline(changeWords(a.changes))}`);
      if (a.rationale.trim()) out.push(`  - Rationale: “${inline(a.rationale)}”`);
      if (a.evidence.length > 0) out.push(`  - Evidence: ${a.evidence.map(refWords).join("; ")}`);
    }
    out.push("");
  }
  if (m.evidence.length > 0) {
    out.push("**Evidence logged in this window**", "");
    for (const e of m.evidence) out.push(`- ${refWords(e)} — logged ${d.dateTime(e.createdAt)}${e.retracted ? " (since retracted)" : ""}`);
    out.push("");
  }
  return out;
}

function diagnostic(b: Brief): string[] {
  if (b.questions.length === 0) return [];
  const out = ["## Most diagnostic evidence", "", "How well each item tells the hypotheses apart, from the team's ratings (weighted by its grade).", ""];
  for (const q of b.questions) {
    out.push(heading(q), "");
    if (q.hidden) out.push("*Withheld until you have made your own estimate (independent judgments).*", "");
    else if (q.diagnostic.length === 0) out.push("No rated evidence tells these hypotheses apart yet.", "");
    else {
      out.push(row(["Evidence", "Grade", "Diagnosticity", "Team's reading"]), row(["---", "---", "---:", "---"]));
      for (const e of q.diagnostic) out.push(row([inline(e.summary), e.grade, e.bits, e.readings.map((r) => `${r.consistency} ${inline(r.title)}`).join(" · ") || "—"]));
      out.push("");
    }
  }
  return out;
}

function indicators(b: Brief, d: DateWords): string[] {
  const out = ["## Indicators", ""];
  if (b.indicators.length === 0) return [...out, "No indicators on the watch list.", ""];
  for (const g of b.indicators) {
    out.push(`### ${g.label} (${g.items.length})`, "");
    for (const i of g.items) {
      const observed = i.observedAt ? `; observed since ${d.date(i.observedAt)}` : "";
      out.push(`- **${inline(i.title)}** — ${directionWords(i.direction)} “${inline(i.hypothesisTitle)}” (${i.questionLabel})${observed}`);
      if (i.description.trim()) out.push(`  - ${inline(i.description)}`);
      if (i.evidence.length > 0) out.push(`  - Evidence: ${i.evidence.map(refWords).join("; ")}`);
    }
    out.push("");
  }
  return out;
}

function assumptions(b: Brief): string[] {
  const out = ["## Key assumptions", ""];
  if (b.assumptions.length === 0) return [...out, "No key assumptions recorded.", ""];
  for (const g of b.assumptions) {
    out.push(heading(g), "");
    for (const a of g.items) out.push(`- **${ASSUMPTION_STATUS[a.status]}:** ${inline(a.statement)}${a.note.trim() ? ` — *${inline(a.note)}*` : ""}`);
    out.push("");
  }
  return out;
}

function resolutions(b: Brief, d: DateWords): string[] {
  const out = ["## Resolutions and scores", ""];
  if (b.resolutions.length === 0) return [...out, "No question is resolved yet.", ""];
  for (const r of b.resolutions) {
    out.push(heading(r), "", inline(resolutionWords(r.resolution, d)), "");
    if (r.team) {
      out.push(row(["", "Brier", "Log score", "Time-averaged Brier", "Estimates"]), row(["---", "---:", "---:", "---:", "---:"]));
      out.push(row([`**Team** (${r.team.analysts})`, r.team.brier, r.team.logScore, r.team.timeAveragedBrier, "—"]));
      for (const a of r.analysts) out.push(row([inline(a.name), a.brier, a.logScore, a.timeAveragedBrier, String(a.estimates ?? "—")]));
      out.push("");
    }
  }
  return out;
}

export function briefMarkdown(b: Brief): string {
  const d = dateWords("UTC");
  const head = [`# ${inline(b.title)} — brief`, ""];
  for (const p of b.summary.split(/\n\s*\n/)) if (p.trim()) head.push(paragraph(p), "");
  head.push(`*${b.asOf ? "As it stood on" : "As of"} ${d.dateTime(b.at)}.* ${methodWords(b.method)}`, "");
  if (b.independentElicitation) head.push("Independent judgments are on: an analyst sees the team's figures on a question only after estimating it.", "");
  const body = [...judgments(b, d), ...outcomes(b), ...moved(b, d), ...diagnostic(b), ...indicators(b, d), ...assumptions(b), ...resolutions(b, d)];
  return [...head, ...body].join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

