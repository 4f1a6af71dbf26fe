import { z } from "zod";
import { HYPOTHESIS_STATUSES } from "@/db/schema/define";
import { id, isoQueryDate, LIMITS, longText, title, version } from "@/lib/validation/common";

/** How the answer will be judged: what would count as each hypothesis being true. */
const resolutionCriteria = longText(LIMITS.description);
/** When the answer should be known — a calendar date (midnight UTC) or a timestamp — or null: open-ended. */
const resolveBy = isoQueryDate.nullable();

export const hypothesisInput = z.strictObject({
  title: title(),
  description: longText(LIMITS.description).optional(),
});
export type HypothesisInput = z.infer<typeof hypothesisInput>;

export const MAX_HYPOTHESES = 50;

export const createQuestionInput = z.strictObject({
  title: title(),
  description: longText(LIMITS.description).optional(),
  resolutionCriteria: resolutionCriteria.optional(),
  resolveBy: resolveBy.optional(),
  parentHypothesisId: id.nullish(),
  hypotheses: z
    .array(hypothesisInput)
    .min(2, "a question needs at least two competing hypotheses")
    .max(MAX_HYPOTHESES, `at most ${MAX_HYPOTHESES} hypotheses`),
});
export type CreateQuestionInput = z.infer<typeof createQuestionInput>;

export const patchQuestionInput = z.strictObject({
  version,
  title: title().optional(),
  description: longText(LIMITS.description).optional(),
  resolutionCriteria: resolutionCriteria.optional(),
  resolveBy: resolveBy.optional(),
});
export type PatchQuestionInput = z.infer<typeof patchQuestionInput>;

export const patchHypothesisInput = z.strictObject({
  version,
  title: title().optional(),
  description: longText(LIMITS.description).optional(),
  status: z.enum(HYPOTHESIS_STATUSES, { message: "must be open or archived" }).optional(),
});
export type PatchHypothesisInput = z.infer<typeof patchHypothesisInput>;
