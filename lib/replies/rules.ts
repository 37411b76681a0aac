import type { RootDb } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import type { ReplyChannel } from "@/lib/vocabulary";
import { customerConsent } from "./consent";
import type { ReplyInput } from "./validations";
import { whatsAppTemplates } from "./whatsapp-templates";
import { whatsAppWindow, whatsAppWindowProblem } from "./whatsapp-window";

// The rules that protect the business, checked by the server whatever the client says: no
// message on a channel the customer opted out of (or HighLevel's Do Not Disturb covers), and on
// WhatsApp only an approved template once 24 hours have passed since the customer last wrote.
// The send route refuses with the composer's own words; the send job checks again just before it
// calls HighLevel (a reply may wait behind the rate limit, or be retried days later).

export const NOT_A_TEMPLATE =
  "That template isn't one of this location's approved WhatsApp templates (it may have been removed): pick another";

interface Recipient {
  customerId: string;
  account: { id: string; externalId: string };
}

/**
 * At the send route, before anything is stored: refuses (409, or 400 for an unknown template)
 * what the rules forbid, and answers the input to store — a template's reply carries its text.
 */
export async function checkReplyRules(
  db: RootDb,
  recipient: Recipient,
  input: ReplyInput,
  sendAt: Date | null,
  now: Date = new Date(),
): Promise<ReplyInput> {
  const consent = (await customerConsent(db, recipient.customerId, now))[input.channel];
  if (!consent.allowed) throw new HttpError(409, consent.reason ?? "This customer can't be written to here");
  if (input.channel !== "whatsapp") return input;
  if (input.templateId !== undefined) {
    const template = (await whatsAppTemplates(recipient.account)).find(({ id }) => id === input.templateId);
    if (!template) throw new HttpError(400, NOT_A_TEMPLATE);
    return { ...input, text: template.body || template.name };
  }
  const problem = whatsAppWindowProblem(await whatsAppWindow(db, recipient.customerId, now), sendAt ?? now, now);
  if (problem) throw new HttpError(409, problem);
  return input;
}

/**
 * In the send job, just before HighLevel is called: why the reply must not go out now, or null.
 * `at` is when it will reach the customer (a scheduled time, or now).
 */
export async function sendTimeRefusal(
  db: RootDb,
  reply: { customerId: string; channel: ReplyChannel; templateId: string | null },
  at: Date,
  now: Date = new Date(),
): Promise<string | null> {
  const consent = (await customerConsent(db, reply.customerId, now))[reply.channel];
  if (!consent.allowed) return consent.reason;
  if (reply.channel !== "whatsapp" || reply.templateId) return null;
  return whatsAppWindowProblem(await whatsAppWindow(db, reply.customerId, now), at, now);
}
