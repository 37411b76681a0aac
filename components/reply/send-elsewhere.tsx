"use client";

import { Send } from "lucide-react";
import type { Message } from "@/components/inbox-data/api-types";
import { CHANNEL_META } from "@/components/inbox-data/channel-meta";
import { useConversationDetail } from "@/components/inbox-data/queries";
import { Button } from "@/components/ui/button";
import { isReplyChannel } from "@/lib/vocabulary";
import { REPLY_TEXTBOX_ID } from "./composer";
import { restoreDraftText } from "./use-draft";

// "Send on another channel" beside a reply that did not go out: the composer opens on another
// channel this customer can be reached on (email when an SMS was refused, say) with the text, for
// the person to read and send. Nothing is sent by the click itself.

/** A reply's words without markup (an email's HTML read as text): what goes to the other channel. */
export function replyTextOf(message: Message): string {
  if (message.channel !== "email" || !message.body) return message.body ?? "";
  return new DOMParser().parseFromString(message.body, "text/html").body.textContent?.trim() ?? "";
}

export function SendElsewhere({
  conversationId,
  failedChannel,
  text,
}: {
  conversationId: string;
  failedChannel: string;
  text: string;
}) {
  const options = useConversationDetail(conversationId).data?.reply;
  const other = options?.channels.find((channel) => channel !== failedChannel && !options.unavailable[channel]);
  if (!other || !isReplyChannel(other)) return null;
  return (
    <Button
      size="sm"
      variant="secondary"
      title={`Open the composer on ${CHANNEL_META[other].label} with this text`}
      onClick={() => {
        restoreDraftText({ conversationId, text, channel: other });
        document.getElementById(REPLY_TEXTBOX_ID)?.focus();
      }}
    >
      <Send className="size-3.5" aria-hidden /> Send on another channel
    </Button>
  );
}
