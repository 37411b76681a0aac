import type { RootDb } from "@/lib/db/client";
import type { ReplyChannel } from "@/lib/vocabulary";
import { customerConsent } from "./consent";
import { type WhatsAppWindow, whatsAppWindow, whatsAppWindowProblem } from "./whatsapp-window";

// What the rules that protect the business (lib/replies/rules.ts) mean for the composer, worked
// out before anyone types: the channels it must not offer and why, and on WhatsApp whether free
// text may go or only an approved template.

export interface ChannelRules {
  /** The customer's channels that may not be written to, each with why (the picker shows them disabled). */
  unavailable: Partial<Record<ReplyChannel, string>>;
  /**
   * WhatsApp's 24-hour window, when WhatsApp is offered; `reason` (set when it is closed) is why
   * only a template may go, and the composer offers the location's approved templates.
   */
  whatsapp: (WhatsAppWindow & { reason: string | null }) | null;
}

export const NO_CHANNEL_RULES: ChannelRules = { unavailable: {}, whatsapp: null };

export async function channelRules(
  db: RootDb,
  customerId: string,
  channels: readonly ReplyChannel[],
  now: Date = new Date(),
): Promise<ChannelRules & { callAllowed: boolean }> {
  const consent = await customerConsent(db, customerId, now);
  const unavailable: ChannelRules["unavailable"] = {};
  for (const channel of channels) {
    const reason = consent[channel].reason;
    if (!consent[channel].allowed && reason) unavailable[channel] = reason;
  }
  const window = channels.includes("whatsapp") ? await whatsAppWindow(db, customerId, now) : null;
  const whatsapp = window ? { ...window, reason: whatsAppWindowProblem(window, now, now) } : null;
  return { unavailable, whatsapp, callAllowed: consent.call.allowed };
}

/** Every channel offered is unavailable: why, once per reason. */
export const everyChannelUnavailable = (rules: ChannelRules): string =>
  [...new Set(Object.values(rules.unavailable))].join("; ");
