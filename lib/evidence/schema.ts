import { z } from "zod";
import { pageParams } from "@/lib/paging";
import { RELIABILITIES } from "@/db/schema/define";
import { LIMITS, id, isoDate, isoQueryDate, longText, title, version } from "@/lib/validation/common";

/** Blank strings in optional fields mean "not given", as forms send them. */
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

export const reliability = z.enum(RELIABILITIES, { message: "must be one of A, B, C, D, E, F" });
// A refine rather than .int(): 2.5 is a well-typed number off the scale (422, not 400).
export const credibility = z
  .number()
  .min(1, "must be from 1 to 6")
  .max(6, "must be from 1 to 6")
  .refine(Number.isInteger, "must be a whole number from 1 to 6");

// Trimmed because a selection usually drags a line break along; what remains must still
// occur verbatim in the source text (checked in the service, which has the text).
const excerpt = z.preprocess(
  blankToNull,
  longText(LIMITS.excerpt)
    .transform((s) => s.trim())
    .nullable(),
);

export const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "must not be empty")
  .max(LIMITS.tag, `must be at most ${LIMITS.tag} characters`);

/** Trimmed, lowercased, deduplicated (first occurrence keeps its place). */
export const tags = z
  .array(tag)
  .transform((list) => [...new Set(list)])
  .refine((list) => list.length <= LIMITS.tags, `must have at most ${LIMITS.tags} distinct tags`);

export const createEvidenceInput = z.strictObject({
  summary: title(LIMITS.summary),
  excerpt: excerpt.optional(),
  sourceId: id.nullish(),
  occurredAt: isoDate.nullish(),
  reliability,
  credibility,
  tags: tags.optional(),
});
export type CreateEvidenceInput = z.infer<typeof createEvidenceInput>;

/** Absent fields keep their value; null clears an optional one. */
export const patchEvidenceInput = z.strictObject({
  version,
  summary: title(LIMITS.summary).optional(),
  excerpt: excerpt.optional(),
  sourceId: id.nullish(),
  occurredAt: isoDate.nullish(),
  reliability: reliability.optional(),
  credibility: credibility.optional(),
  tags: tags.optional(),
});
export type PatchEvidenceInput = z.infer<typeof patchEvidenceInput>;

export const retractEvidenceInput = z.strictObject({
  reason: title(LIMITS.reason),
});
export type RetractEvidenceInput = z.infer<typeof retractEvidenceInput>;

const flag = z
  .enum(["true", "false", "1", "0"], { message: "must be true or false" })
  .transform((v) => v === "true" || v === "1");

/** GET /scenarios/{id}/evidence query string. */
export const listEvidenceQuery = z
  .object({
    asOf: isoQueryDate.optional(),
    q: z.string().trim().max(LIMITS.title, `must be at most ${LIMITS.title} characters`).optional(),
    includeRetracted: flag.optional(),
    tag: tag.optional(),
    sourceId: id.optional(),
    /** Grade at least this reliable (A best). */
    minReliability: z.enum(RELIABILITIES, { message: "must be a grade A–F" }).optional(),
    /** Credibility at least this good (1 best): credibility ≤ this. */
    maxCredibility: z.coerce.number().int("must be a whole number").min(1, "must be 1–6").max(6, "must be 1–6").optional(),
    /** When it happened (else when it was logged), from and to (inclusive). */
    occurredFrom: isoQueryDate.optional(),
    occurredTo: isoQueryDate.optional(),
    ...pageParams,
  })
  .refine((v) => !(v.occurredFrom && v.occurredTo) || v.occurredFrom.getTime() <= v.occurredTo.getTime(), {
    message: "must not be after occurredTo",
    path: ["occurredFrom"],
  });
export type ListEvidenceQuery = z.infer<typeof listEvidenceQuery>;
