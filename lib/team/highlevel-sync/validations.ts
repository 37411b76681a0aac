import { z } from "zod";

// The sync's Settings inputs (browser-safe: Settings' forms read these types).

export const assignmentSyncToggleSchema = z.object({ enabled: z.boolean() });

/** A member's HighLevel user, or null: "Not linked". */
export const userLinkSchema = z.object({
  userId: z.string().min(1).max(200),
  highLevelUserId: z.string().min(1).max(200).nullable(),
});
export type UserLinkInput = z.infer<typeof userLinkSchema>;
