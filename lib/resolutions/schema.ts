import { z } from "zod";
import { id, LIMITS, longText } from "@/lib/validation/common";

export const CORRECTION_REASON_MIN = 10;

export const resolveInput = z
  .strictObject({
    hypothesisId: id.optional(),
    annulled: z.literal(true, { message: "must be true when given" }).optional(),
    note: longText(LIMITS.note).optional(),
    // Required to change the answer of a question that is already resolved or annulled.
    correction: z
      .strictObject({
        reason: z
          .string()
          .trim()
          .min(CORRECTION_REASON_MIN, `say in at least ${CORRECTION_REASON_MIN} characters why the earlier resolution was wrong`)
          .max(LIMITS.reason, `must be at most ${LIMITS.reason} characters`),
      })
      .optional(),
  })
  .refine((v) => (v.hypothesisId === undefined) !== (v.annulled === undefined), {
    message: "give either hypothesisId (the true answer) or annulled: true",
    path: ["hypothesisId"],
  });
export type ResolveInput = z.infer<typeof resolveInput>;
