// Query strings of the analysis endpoints (matrix, scores, calibration, diff, sensitivity).
import { z } from "zod";
import { id, isoQueryDate } from "@/lib/validation/common";
import { pageParams } from "@/lib/paging";

/** How the team's stated probabilities are pooled; geometric mean is the default. */
export const poolMethod = z.enum(["geometric", "median", "mean"], { message: "must be one of geometric, median, mean" });

/** The order of the matrix's rows: largest first (diagnosticity, weight) or newest logged first. */
export const matrixSort = z.enum(["logged", "diagnosticity", "teamDiagnosticity", "weight"], {
  message: "must be one of logged, diagnosticity, teamDiagnosticity, weight",
});
export type MatrixSort = z.infer<typeof matrixSort>;

export const matrixQuery = z.object({
  questionId: id,
  asOf: isoQueryDate.optional(),
  method: poolMethod.optional(),
  sort: matrixSort.optional(),
  limit: pageParams.limit,
  cursor: pageParams.cursor,
  /** Only this evidence item's row (the scores still over every row): a rated row, re-read. */
  evidenceId: id.optional(),
});
export type MatrixQuery = z.infer<typeof matrixQuery>;

export const scoresQuery = z.object({ method: poolMethod.optional() });
export type ScoresQuery = z.infer<typeof scoresQuery>;

export const diffQuery = z
  .object({ from: isoQueryDate, to: isoQueryDate, method: poolMethod.optional(), limit: pageParams.limit, cursor: pageParams.cursor })
  // (only when both parsed as dates; otherwise their own errors say why)
  .refine((q) => !(q.from instanceof Date && q.to instanceof Date) || q.from.getTime() <= q.to.getTime(), { message: "must not be after `to`", path: ["from"] });
export type DiffQuery = z.infer<typeof diffQuery>;

export const sensitivityQuery = z.object({
  asOf: isoQueryDate.optional(),
  scope: z.enum(["mine", "team"], { message: "must be mine or team" }).optional(),
});
export type SensitivityQuery = z.infer<typeof sensitivityQuery>;

export const seriesQuery = z.object({ method: poolMethod.optional(), asOf: isoQueryDate.optional() });
export type SeriesQuery = z.infer<typeof seriesQuery>;
