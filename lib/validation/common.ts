// Shared zod building blocks: limits on text so no field can grow without bound.
import { z } from "zod";

export { LIMITS } from "./limits";
import { LIMITS } from "./limits";

export const id = z.string().min(1, "is required").max(100, "is not a valid id");

/** A required, trimmed, non-empty line of text. */
export const title = (max: number = LIMITS.title) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

export const longText = (max: number) => z.string().max(max, `must be at most ${max} characters`);

export const isoDate = z.iso.datetime({ offset: true, message: "must be an ISO-8601 timestamp" }).transform((s) => new Date(s));

export const version = z.number().int("must be an integer").positive("must be positive");

/**
 * `asOf`, `from`, `to` in a query string: an ISO-8601 timestamp with a zone ("…Z" or
 * "…+02:00") or a calendar date ("2022-09-10", midnight UTC). Anything else — "0",
 * "yesterday", "abc" — is refused, not guessed at.
 */
export const isoQueryDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/, "must be an ISO-8601 timestamp (e.g. 2022-09-10T12:00:00Z)")
  .refine((s) => !Number.isNaN(Date.parse(s)), "must be a real date")
  .transform((s) => new Date(s));

/** A read that can be made as things stood at a time: `?asOf=`. */
export const asOfQuery = z.object({ asOf: isoQueryDate.optional() });
export type AsOfQuery = z.infer<typeof asOfQuery>;
