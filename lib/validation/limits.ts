// How long each kind of text may be. Shared by the zod schemas (the server refuses longer
// text) and the forms (a counter at the field); free of zod so forms can import it cheaply.
export const LIMITS = {
  title: 300,
  summary: 5_000,
  description: 10_000,
  rationale: 10_000,
  excerpt: 20_000,
  sourceText: 1_000_000,
  url: 2_000,
  tag: 50,
  tags: 20,
  note: 5_000,
  reason: 2_000,
  name: 100,
} as const;
