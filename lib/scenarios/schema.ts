import { z } from "zod";
import { isoQueryDate, LIMITS, longText, title, version } from "@/lib/validation/common";
import { poolMethod } from "@/lib/analysis/schema";

export const createScenarioInput = z.strictObject({
  title: title(),
  summary: longText(LIMITS.summary).optional(),
});
export type CreateScenarioInput = z.infer<typeof createScenarioInput>;

export const patchScenarioInput = z.strictObject({
  version,
  title: title().optional(),
  summary: longText(LIMITS.summary).optional(),
  /** Independent judgments: owners only. */
  independentElicitation: z.boolean({ message: "must be true or false" }).optional(),
});
export type PatchScenarioInput = z.infer<typeof patchScenarioInput>;

/** GET /scenarios/{id}: the tree as of a time, pooled by a method. */
export const scenarioViewQuery = z.object({ asOf: isoQueryDate.optional(), method: poolMethod.optional() });
