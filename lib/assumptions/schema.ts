import { z } from "zod";
import { ASSUMPTION_STATUSES } from "@/db/schema/define";
import { LIMITS, longText, title, version } from "@/lib/validation/common";

export const assumptionStatus = z.enum(ASSUMPTION_STATUSES, { message: "must be one of solid, caveated, unsupported" });

/** A key assumption: what a question's judgement rests on. */
export const createAssumptionInput = z.strictObject({
  statement: title(LIMITS.summary),
});
export type CreateAssumptionInput = z.infer<typeof createAssumptionInput>;

/** Absent fields keep their value. */
export const patchAssumptionInput = z.strictObject({
  version,
  statement: title(LIMITS.summary).optional(),
  status: assumptionStatus.optional(),
  note: longText(LIMITS.note).optional(),
});
export type PatchAssumptionInput = z.infer<typeof patchAssumptionInput>;
