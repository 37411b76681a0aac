import { z } from "zod";
import { replyChannelSchema } from "@/lib/vocabulary";

// What the composer sends (browser-safe: the composer checks the same before it posts).

/** HighLevel's limit for one SMS message: 1,600 characters (10 segments of 160). */
export const SMS_MAX_CHARACTERS = 1_600;
/** Long enough for any email a person writes by hand. */
export const TEXT_MAX_CHARACTERS = 20_000;

export const replyInputSchema = z
  .object({
    /** The composer's id for one press of Send: a second request with it is the same reply. */
    clientKey: z
      .string()
      .min(8)
      .max(100)
      .regex(/^[\w-]+$/, "clientKey is letters, digits, - and _"),
    channel: replyChannelSchema,
    /** Sent exactly as typed. */
    text: z.string().max(TEXT_MAX_CHARACTERS),
    /** Email only; "Re: …" of the last email when left out. */
    subject: z.string().trim().max(300).optional(),
  })
  .superRefine((input, context) => {
    if (input.text.trim() === "")
      context.addIssue({ code: "custom", path: ["text"], message: "write something to send" });
    if (input.channel === "sms" && input.text.length > SMS_MAX_CHARACTERS)
      context.addIssue({
        code: "custom",
        path: ["text"],
        message: `an SMS can be at most ${SMS_MAX_CHARACTERS.toLocaleString("en-US")} characters`,
      });
  });
export type ReplyInput = z.infer<typeof replyInputSchema>;
