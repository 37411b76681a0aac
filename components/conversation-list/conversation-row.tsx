import { ArrowDownLeft, ArrowUpRight } from "lucide-react";
import type { ConversationSummary } from "@/components/inbox-data/api-types";
import { ChannelIcon } from "@/components/inbox-data/channel-meta";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { customerLabel, formatRelative } from "@/lib/format";

interface Props {
  conversation: ConversationSummary;
  selected: boolean;
  href: string;
  onOpen: () => void;
}

export function ConversationRow({ conversation, selected, href, onOpen }: Props) {
  const unread = conversation.unreadCount > 0;
  const last = conversation.lastMessage;
  return (
    <a
      href={href}
      data-conversation-id={conversation.id}
      data-testid="conversation-row"
      aria-current={selected ? "page" : undefined}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        onOpen();
      }}
      className={cn(
        "flex h-full flex-col justify-center gap-0.5 border-b border-border-subtle px-3 py-2",
        // Inset ring: the list scrolls, and an outer ring would be clipped at its edges.
        "outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-focus",
        selected ? "bg-accent-soft" : "hover:bg-surface-hover",
      )}
    >
      <div className="flex items-center gap-2">
        {unread && <span className="size-2 shrink-0 rounded-full bg-accent" aria-hidden />}
        <span data-testid="conversation-name" className={cn("truncate text-sm text-text", unread && "font-semibold")}>
          {customerLabel(conversation.customer)}
        </span>
        <span className="ml-auto flex shrink-0 items-center gap-1 text-text-muted">
          {conversation.channels.slice(0, 4).map((channel) => (
            <ChannelIcon key={channel} channel={channel} className="size-3.5" />
          ))}
        </span>
        <time className="shrink-0 text-xs text-text-muted" dateTime={conversation.lastMessageAt ?? undefined}>
          {formatRelative(conversation.lastMessageAt)}
        </time>
      </div>
      <div className="flex items-center gap-1.5 text-xs text-text-muted">
        {last &&
          (last.direction === "inbound" ? (
            <ArrowDownLeft className="size-3 shrink-0" aria-label="Inbound" role="img" />
          ) : (
            <ArrowUpRight className="size-3 shrink-0" aria-label="Outbound" role="img" />
          ))}
        <span className={cn("truncate", unread && "text-text")} data-testid="conversation-preview">
          {last?.preview ?? (last ? "(no text)" : "")}
        </span>
        {unread && (
          <Badge tone="count" className="ml-auto">
            {conversation.unreadCount}
            <span className="sr-only"> unread</span>
          </Badge>
        )}
      </div>
    </a>
  );
}
