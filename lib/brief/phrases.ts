// The sentences of the brief, shared by the page and the Markdown so both say the same thing.
// Dates are formatted by the caller's `date`/`dateTime` (the page: the reader's zone; the
// Markdown: UTC). Plain text: the renderers escape or mark it up.
import type { AssumptionStatus } from "@/lib/assumptions/service";
import type { PoolMethod } from "@/lib/math";
import { formatDate, formatDateTime } from "@/lib/client/format";
import type { BriefChange, BriefQuestion, BriefResolution } from "./types";

export interface DateWords {
  date(iso: string): string;
  dateTime(iso: string): string;
}

/** Dates in a zone, the zone named after times ("… 14:05 UTC"). */
export function dateWords(timeZone: string): DateWords {
  return {
    date: (iso) => formatDate(iso, timeZone),
    dateTime: (iso) => `${formatDateTime(iso, timeZone)} ${timeZone === "UTC" ? "UTC" : `(${timeZone})`}`,
  };
}

export const HIDDEN =
  "Team figures withheld: independent judgments are on, and you have not yet made your own estimate on this question.";

const POOLS: Record<PoolMethod, string> = {
  geometric: "the normalised geometric mean of the analysts' standing estimates",
  median: "the median of the analysts' standing estimates, normalised",
  mean: "the mean of the analysts' standing estimates",
};

export const methodWords = (m: PoolMethod) => `Team probabilities are ${POOLS[m]}.`;

/** "Given “Yes” (Q1): " for a conditional question. */
export const givenWords = (q: BriefQuestion) => (q.given ? `Given “${q.given.hypothesisTitle}” (${q.given.questionLabel}): ` : "");

/** The key judgment: the hypothesis the team rates highest, in words and as a percentage. */
export function judgmentWords(q: BriefQuestion): string {
  if (q.hidden) return HIDDEN;
  if (!q.lead) return "No estimate yet.";
  return `${givenWords(q)}“${q.lead.title}” is ${q.lead.words} (${q.lead.percent}).`;
}

/** "2 analysts · spread moderate", as the overview's line under a question. */
export function spreadWords(q: BriefQuestion): string {
  const who = `${q.analysts} analyst${q.analysts === 1 ? "" : "s"}`;
  return q.spread && !q.hidden ? `${who} · spread ${q.spread}` : who;
}

export function resolutionWords(r: BriefResolution, d: DateWords): string {
  const head = r.annulled
    ? `Annulled on ${d.date(r.at)}${r.automatic ? " automatically" : ""} — not scored.`
    : `Resolved: “${r.answer ?? "?"}” on ${d.date(r.at)}${r.corrected ? " (corrected since)" : ""}.`;
  return r.note ? `${head} ${r.note}` : head;
}

/** "Yes 40 % → 55 % (▲15), No 60 % → 45 % (▼15)" */
export const changeWords = (changes: readonly BriefChange[]) => changes.map((c) => `${c.title} ${c.from} → ${c.to} (${c.points})`).join(", ");

export const directionWords = (d: "supports" | "undermines") => (d === "supports" ? "would support" : "would undermine");

export const ASSUMPTION_STATUS: Record<AssumptionStatus, string> = { solid: "Solid", caveated: "Caveated", unsupported: "Unsupported" };
