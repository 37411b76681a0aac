"use client";

import { ArrowRight } from "lucide-react";
import type { ReplyOptions } from "@/components/inbox-data/api-types";
import { useInboxState } from "@/components/inbox-data/use-inbox-state";

type Target = NonNullable<NonNullable<ReplyOptions["blocked"]>["replyVia"]>;

/**
 * Under a Voxity conversation (Voxity lets no other app send): the same customer's HighLevel
 * conversation, where the composer is. A plain click opens it here with the list's filters kept;
 * it is a real link too (a new tab, a copied address).
 */
export function ReplyViaHighLevel({ target }: { target: Target }) {
  const { openConversation } = useInboxState();
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <a
        href={`/?c=${encodeURIComponent(target.conversationId)}`}
        className="inline-flex items-center gap-1 font-medium underline"
        data-testid="reply-via-highlevel"
        onClick={(event) => {
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          openConversation(target.conversationId);
        }}
      >
        <ArrowRight className="size-3.5" aria-hidden />
        Reply via HighLevel
      </a>
      <span className="text-text-muted">({target.account.name})</span>
    </span>
  );
}
