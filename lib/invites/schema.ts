import { z } from "zod";
import { role } from "@/lib/members/schema";

export const MAX_INVITE_DAYS = 30;

export const createInviteInput = z.strictObject({
  role,
  expiresInDays: z
    .number()
    .int("must be a whole number of days")
    .min(1, "must be at least 1 day")
    .max(MAX_INVITE_DAYS, `must be at most ${MAX_INVITE_DAYS} days`)
    .default(7),
});
export type CreateInviteInput = z.infer<typeof createInviteInput>;
