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

/** `asOf`, `from`, `to` in a query string. */
export const isoQueryDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO-8601 timestamp")
  .transform((s) => new Date(s));
