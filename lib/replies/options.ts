import { highLevelTokenStatus } from "@/lib/access/highlevel-token";
import { getPrisma } from "@/lib/db";
import type { ConversationSummary } from "@/lib/inbox/conversations";
import { isReplyChannel, REPLY_CHANNELS, type ReplyChannel } from "@/lib/vocabulary";

// What the composer offers for one conversation, worked out on the server so every client shows
// the same: why nothing can be sent (before anyone types), the channels this customer can be
// reached on, the one to start on, and an email's subject.

export const VOXITY_CANNOT_SEND = "Voxity doesn't let other apps send; reply in Voxity or call";
export const TOKEN_NEEDED = "Add a HighLevel API token in Settings to reply";
export const NO_CONTACT = "This conversation has no HighLevel contact to send to";

export interface ReplyOptions {
  /** Why nothing can be sent here, or null. */
  blocked: { reason: string; settingsLink: boolean; phone: string | null } | null;
  channels: ReplyChannel[];
  /** The channel of the customer's last message we can answer on (a call: SMS). */
  defaultChannel: ReplyChannel | null;
  /** "Re: " the conversation's last email subject. */
  emailSubject: string | null;
}

export async function lastEmailSubject(conversationId: string): Promise<string | null> {
  const prisma = await getPrisma();
  const last = await prisma.message.findFirst({
    where: { conversationId, channel: "email", subject: { not: null } },
    orderBy: { sentAt: "desc" },
    select: { subject: true },
  });
  return last?.subject ? `Re: ${last.subject.replace(/^re:\s*/i, "")}` : null;
}

async function lastInboundChannel(conversationId: string): Promise<string | null> {
  const prisma = await getPrisma();
  const last = await prisma.message.findFirst({
    where: { conversationId, direction: "inbound" },
    orderBy: { sentAt: "desc" },
    select: { channel: true },
  });
  return last?.channel ?? null;
}

export async function replyOptions(conversation: ConversationSummary): Promise<ReplyOptions> {
  const none = { channels: [], defaultChannel: null, emailSubject: null };
  const phone = conversation.customer?.phone ?? null;
  if (conversation.provider !== "leadconnector")
    return { blocked: { reason: VOXITY_CANNOT_SEND, settingsLink: false, phone }, ...none };
  if (!conversation.customer) return { blocked: { reason: NO_CONTACT, settingsLink: false, phone: null }, ...none };
  if (!(await highLevelTokenStatus(conversation.account.id)).set)
    return { blocked: { reason: TOKEN_NEEDED, settingsLink: true, phone }, ...none };
  const reachable = new Set<string>(conversation.channels.filter(isReplyChannel));
  if (phone) reachable.add("sms");
  if (conversation.customer.email) reachable.add("email");
  const channels = REPLY_CHANNELS.filter((channel) => reachable.has(channel));
  const last = await lastInboundChannel(conversation.id);
  const preferred = last && isReplyChannel(last) ? last : last && phone ? "sms" : null;
  return {
    blocked: null,
    channels,
    defaultChannel: preferred && channels.includes(preferred) ? preferred : (channels[0] ?? null),
    emailSubject: channels.includes("email") ? await lastEmailSubject(conversation.id) : null,
  };
}
