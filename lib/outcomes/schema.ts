import { z } from "zod";
import { id, LIMITS, longText, title, version } from "@/lib/validation/common";

const hypothesisIds = z.array(id).min(1, "an outcome needs at least one hypothesis leading to it").max(200, "at most 200 hypotheses");

export const createOutcomeInput = z.strictObject({
  title: title(),
  description: longText(LIMITS.description).optional(),
  hypothesisIds,
});
export type CreateOutcomeInput = z.infer<typeof createOutcomeInput>;

export const patchOutcomeInput = z.strictObject({
  version,
  title: title().optional(),
  description: longText(LIMITS.description).optional(),
  hypothesisIds: hypothesisIds.optional(),
  archived: z.boolean().optional(),
});
export type PatchOutcomeInput = z.infer<typeof patchOutcomeInput>;
