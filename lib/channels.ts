import { z } from "zod";

export const CHANNELS = [
  "sms",
  "call",
  "voicemail",
  "email",
  "facebook",
  "instagram",
  "gmb",
  "live_chat",
  "whatsapp",
  "other",
] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

export const DIRECTIONS = ["inbound", "outbound"] as const;
export const directionSchema = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof directionSchema>;

export const CALL_OUTCOMES = ["answered", "voicemail", "no_answer", "busy", "failed", "in_progress", "unknown"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const PROVIDERS = ["leadconnector", "voxity"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/**
 * The "channel:direction" tags a message gives its conversation. A call that ended in
 * voicemail also counts as voicemail, so the voicemail filter finds it.
 */
export function messageKinds(channel: Channel, direction: Direction, callOutcome: CallOutcome | null): string[] {
  const kinds = [`${channel}:${direction}`];
  if (channel === "call" && callOutcome === "voicemail") kinds.push(`voicemail:${direction}`);
  return kinds;
}

/** The kinds a list filter matches: any of the channels, in the given direction or either. */
export function kindsForFilter(channels: readonly Channel[], direction: Direction | null): string[] {
  const selected = channels.length > 0 ? channels : CHANNELS;
  const directions = direction ? [direction] : DIRECTIONS;
  return selected.flatMap((channel) => directions.map((d) => `${channel}:${d}`));
}

export function channelsFromKinds(kinds: readonly string[]): Channel[] {
  const seen = new Set(kinds.map((kind) => kind.split(":")[0]));
  return CHANNELS.filter((channel) => seen.has(channel));
}
