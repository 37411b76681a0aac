import type { Channel, ConsentChannel } from "@/lib/vocabulary";
import { isConsentChannel } from "@/lib/vocabulary";

// A customer's own words about being written to: a message whose whole text is an opt-out
// keyword blocks the channel it came on; an opt-in keyword lifts such a block (only that one: a
// DND set in HighLevel stays until HighLevel lifts it).
//
// Opt-out: the carriers' and CTIA's set (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT) and the
// Spanish BAJA and CANCELAR. Opt-in: START and UNSTOP (the carriers' words) and the Spanish ALTA;
// not YES, which carriers also take but which is too often a plain answer to a question.

export const OPT_OUT_KEYWORDS = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "BAJA", "CANCELAR"];
export const OPT_IN_KEYWORDS = ["START", "UNSTOP", "ALTA"];

export interface KeywordConsent {
  channel: ConsentChannel;
  blocked: boolean;
  /** The keyword as the customer wrote it, upper-cased ("STOP"). */
  keyword: string;
}

/**
 * The whole text, trimmed, any case, with trailing punctuation ("Stop.", "STOP!") and accents
 * ("Bajá") forgiven; anything more ("stop texting me at night") is a message, not a keyword.
 */
export function keywordOf(text: string | null): string | null {
  if (!text) return null;
  const word = text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .trim()
    .replace(/[.!¡¿?\s]+$/u, "")
    .replace(/^[¡¿\s]+/u, "")
    .toUpperCase();
  return OPT_OUT_KEYWORDS.includes(word) || OPT_IN_KEYWORDS.includes(word) ? word : null;
}

/**
 * What an inbound message says about consent on its channel, or null. Text channels only: a call
 * says nothing, and an email's text is HTML with the quoted thread below it (email opt-outs come
 * as HighLevel's Email DND, set by its unsubscribe link).
 */
export function keywordConsent(channel: Channel, text: string | null): KeywordConsent | null {
  if (!isConsentChannel(channel) || channel === "call" || channel === "email") return null;
  const keyword = keywordOf(text);
  if (!keyword) return null;
  return { channel, blocked: OPT_OUT_KEYWORDS.includes(keyword), keyword };
}
