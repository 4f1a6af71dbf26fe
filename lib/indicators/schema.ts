import { z } from "zod";
import { INDICATOR_DIRECTIONS, INDICATOR_STATUSES } from "@/db/schema/define";
import { id, LIMITS, longText, title, version } from "@/lib/validation/common";

/** At most this many evidence items may show one indicator. */
export const MAX_INDICATOR_EVIDENCE = 50;

export const indicatorDirection = z.enum(INDICATOR_DIRECTIONS, { message: "must be supports or undermines" });
export const indicatorStatus = z.enum(INDICATOR_STATUSES, { message: "must be one of watching, observed, not_observed, retired" });

// Not deduplicated here: the service names a bad id by its place in the list as sent.
const evidenceIds = z.array(id).max(MAX_INDICATOR_EVIDENCE, `must list at most ${MAX_INDICATOR_EVIDENCE} evidence items`);

/** What we would expect to see next if the hypothesis were true (or false). */
export const createIndicatorInput = z.strictObject({
  title: title(),
  description: longText(LIMITS.description).optional(),
  direction: indicatorDirection,
});
export type CreateIndicatorInput = z.infer<typeof createIndicatorInput>;

/** Absent fields keep their value; `evidenceIds` replaces the whole list. */
export const patchIndicatorInput = z.strictObject({
  version,
  title: title().optional(),
  description: longText(LIMITS.description).optional(),
  status: indicatorStatus.optional(),
  evidenceIds: evidenceIds.optional(),
});
export type PatchIndicatorInput = z.infer<typeof patchIndicatorInput>;
