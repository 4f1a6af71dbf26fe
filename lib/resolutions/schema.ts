import { z } from "zod";
import { id, LIMITS, longText } from "@/lib/validation/common";

export const resolveInput = z
  .strictObject({
    hypothesisId: id.optional(),
    annulled: z.literal(true, { message: "must be true when given" }).optional(),
    note: longText(LIMITS.note).optional(),
  })
  .refine((v) => (v.hypothesisId === undefined) !== (v.annulled === undefined), {
    message: "give either hypothesisId (the true answer) or annulled: true",
    path: ["hypothesisId"],
  });
export type ResolveInput = z.infer<typeof resolveInput>;
