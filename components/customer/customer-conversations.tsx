"use client";

import { useConversationList } from "@/components/inbox-data/queries";
import { ChannelIcon } from "@/components/inbox-data/channel-meta";
import { cn } from "@/components/ui/cn";
import { formatRelative } from "@/lib/format";
import { PROVIDER_LABEL } from "./same-person";
import { useSamePerson } from "./same-person-api";

/**
 * The customer's conversations, in the panel beside the open thread: opening one keeps the
 * list's filters and the thread pane (filtering the whole list to one customer closed the thread
 * and left a one-row list). One conversation says so. A customer an owner linked as the same
 * person (same-person.tsx) adds their conversation, named by where it is.
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
  const linked = (useSamePerson(customerId).data?.matches ?? []).flatMap((match) =>
    match.status === "linked" && match.conversation ? [{ ...match.conversation, match }] : [],
  );
  const row = (selected: boolean) =>
    cn(
      "flex w-full items-center gap-2 rounded-control px-2 py-1.5 text-left text-sm hover:bg-surface-hover pointer-coarse:min-h-11",
      selected && "bg-accent-soft",
    );
  return (
    <section data-testid="customer-conversations">
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-text-muted">Conversations</h3>
      {query.isPending ? (
        <p className="text-sm text-text-muted">Loading…</p>
      ) : conversations.length + linked.length <= 1 ? (
        <p className="text-sm text-text-muted">This is their only conversation.</p>
      ) : (
        <ul className="space-y-1">
          {conversations.map((conversation) => (
            <li key={conversation.id}>
              <button
                type="button"
                aria-current={conversation.id === openId ? "page" : undefined}
                onClick={() => onOpen(conversation.id)}
                className={row(conversation.id === openId)}
              >
                {conversation.lastMessage && (
                  <ChannelIcon channel={conversation.lastMessage.channel} className="size-3.5" />
                )}
                <span className="min-w-0 flex-1 truncate">{conversation.lastMessage?.preview ?? "(no text)"}</span>
                <span className="shrink-0 text-xs text-text-muted">{formatRelative(conversation.lastMessageAt)}</span>
              </button>
            </li>
          ))}
          {linked.map(({ id, lastMessageAt, match }) => (
            <li key={id} data-testid="linked-conversation">
              <button
                type="button"
                aria-current={id === openId ? "page" : undefined}
                onClick={() => onOpen(id)}
                className={row(id === openId)}
              >
                <span className="min-w-0 flex-1 truncate">
                  {PROVIDER_LABEL[match.provider] ?? match.provider} · {match.account.name}
                </span>
                <span className="shrink-0 text-xs text-text-muted">{formatRelative(lastMessageAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
