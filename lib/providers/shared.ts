import { z } from "zod";
import type { CallOutcome, Channel } from "@/lib/vocabulary";

// Schema pieces and normalisers more than one provider uses.

// Dates outside these years are a provider's bug, not a real time: stored, they would sort
// above every real conversation forever and break date arithmetic in reads (year 10000 does
// not fit an ISO string). The event fails with the reason and stays in the log instead.
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2200;

/** An ISO-8601 (or any Date-parseable) timestamp between 1900 and 2200, as a Date. */
export const timestampSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: "custom", message: `not a timestamp: ${String(value).slice(0, 40)}` });
    return z.NEVER;
  }
  const year = date.getUTCFullYear();
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
    ctx.addIssue({
      code: "custom",
      message: `date outside ${EARLIEST_YEAR}–${LATEST_YEAR}: ${String(value).slice(0, 40)}`,
    });
    return z.NEVER;
  }
  return date;
});

export const attachmentItemSchema = z.union([z.string(), z.looseObject({ url: z.string() })]);

export function attachmentUrl(item: z.infer<typeof attachmentItemSchema>): string {
  return typeof item === "string" ? item : item.url;
}

/** Numbers sometimes arrive as strings ("120"); anything unparseable is treated as absent. */
export const looseNumberSchema = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value) => {
    if (value == null || value === "") return null;
    const number = typeof value === "number" ? value : Number(value);
    return Number.isFinite(number) ? number : null;
  });

/**
 * A loose number that must fit its column: a value the column cannot hold (a score of 2^53, an
 * amount of 1e287) is a provider's bug, treated as absent like any other garbage rather than
 * failing the whole event and losing the message or opportunity around it.
 */
function boundedNumberSchema(min: number, max: number, round: boolean) {
  return looseNumberSchema.transform((value) => {
    if (value === null || value < min || value > max) return null;
    return round ? Math.round(value) : value;
  });
}

const INT4_MAX = 2_147_483_647;
/** Seconds, counts: a PostgreSQL integer, never negative. */
export const countSchema = boundedNumberSchema(0, INT4_MAX, true);
/** A score or rank: a PostgreSQL integer. */
export const integerSchema = boundedNumberSchema(-INT4_MAX, INT4_MAX, true);
/** Money: what numeric(14, 2) holds. */
export const moneySchema = boundedNumberSchema(-999_999_999_999.99, 999_999_999_999.99, false);

function squash(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, "");
}

const CHANNEL_ALIASES: Record<string, Channel> = {
  sms: "sms",
  text: "sms",
  mms: "sms",
  call: "call",
  phone: "call",
  phonecall: "call",
  voicemail: "voicemail",
  email: "email",
  gmb: "gmb",
  google: "gmb",
  googlebusiness: "gmb",
  googlemybusiness: "gmb",
  business: "gmb",
  fb: "facebook",
  facebook: "facebook",
  messenger: "facebook",
  ig: "instagram",
  instagram: "instagram",
  livechat: "live_chat",
  webchat: "live_chat",
  chat: "live_chat",
  whatsapp: "whatsapp",
  wa: "whatsapp",
  custom: "other",
};

/** "SMS", "TYPE_SMS", "Facebook", "Live Chat", "live_chat": our channel; unknown types are "other". */
export function channelFromType(type: string | number | null | undefined): Channel {
  if (typeof type !== "string") return "other";
  const key = squash(type).replace(/^type/, "");
  return CHANNEL_ALIASES[key] ?? "other";
}

/** The call's outcome from the provider's status words; the more specific callStatus wins. */
export function callOutcomeFrom(...statuses: Array<string | null | undefined>): CallOutcome {
  for (const status of statuses) {
    if (!status) continue;
    const word = squash(status);
    if (word.includes("voicemail")) return "voicemail";
    if (["completed", "answered", "success", "connected"].includes(word)) return "answered";
    if (["noanswer", "missed", "unanswered", "canceled", "cancelled", "notanswered"].includes(word)) return "no_answer";
    if (word === "busy") return "busy";
    if (["failed", "error", "undelivered"].includes(word)) return "failed";
    if (["ringing", "inprogress", "initiated", "queued"].includes(word)) return "in_progress";
  }
  return "unknown";
}

export function lowerOrNull(value: string | null | undefined): string | null {
  return value ? value.toLowerCase() : null;
}
