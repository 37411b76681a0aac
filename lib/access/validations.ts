import { z } from "zod";
import { apiTokenScopeSchema } from "@/lib/vocabulary";

// What an account's owners send to its settings routes: browser-safe (zod only), so the routes'
// contracts (lib/contracts/settings.ts) hold them for the server and the browser alike.

/** A HighLevel API token as pasted into Settings. */
export const highLevelTokenSchema = z.object({
  token: z
    .string()
    .trim()
    .min(8, "paste the whole token")
    .max(4096)
    .regex(/^[\x21-\x7e]+$/, "a token has no spaces or unusual characters"),
});

/** An invitation of an email address to the account. */
export const invitationRequestSchema = z.object({
  email: z.email().transform((email) => email.toLowerCase()),
  role: z.enum(["owner", "member"]).default("member"),
});

export const accountRenameSchema = z.object({
  /** An empty name goes back to the provider's. */
  displayName: z.string().trim().max(120),
});

export const apiTokenRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** "send": the token may also send replies (and retry, dismiss or cancel them) in this account. */
  scope: apiTokenScopeSchema.default("read"),
});
