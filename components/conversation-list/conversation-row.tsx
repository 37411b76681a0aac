import { ArrowDownLeft, ArrowUpRight } from "lucide-react";
import type { ConversationSummary } from "@/components/inbox-data/api-types";
import { CHANNEL_META, ChannelIcon } from "@/components/inbox-data/channel-meta";
import type { Channel } from "@/lib/vocabulary";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { customerLabel, formatFullDate, formatRelative } from "@/lib/format";
import type { View } from "@/components/inbox-data/api-client";
import { AssigneeBadge } from "@/components/team/assignee-badge";
import { LabelChip } from "@/components/team/label-chip";
import { SearchHitPreview } from "./search-hit-preview";
import { TriageMarks } from "./triage-marks";

const SHOWN_MARKS = 3;

/** Up to three channel marks, then "+N" naming the rest (in its tooltip and accessible name). */
function ChannelMarks({ channels }: { channels: Channel[] }) {
  const shown = channels.length > SHOWN_MARKS + 1 ? channels.slice(0, SHOWN_MARKS) : channels;
  const rest = channels.slice(shown.length).map((channel) => CHANNEL_META[channel].label);
  return (
    <span className="ml-auto flex shrink-0 items-center gap-1 text-text-muted" data-testid="channel-marks">
      {shown.map((channel) => (
        <ChannelIcon key={channel} channel={channel} className="size-3.5" />
      ))}
      {rest.length > 0 && (
        <span
          role="img"
          aria-label={`and ${rest.join(", ")}`}
          title={rest.join(", ")}
          className="rounded-[4px] bg-surface-hover px-1 text-[10px] font-semibold text-text"
        >
          +{rest.length}
        </span>
      )}
    </span>
  );
}

interface Props {
  conversation: ConversationSummary;
  selected: boolean;
  href: string;
  onOpen: () => void;
  /** The view the list shows: it decides which triage marks the row carries. */
  view: View | null;
  /** The account's name, when the viewer reads several and the list is not narrowed to one. */
  accountName?: string | null;
  /** Selected for a bulk action. */
  checked?: boolean;
  /** Shift+click: select the rows from the last one ticked to this one. */
  onShiftClick?: () => void;
  /** The pointer or the focus is on the row: load its thread now, so opening it is instant. */
  onPrefetch?: () => void;
  /** The list's search words: the hit's excerpt marks them. */
  searchWords?: string[];
}

export function ConversationRow({
  conversation,
  selected,
  href,
  onOpen,
  view,
  accountName,
  checked,
  onShiftClick,
  onPrefetch,
  searchWords = [],
}: Props) {
  const unread = conversation.unreadCount > 0;
  const last = conversation.lastMessage;
  const hit = conversation.searchHit;
  return (
    <a
      href={href}
      data-conversation-id={conversation.id}
      data-testid="conversation-row"
      aria-current={selected ? "page" : undefined}
      onMouseEnter={onPrefetch}
      onFocus={onPrefetch}
      onClick={(event) => {
        if (event.shiftKey && onShiftClick && event.button === 0) {
          event.preventDefault();
          onShiftClick();
          return;
        }
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        onOpen();
      }}
      className={cn(
        "flex h-16 min-w-0 flex-1 flex-col justify-center gap-0.5 border-b border-border-subtle py-2 pr-3",
        // Inset ring: the list scrolls, and an outer ring would be clipped at its edges.
        "outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-focus",
        selected || checked ? "bg-accent-soft" : "hover:bg-surface-hover",
      )}
    >
      <div className="flex items-center gap-2">
        {unread && <span className="size-2 shrink-0 rounded-full bg-accent" aria-hidden />}
        <span data-testid="conversation-name" className={cn("truncate text-sm text-text", unread && "font-semibold")}>
          {customerLabel(conversation.customer)}
        </span>
        {accountName && (
          // basis 0: the account takes only the room the customer's name leaves, so it gives way first.
          <span data-testid="conversation-account" className="min-w-8 flex-1 basis-0 truncate text-xs text-text-muted">
            {accountName}
          </span>
        )}
        {conversation.assignee && <AssigneeBadge name={conversation.assignee.name} />}
        <ChannelMarks channels={conversation.channels} />
        <time
          className="shrink-0 text-xs text-text-muted"
          dateTime={conversation.lastMessageAt ?? undefined}
          title={conversation.lastMessageAt ? formatFullDate(conversation.lastMessageAt) : undefined}
        >
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
          {hit?.excerpt ? (
            <SearchHitPreview hit={{ ...hit, excerpt: hit.excerpt }} words={searchWords} />
          ) : (
            (last?.preview ?? (last ? "(no text)" : ""))
          )}
        </span>
        <span className="ml-auto flex shrink-0 items-center gap-1">
          {/* Two chips fit a row; the rest are counted (all are in the thread). */}
          {conversation.labels.slice(0, 2).map((label) => (
            <LabelChip key={label.id} label={label} className="max-w-20" />
          ))}
          {conversation.labels.length > 2 && <span className="text-[11px]">+{conversation.labels.length - 2}</span>}
          <TriageMarks conversation={conversation} view={view} />
        </span>
        {unread && (
          <Badge tone="count">
            {conversation.unreadCount}
            <span className="sr-only"> unread</span>
          </Badge>
        )}
      </div>
    </a>
  );
}
