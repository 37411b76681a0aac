"use client";

import { useConversationList } from "@/components/inbox-data/queries";
import { ChannelIcon } from "@/components/inbox-data/channel-meta";
import { cn } from "@/components/ui/cn";
import { formatRelative } from "@/lib/format";

/**
 * The customer's conversations, in the panel beside the open thread: opening one keeps the
 * list's filters and the thread pane (filtering the whole list to one customer closed the thread
 * and left a one-row list). One conversation says so.
 */
export function CustomerConversations({
  customerId,
  openId,
  onOpen,
}: {
  customerId: string;
  openId: string;
  onOpen: (id: string) => void;
}) {
  const query = useConversationList({
    channels: [],
    direction: null,
    unread: false,
    q: "",
    customerId,
    view: null,
    state: null,
    account: null,
    label: null,
    missedOn: null,
  });
  const conversations = query.data?.pages.flatMap((page) => page.conversations) ?? [];
  return (
    <section data-testid="customer-conversations">
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-text-muted">Conversations</h3>
      {query.isPending ? (
        <p className="text-sm text-text-muted">Loading…</p>
      ) : conversations.length <= 1 ? (
        <p className="text-sm text-text-muted">This is their only conversation.</p>
      ) : (
        <ul className="space-y-1">
          {conversations.map((conversation) => (
            <li key={conversation.id}>
              <button
                type="button"
                aria-current={conversation.id === openId ? "page" : undefined}
                onClick={() => onOpen(conversation.id)}
                className={cn(
                  "flex w-full items-center gap-2 rounded-control px-2 py-1.5 text-left text-sm hover:bg-surface-hover pointer-coarse:min-h-11",
                  conversation.id === openId && "bg-accent-soft",
                )}
              >
                {conversation.lastMessage && (
                  <ChannelIcon channel={conversation.lastMessage.channel} className="size-3.5" />
                )}
                <span className="min-w-0 flex-1 truncate">{conversation.lastMessage?.preview ?? "(no text)"}</span>
                <span className="shrink-0 text-xs text-text-muted">{formatRelative(conversation.lastMessageAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
