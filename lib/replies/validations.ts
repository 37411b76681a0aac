import { z } from "zod";
import { replyChannelSchema } from "@/lib/vocabulary";
import { ATTACHMENT_CHANNEL_NAMES, ATTACHMENT_RULES, MAX_ATTACHMENTS } from "./attachment-limits";
import { sendAtSchema } from "./send-later";

// What the composer sends (browser-safe: the composer checks the same before it posts).

/** HighLevel's limit for one SMS message: 1,600 characters (10 segments of 160). */
export const SMS_MAX_CHARACTERS = 1_600;
/** Long enough for any email a person writes by hand. */
export const TEXT_MAX_CHARACTERS = 20_000;
/** Cc or Bcc addresses on one email reply. */
export const MAX_COPY_ADDRESSES = 20;

/** Addresses as a person types them into Cc or Bcc: separated by commas, semicolons or spaces. */
export function typedAddresses(typed: string | null | undefined): string[] {
  return (typed ?? "").split(/[\s,;]+/).filter((address) => address !== "");
}

const emailAddress = z.email();

/** Cc or Bcc: a list of addresses, each checked; a bad one is named in the 400 ("cc: …"). */
const copyAddresses = z
  .array(z.string().trim().max(320))
  .max(MAX_COPY_ADDRESSES, `at most ${MAX_COPY_ADDRESSES} addresses`)
  .superRefine((addresses, context) => {
    for (const address of addresses)
      if (!emailAddress.safeParse(address).success)
        context.addIssue({ code: "custom", message: `"${address}" is not an email address` });
  });

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
    /** Email only: copies (HighLevel's emailCc, emailBcc). */
    cc: copyAddresses.optional(),
    bcc: copyAddresses.optional(),
    /** Send later: HighLevel holds it until then (lib/replies/send-later.ts); left out: now. */
    sendAt: sendAtSchema.optional(),
    /**
     * WhatsApp only: send this approved template of the location's (the only thing WhatsApp allows
     * 24 hours after the customer last wrote); `text` may then be empty: the template's is sent.
     */
    templateId: z.string().trim().min(1).max(200).optional(),
    /**
     * Files, as the URLs the attachments route answered (HighLevel's upload endpoint made them);
     * the text may then be empty.
     */
    attachments: z
      .array(
        z
          .string()
          .max(2_000)
          .refine((url) => /^https?:\/\/[^\s]+$/i.test(url) && URL.canParse(url), "an attachment is an http(s) URL"),
      )
      .max(MAX_ATTACHMENTS, `at most ${MAX_ATTACHMENTS} attachments`)
      .optional(),
  })
  .superRefine((input, context) => {
    if (input.templateId !== undefined && input.channel !== "whatsapp")
      context.addIssue({ code: "custom", path: ["templateId"], message: "templates are for WhatsApp replies only" });
    if ((input.cc?.length || input.bcc?.length) && input.channel !== "email")
      context.addIssue({ code: "custom", path: ["cc"], message: "Cc and Bcc are for email replies only" });
    const files = input.attachments?.length ?? 0;
    if (files > 0 && input.templateId !== undefined)
      context.addIssue({ code: "custom", path: ["attachments"], message: "a template goes without attachments" });
    if (files > 0 && ATTACHMENT_RULES[input.channel].length === 0)
      context.addIssue({
        code: "custom",
        path: ["attachments"],
        message: `Files can't be sent by ${ATTACHMENT_CHANNEL_NAMES[input.channel]}`,
      });
    if (input.text.trim() === "" && input.templateId === undefined && files === 0)
      context.addIssue({ code: "custom", path: ["text"], message: "write something to send" });
    if (input.channel === "sms" && input.text.length > SMS_MAX_CHARACTERS)
      context.addIssue({
        code: "custom",
        path: ["text"],
        message: `an SMS can be at most ${SMS_MAX_CHARACTERS.toLocaleString("en-US")} characters`,
      });
  });
export type ReplyInput = z.infer<typeof replyInputSchema>;

// GSM 03.38: the basic set costs one septet, the extension set two (an escape first); any other
// character makes the whole message UCS-2.
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENSION = "^{}\\[~]|€\f";

export interface SmsSize {
  encoding: "GSM-7" | "UCS-2";
  /** Characters as the carrier counts them (septets for GSM-7, UTF-16 units for UCS-2). */
  units: number;
  segments: number;
  /** Per segment: 160/153 (GSM-7) or 70/67 (UCS-2) once it takes more than one. */
  perSegment: number;
}

/** How many SMS segments a text takes, as carriers bill it. */
export function smsSize(text: string): SmsSize {
  let septets = 0;
  let gsm = true;
  for (const character of text) {
    if (GSM_BASIC.includes(character)) septets += 1;
    else if (GSM_EXTENSION.includes(character)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  const units = gsm ? septets : text.length;
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  const segments = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / multi);
  return { encoding: gsm ? "GSM-7" : "UCS-2", units, segments, perSegment: segments > 1 ? multi : single };
}
