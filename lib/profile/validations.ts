import { z } from "zod";

// A person's own settings (browser-safe: Settings checks the same limits before it saves).

/** Long enough for a name, a role, a phone and an address; the database holds no more. */
export const EMAIL_SIGNATURE_MAX_CHARACTERS = 2_000;

export const profileInputSchema = z.strictObject({
  /** Added under the person's email replies after a "-- " line; empty: none. Kept as typed. */
  emailSignature: z
    .string()
    .max(EMAIL_SIGNATURE_MAX_CHARACTERS, `a signature can be at most ${EMAIL_SIGNATURE_MAX_CHARACTERS} characters`),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

export interface ProfileView {
  emailSignature: string;
}
