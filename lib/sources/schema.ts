import { z } from "zod";
import { LIMITS, isoDate, longText, title } from "@/lib/validation/common";

/** Blank strings in optional fields mean "not given", as forms send them. */
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

/** An optional one-line field: trimmed; blank, null or absent all mean "not given". */
export const optionalLine = (max: number = LIMITS.title) =>
  z.preprocess(blankToNull, z.string().trim().max(max, `must be at most ${max} characters`).nullish());

// Only http(s): a javascript: or file: link rendered in the UI would be a hazard.
export const httpUrl = z
  .string()
  .trim()
  .max(LIMITS.url, `must be at most ${LIMITS.url} characters`)
  .pipe(z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }));

export const createSourceInput = z.strictObject({
  title: title(),
  publisher: optionalLine(),
  author: optionalLine(),
  publishedAt: isoDate.nullish(),
  url: z.preprocess(blankToNull, httpUrl.nullish()),
  // Not trimmed: evidence excerpts are matched against it verbatim.
  text: z.preprocess(blankToNull, longText(LIMITS.sourceText).nullish()),
});
export type CreateSourceInput = z.infer<typeof createSourceInput>;
