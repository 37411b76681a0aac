import { z } from "zod";

// An owner's change to the account's triage settings: browser-safe (zod only), for the route's contract.

/** The longest message that can be only a closing (lib/triage/closing.ts); a phrase longer than it could never match. */
export const CLOSING_MAX_LENGTH = 40;

export const triageSettingsSchema = z.object({
  /** One phrase a line; empty goes back to the default list. */
  closingPhrases: z
    .string()
    .max(8000)
    .refine((text) => text.split("\n").length <= 200, "at most 200 closing phrases")
    .refine(
      (text) => text.split("\n").every((line) => line.trim().length <= CLOSING_MAX_LENGTH),
      `a closing phrase is at most ${CLOSING_MAX_LENGTH} characters`,
    )
    .refine((text) => !/[?¿]/.test(text), "a closing phrase cannot be a question")
    .optional(),
  callbackSlaMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .optional(),
});
export type TriageSettingsChange = z.infer<typeof triageSettingsSchema>;
