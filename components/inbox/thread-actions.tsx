"use client";

import { CheckCheck, MailWarning, RotateCcw } from "lucide-react";
import type { ConversationSummary } from "@/components/inbox-data/api-types";
import { Button } from "@/components/ui/button";

/** The open thread's triage buttons (the same commands as `e` and `u`); on a phone, icons with hidden labels. */
export function ThreadActions({
  conversation,
  onToggleDone,
  onMarkUnread,
}: {
  conversation: ConversationSummary;
  onToggleDone: (id: string) => void;
  onMarkUnread: (id: string) => void;
}) {
  return (
    <div className="ml-auto flex shrink-0 items-center gap-1">
      <Button
        variant="secondary"
        size="sm"
        aria-keyshortcuts="U"
        title="Mark unread for me (u)"
        onClick={() => onMarkUnread(conversation.id)}
      >
        <MailWarning className="size-3.5" aria-hidden /> <span className="max-sm:sr-only">Mark unread</span>
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
