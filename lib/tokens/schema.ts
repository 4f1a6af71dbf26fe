import { z } from "zod";
import { title } from "@/lib/validation/common";

export const createTokenInput = z.strictObject({
  /** What the token is for ("evidence feed"), shown in the token list. */
  name: title(100),
  /** Days until it stops working; absent: until revoked. */
  expiresInDays: z.number().int("must be a whole number of days").min(1, "must be at least 1 day").max(3650, "must be at most 3650 days (ten years)").optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenInput>;
