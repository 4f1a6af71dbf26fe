import { z } from "zod";
import { ROLES } from "@/db/schema/define";

export const role = z.enum(ROLES, { message: "must be one of owner, editor, viewer" });

export const patchMemberInput = z.strictObject({ role });
export type PatchMemberInput = z.infer<typeof patchMemberInput>;
