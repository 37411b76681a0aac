"use client";

import { AlarmClock, ArrowLeft, UserRound } from "lucide-react";
import type { ConversationDetail, Label, Member } from "@/components/inbox-data/api-types";
import { LabelChip } from "@/components/team/label-chip";
import { AssigneeBadge } from "@/components/team/assignee-badge";
import { Button } from "@/components/ui/button";
import { IconButton } from "@/components/ui/icon-button";
import { customerLabel, formatWakeTime } from "@/lib/format";
import { ThreadActions } from "./thread-actions";

export interface ThreadCommands {
  onToggleDone: (id: string) => void;
  onMarkUnread: (id: string) => void;
  onAssign: (id: string, assignee: Member | null) => void;
  onSnooze: (id: string, until: Date) => void;
  onUnsnooze: (id: string) => void;
  onToggleLabel: (id: string, current: Label[], label: Label, on: boolean) => void;
}

/** The open conversation's bar: back (phone), who it is with, who has it, the actions, the customer pane (below 1200 px). */
export function ThreadHeader({
  detail,
  failed,
  meId,
  showAccount,
  commands,
  onBack,
  onShowCustomer,
}: {
  detail: ConversationDetail | undefined;
  failed: boolean;
  meId: string;
  showAccount: boolean;
  commands: ThreadCommands;
  onBack: () => void;
  onShowCustomer: () => void;
}) {
  const conversation = detail?.conversation;
  return (
    <div className="border-b border-border">
      <div className="flex items-center gap-2 px-3 py-2 max-sm:flex-wrap">
        <IconButton label="Back to conversations" size="sm" onClick={onBack} className="md:hidden">
          <ArrowLeft className="size-5" aria-hidden />
        </IconButton>
        <h2 className="truncate text-sm font-semibold" data-testid="thread-title">
          {conversation ? customerLabel(conversation.customer) : failed ? "Conversation not found" : "…"}
        </h2>
        {showAccount && conversation && (
          // basis 0: the account takes only the room the customer's name leaves (it gives way first).
          <span data-testid="thread-account" className="min-w-0 flex-1 basis-0 truncate text-xs text-text-muted">
            {conversation.account.name}
          </span>
        )}
        {conversation?.assignee && <AssigneeBadge name={conversation.assignee.name} />}
        {conversation?.snoozedUntil && (
          <span
            className="inline-flex shrink-0 items-center gap-1 text-xs text-text-muted"
            data-testid="thread-snoozed"
          >
            <AlarmClock className="size-3.5" aria-hidden />
            <span className="max-sm:sr-only">Snoozed until</span> {formatWakeTime(conversation.snoozedUntil)}
          </span>
        )}
        {detail && <ThreadActions detail={detail} meId={meId} {...commands} />}
        <Button variant="secondary" size="sm" onClick={onShowCustomer} className="min-[1200px]:hidden">
          <UserRound className="size-3.5" aria-hidden /> <span className="max-sm:sr-only">Customer</span>
        </Button>
      </div>
      {conversation && conversation.labels.length > 0 && (
        <ul aria-label="Labels" className="flex flex-wrap gap-1 px-3 pb-1.5" data-testid="thread-labels">
          {conversation.labels.map((label) => (
            <li key={label.id}>
              <LabelChip label={label} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
