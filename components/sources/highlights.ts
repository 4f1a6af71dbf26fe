// Where already-logged excerpts sit in a source's text, as non-overlapping segments.
export interface Segment {
  text: string;
  evidenceId: string | null;
}

export function segmentText(text: string, excerpts: { id: string; excerpt: string }[]): Segment[] {
  const ranges = excerpts
    .map((e) => ({ id: e.id, start: text.indexOf(e.excerpt), length: e.excerpt.length }))
    .filter((r) => r.start >= 0 && r.length > 0)
    .sort((a, b) => a.start - b.start || b.length - a.length);
  const out: Segment[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start < at) continue; // overlaps an earlier highlight: the first one wins
    if (r.start > at) out.push({ text: text.slice(at, r.start), evidenceId: null });
    out.push({ text: text.slice(r.start, r.start + r.length), evidenceId: r.id });
    at = r.start + r.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), evidenceId: null });
  return out;
}
