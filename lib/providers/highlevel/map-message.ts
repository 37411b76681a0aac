import type { Direction } from "@/lib/vocabulary";
import type { MessageFacts } from "@/lib/providers/contract";
import { attachmentKind } from "@/lib/normalize/attachments";
import { splitAddresses } from "@/lib/normalize/email-addresses";
import { attachmentUrl, callOutcomeFrom, channelFromType, lowerOrNull } from "@/lib/providers/shared";
import type { MessageEvent } from "./schemas";

/** The payload's direction when it says one; otherwise what its type implies. Direction wins over type. */
export function messageDirection(event: { type?: string; direction?: string | null }): Direction {
  const said = event.direction?.toLowerCase();
  if (said === "inbound" || said === "outbound") return said;
  return event.type === "OutboundMessage" ? "outbound" : "inbound";
}

/** HighLevel's message id; for payloads without one (the docs' outbound SMS) a hash of the payload, computed only then. */
export function messageExternalId(
  event: { messageId?: string | null; emailMessageId?: string | null },
  fallback: () => string,
): string {
  return event.messageId || event.emailMessageId || `sha256:${fallback()}`;
}

export function mapMessage(event: MessageEvent, externalId: string, receivedAt: Date): MessageFacts {
  const channel = channelFromType(event.messageType);
  const isCall = channel === "call" || channel === "voicemail";
  const outcome = channel === "voicemail" ? "voicemail" : callOutcomeFrom(event.callStatus, event.status);
  const attachmentContext =
    channel === "voicemail" || (channel === "call" && outcome === "voicemail")
      ? "voicemail"
      : channel === "call"
        ? "call"
        : "other";
  return {
    externalId,
    conversationExternalId: event.conversationId,
    customerExternalId: event.contactId ?? null,
    channel,
    direction: messageDirection(event),
    status: lowerOrNull(event.status),
    body: event.body ?? null,
    contentType: event.contentType ?? null,
    subject: event.subject ?? null,
    email:
      channel === "email"
        ? {
            from: event.from ?? null,
            to: splitAddresses(event.to),
            cc: splitAddresses(event.cc),
            bcc: splitAddresses(event.bcc),
            threadId: event.threadId ?? null,
            messageId: event.emailMessageId ?? null,
          }
        : null,
    // A missed or busy call reports 0 seconds: that is no duration, not a call of 0:00.
    call: isCall ? { durationSeconds: event.callDuration ? event.callDuration : null, outcome } : null,
    authorName: event.userName ?? null,
    authorExternalId: event.userId ?? null,
    source: event.source ?? null,
    sentAt: event.dateAdded ?? event.timestamp ?? receivedAt,
    attachments: (event.attachments ?? []).map((item) => {
      const url = attachmentUrl(item);
      return { url, kind: attachmentKind(url, attachmentContext) };
    }),
  };
}
