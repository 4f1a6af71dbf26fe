import { z } from "zod";
import { id, isoQueryDate, LIMITS } from "@/lib/validation/common";
import { pageParams } from "@/lib/paging";

// JSON.parse keeps a "__proto__" key as an own property, but zod's record drops it silently;
// reject it first so a hidden probability can never slip past the sum check.
const noProtoKey = z.unknown().superRefine((v, ctx) => {
  if (v && typeof v === "object" && Object.prototype.hasOwnProperty.call(v, "__proto__")) {
    ctx.addIssue({ code: "custom", message: "not a hypothesis of this question", path: ["__proto__"] });
  }
});

export const createEstimateInput = z.strictObject({
  probabilities: noProtoKey.pipe(
    z
      .record(id, z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1"))
      .refine((r) => Object.keys(r).length > 0, "must give a probability for every open hypothesis"),
  ),
  rationale: z.string().trim().min(1, "write why you hold these probabilities").max(LIMITS.rationale, `must be at most ${LIMITS.rationale} characters`),
  evidenceIds: z.array(id).max(200, "at most 200 evidence items").optional(),
});
export type CreateEstimateInput = z.infer<typeof createEstimateInput>;

export const estimateHistoryQuery = z.object({
  analystId: id.optional(),
  from: isoQueryDate.optional(),
  to: isoQueryDate.optional(),
  ...pageParams,
});
export type EstimateHistoryQuery = z.infer<typeof estimateHistoryQuery>;
