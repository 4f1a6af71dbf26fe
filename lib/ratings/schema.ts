import { z } from "zod";
import { CONSISTENCIES } from "@/db/schema/define";
import { id } from "@/lib/validation/common";

export const consistency = z.enum(CONSISTENCIES, { message: "must be one of CC, C, N, I, II, NA" });

/** P(E|H): a probability, but never 0 (that would rule a hypothesis out for good). */
export const likelihood = z.number().gt(0, "must be greater than 0").lte(1, "must be at most 1");

// Generous: one cell per hypothesis of the scenario, far fewer in practice.
const MAX_CELLS = 1_000;

export const putRatingsInput = z.strictObject({
  ratings: z
    .array(
      z
        .strictObject({
          hypothesisId: id,
          // null clears the cell: it is unrated from now on (earlier ratings stay in history)
          consistency: consistency.nullable(),
          // absent or null: no explicit likelihood (the ACH mapping applies)
          likelihood: likelihood.nullish(),
        })
        .refine((r) => r.consistency !== null || r.likelihood == null, {
          message: "a cleared cell has no likelihood",
          path: ["likelihood"],
        }),
    )
    .min(1, "must rate at least one hypothesis")
    .max(MAX_CELLS, `must have at most ${MAX_CELLS} ratings`),
});
export type PutRatingsInput = z.infer<typeof putRatingsInput>;
