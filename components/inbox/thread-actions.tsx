"use client";

import { CheckCheck, MailWarning, RotateCcw } from "lucide-react";
import type { ConversationDetail, Label, Member } from "@/components/inbox-data/api-types";
import { AssignMenu } from "@/components/team/assign-menu";
import { LabelMenu } from "@/components/team/label-menu";
import { SnoozeMenu } from "@/components/team/snooze-menu";
import { Button } from "@/components/ui/button";

/** The open thread's triage buttons (the same commands as `a`, `s`, `l`, `u` and `e`); on a phone, icons on a row of their own under the name. */
export function ThreadActions({
  detail,
  meId,
  onToggleDone,
  onMarkUnread,
  onAssign,
  onSnooze,
  onUnsnooze,
  onToggleLabel,
}: {
  detail: ConversationDetail;
  meId: string;
  onToggleDone: (id: string) => void;
  onMarkUnread: (id: string) => void;
  onAssign: (id: string, assignee: Member | null) => void;
  onSnooze: (id: string, until: Date) => void;
  onUnsnooze: (id: string) => void;
  onToggleLabel: (id: string, current: Label[], label: Label, on: boolean) => void;
}) {
  const { conversation } = detail;
  return (
    <div className="ml-auto flex shrink-0 items-center gap-1 max-sm:order-last max-sm:w-full max-sm:justify-end">
      <AssignMenu
        conversation={conversation}
        members={detail.team.members}
        meId={meId}
        onAssign={(assignee) => onAssign(conversation.id, assignee)}
      />
      <SnoozeMenu
        conversation={conversation}
        onSnooze={(until) => onSnooze(conversation.id, until)}
        onUnsnooze={() => onUnsnooze(conversation.id)}
      />
      <LabelMenu
        conversation={conversation}
        labels={detail.team.labels}
        onToggle={(label, on) => onToggleLabel(conversation.id, conversation.labels, label, on)}
      />
      <Button
        variant="secondary"
        size="sm"
        aria-keyshortcuts="U"
        title="Mark unread for me (u)"
        aria-label="Mark unread"
        onClick={() => onMarkUnread(conversation.id)}
      >
        <MailWarning className="size-3.5" aria-hidden /> <span className="max-xl:hidden">Mark unread</span>
      </Button>
      <Button
        variant="secondary"
        size="sm"
        aria-keyshortcuts="E"
        title={conversation.done ? "Reopen (e)" : "Mark done (e)"}
        onClick={() => onToggleDone(conversation.id)}
        data-testid="toggle-done"
      >
        {conversation.done ? (
          <RotateCcw className="size-3.5" aria-hidden />
        ) : (
          <CheckCheck className="size-3.5" aria-hidden />
        )}{" "}
        <span className="max-sm:sr-only">{conversation.done ? "Reopen" : "Done"}</span>
      </Button>
    </div>
  );
}
