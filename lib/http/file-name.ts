/**
 * A scenario's title as a download's file name: ASCII letters, digits and dashes only (accents
 * dropped), so it is safe inside a content-disposition header; "scenario" when nothing is left.
 */
export function titleFileName(title: string, extension: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || "scenario"}.${extension}`;
}
