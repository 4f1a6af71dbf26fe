import { z } from "zod";
import { ROLES } from "@/db/schema/define";

export const role = z.enum(ROLES, { message: "must be one of owner, editor, viewer" });

export const addMemberInput = z.strictObject({
  email: z.string().trim().toLowerCase().max(320, "must be at most 320 characters").pipe(z.email({ message: "must be an email address" })),
  role,
});
export type AddMemberInput = z.infer<typeof addMemberInput>;

export const patchMemberInput = z.strictObject({ role });
export type PatchMemberInput = z.infer<typeof patchMemberInput>;
