// The query string of GET /api/v1/scenarios/{id}/brief, shared by the route, the page and tests.
import { z } from "zod";
import { isoQueryDate } from "@/lib/validation/common";
import { poolMethod } from "@/lib/analysis/schema";

export const briefFormat = z.enum(["markdown"], { message: "must be markdown" });

export const briefQuery = z
  .object({
    format: briefFormat.default("markdown"),
    asOf: isoQueryDate.optional(),
    /** What moved since this time, up to `asOf` (or now). */
    since: isoQueryDate.optional(),
    method: poolMethod.optional(),
  })
  // (only when both parsed as dates; otherwise their own errors say why; "before now" is
  // checked by the service against the store's clock)
  .refine((q) => !(q.since instanceof Date && q.asOf instanceof Date) || q.since.getTime() < q.asOf.getTime(), {
    message: "must be before `asOf`",
    path: ["since"],
  });
export type BriefQuery = z.infer<typeof briefQuery>;
