import type { RootDb } from "@/lib/db/client";
import type { AccountScope } from "@/lib/access/scope";
import type { ConversationSummary } from "@/lib/inbox/conversation-rows";
import { isReplyChannel, REPLY_CHANNELS, type ReplyChannel } from "@/lib/vocabulary";
import { type ChannelRules, channelRules, everyChannelUnavailable, NO_CHANNEL_RULES } from "./channel-rules";
import { highLevelConversationOfSameCustomer, type ReplyElsewhere } from "./reply-elsewhere";
import { canSendFrom } from "./transport";

// What the composer offers for one conversation, worked out on the server so every client shows
// the same: why nothing can be sent (before anyone types), the channels this customer can be
// reached on, the one to start on, and an email's subject.

export const VOXITY_CANNOT_SEND = "Voxity doesn't let other apps send; reply in Voxity or call";
export const TOKEN_NEEDED = "Add a HighLevel API token in Settings to reply";
export const NO_CONTACT = "This conversation has no HighLevel contact to send to";

export interface ReplyOptions {
  /** Why nothing can be sent here, or null. */
  blocked: {
    reason: string;
    settingsLink: boolean;
    phone: string | null;
    /** Voxity: the same customer's HighLevel conversation, to reply there ("Reply via HighLevel"). */
    replyVia?: ReplyElsewhere | null;
  } | null;
  channels: ReplyChannel[];
  /** The channel of the customer's last message we can answer on (a call: SMS). */
  defaultChannel: ReplyChannel | null;
  /** "Re: " the conversation's last email subject. */
  emailSubject: string | null;
  /** Channels this customer may not be written to on, with why (lib/replies/channel-rules.ts). */
  unavailable: ChannelRules["unavailable"];
  /** WhatsApp's 24-hour window when WhatsApp is offered: closed, only an approved template can go. */
  whatsapp: ChannelRules["whatsapp"];
}

export async function lastEmailSubject(db: RootDb, conversationId: string): Promise<string | null> {
  const last = await db.message.findFirst({
    where: { conversationId, channel: "email", subject: { not: null } },
    orderBy: { sentAt: "desc" },
    select: { subject: true },
  });
  return last?.subject ? `Re: ${last.subject.replace(/^re:\s*/i, "")}` : null;
}

async function lastInboundChannel(db: RootDb, conversationId: string): Promise<string | null> {
  const last = await db.message.findFirst({
    where: { conversationId, direction: "inbound" },
    orderBy: { sentAt: "desc" },
    select: { channel: true },
  });
  return last?.channel ?? null;
}

/** `scope`: the viewer's, where a Voxity customer's HighLevel conversation may be found. */
export async function replyOptions(
  db: RootDb,
  conversation: ConversationSummary,
  scope?: AccountScope,
): Promise<ReplyOptions> {
  const none = { channels: [], defaultChannel: null, emailSubject: null, ...NO_CHANNEL_RULES };
  const phone = conversation.customer?.phone ?? null;
  if (conversation.provider !== "highlevel") {
    const replyVia = scope
      ? await highLevelConversationOfSameCustomer(db, conversation.customer?.id ?? null, scope)
      : null;
    return { blocked: { reason: VOXITY_CANNOT_SEND, settingsLink: false, phone, replyVia }, ...none };
  }
  if (!conversation.customer) return { blocked: { reason: NO_CONTACT, settingsLink: false, phone: null }, ...none };
  if (!(await canSendFrom(db, conversation.account.id)))
    return { blocked: { reason: TOKEN_NEEDED, settingsLink: true, phone }, ...none };
  const reachable = new Set<string>(conversation.channels.filter(isReplyChannel));
  if (phone) reachable.add("sms");
  if (conversation.customer.email) reachable.add("email");
  const channels = REPLY_CHANNELS.filter((channel) => reachable.has(channel));
  const last = await lastInboundChannel(db, conversation.id);
  const preferred = last && isReplyChannel(last) ? last : last && phone ? "sms" : null;
  // Consent and WhatsApp's window: a channel the customer opted out of is shown, disabled, with why.
  const { callAllowed, ...rules } = await channelRules(db, conversation.customer.id, channels);
  const open = channels.filter((channel) => !rules.unavailable[channel]);
  if (channels.length > 0 && open.length === 0) {
    const reason = everyChannelUnavailable(rules);
    return { blocked: { reason, settingsLink: false, phone: callAllowed ? phone : null }, ...none, ...rules };
  }
  return {
    blocked: null,
    channels,
    defaultChannel: preferred && open.includes(preferred) ? preferred : (open[0] ?? null),
    emailSubject: channels.includes("email") ? await lastEmailSubject(db, conversation.id) : null,
    ...rules,
  };
}
