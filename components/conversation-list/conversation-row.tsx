import { ArrowDownLeft, ArrowUpRight } from "lucide-react";
import type { ConversationSummary } from "@/components/inbox/api-types";
import { ChannelIcon } from "@/components/inbox/channel-meta";
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
      className={`flex h-full flex-col justify-center gap-0.5 border-b border-slate-100 px-3 py-2 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-600 ${selected ? "bg-blue-50" : "hover:bg-slate-50"}`}
    >
      <div className="flex items-center gap-2">
        {unread && <span className="size-2 shrink-0 rounded-full bg-blue-600" aria-hidden />}
        <span data-testid="conversation-name" className={`truncate text-sm ${unread ? "font-semibold text-slate-950" : "text-slate-800"}`}>{customerLabel(conversation.customer)}</span>
        <span className="ml-auto flex shrink-0 items-center gap-1 text-slate-500">
          {conversation.channels.slice(0, 4).map((channel) => (
            <ChannelIcon key={channel} channel={channel} className="size-3.5" />
          ))}
        </span>
        <time className="shrink-0 text-xs text-slate-600" dateTime={conversation.lastMessageAt ?? undefined}>
          {formatRelative(conversation.lastMessageAt)}
        </time>
      </div>
      <div className="flex items-center gap-1.5 text-xs text-slate-600">
        {last &&
          (last.direction === "inbound" ? (
            <ArrowDownLeft className="size-3 shrink-0" aria-label="Inbound" role="img" />
          ) : (
            <ArrowUpRight className="size-3 shrink-0" aria-label="Outbound" role="img" />
          ))}
        <span className={`truncate ${unread ? "text-slate-900" : ""}`} data-testid="conversation-preview">
          {last?.preview ?? (last ? "(no text)" : "")}
        </span>
        {unread && (
          <span className="ml-auto shrink-0 rounded-full bg-blue-600 px-1.5 text-[11px] font-semibold text-white">
            {conversation.unreadCount}
            <span className="sr-only"> unread</span>
          </span>
        )}
      </div>
    </a>
  );
}
