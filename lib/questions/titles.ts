// Two open hypotheses of one question may not share a title: analysts tell answers apart
// by their titles in every table and chart. Compared without case and with runs of white
// space as one space, so "Yes " and "yes" are the same answer.

export const titleKey = (title: string): string => title.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");

/** Indexes (into `titles`) of every title that repeats an earlier one. */
export function repeatedTitles(titles: readonly string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  titles.forEach((t, i) => {
    const k = titleKey(t);
    if (seen.has(k)) out.push(i);
    seen.add(k);
  });
  return out;
}
