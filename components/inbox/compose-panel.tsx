"use client";

import { memo, useEffect, useState } from "react";
import type { ConversationDetail } from "@/components/inbox-data/api-types";
import { REPLY_TEXTBOX_ID, ReplyComposer } from "@/components/reply/composer";
import { NOTE_TEXTBOX_ID, NoteComposer } from "@/components/team/note-composer";
import { PresenceLine, usePresence } from "@/components/team/presence";
import { cn } from "@/components/ui/cn";

/** The tabs' ids: `r` and `n` click them, so the keys and a click take one path. */
export const REPLY_TAB_ID = "compose-reply-tab";
export const NOTE_TAB_ID = "compose-note-tab";

type Mode = "reply" | "note";

/**
 * `r` pressed before the open conversation's composer is there (it mounts a frame after the thread,
 * or once the conversation has loaded): that composer's box takes the focus when it mounts. Only
 * that conversation's: the reader who has moved on meanwhile is not sent to a box they left.
 */
let replyWantedFor: string | null = null;
export function focusReplyWhenReady(conversationId: string): void {
  replyWantedFor = conversationId;
}

/**
 * Under the thread: a reply to the customer, or an internal note for the team (Front's and
 * Missive's split). Notes work in every conversation, also where nothing can be sent.
 */
export const ComposePanel = memo(function ComposePanel({
  detail,
  authorName,
}: {
  detail: ConversationDetail;
  authorName: string;
}) {
  const [mode, setMode] = useState<Mode>("reply");
  const conversationId = detail.conversation.id;
  useEffect(() => {
    if (replyWantedFor === null) return;
    const wanted = replyWantedFor === conversationId;
    replyWantedFor = null;
    if (wanted) (document.getElementById(REPLY_TEXTBOX_ID) ?? document.getElementById(REPLY_TAB_ID))?.focus();
  }, [conversationId]);
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest > 0) document.getElementById(mode === "note" ? NOTE_TEXTBOX_ID : REPLY_TEXTBOX_ID)?.focus();
  }, [mode, focusRequest]);
  const choose = (next: Mode) => {
    setMode(next);
    setFocusRequest((n) => n + 1);
  };
  const tab = (value: Mode, id: string, label: string, key: string) => (
    <button
      type="button"
      role="tab"
      id={id}
      aria-selected={mode === value}
      aria-controls={`${id}-panel`}
      aria-keyshortcuts={key}
      tabIndex={mode === value ? 0 : -1}
      onClick={() => choose(value)}
      onKeyDown={(event) => {
        if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
          const next = value === "reply" ? "note" : "reply";
          choose(next);
          document.getElementById(next === "note" ? NOTE_TAB_ID : REPLY_TAB_ID)?.focus();
        }
      }}
      className={cn(
        "rounded-control px-2 py-1 text-xs font-medium pointer-coarse:min-h-11 pointer-coarse:min-w-11",
        "focus-visible:outline-2 focus-visible:outline-focus",
        mode === value
          ? value === "note"
            ? "bg-warning-soft text-warning"
            : "bg-accent-soft text-accent"
          : "text-text-muted hover:bg-surface-hover",
      )}
    >
      {label}
    </button>
  );
  const { conversation } = detail;
  const presence = usePresence(conversation.id);
  return (
    <div className={cn("border-t border-border bg-surface", mode === "note" && "bg-warning-soft/40")}>
      <PresenceLine others={presence.others} />
      <div role="tablist" aria-label="Compose" className="flex gap-1 px-2 pt-1.5">
        {tab("reply", REPLY_TAB_ID, "Reply", "R")}
        {tab("note", NOTE_TAB_ID, "Note", "N")}
      </div>
      <div
        role="tabpanel"
        id={`${mode === "note" ? NOTE_TAB_ID : REPLY_TAB_ID}-panel`}
        aria-labelledby={mode === "note" ? NOTE_TAB_ID : REPLY_TAB_ID}
      >
        {mode === "reply" ? (
          <ReplyComposer
            key={conversation.id}
            conversationId={conversation.id}
            options={detail.reply}
            authorName={authorName}
            activityId={conversation.lastMessageId}
            onTyped={presence.typed}
            onSent={presence.stoppedTyping}
          />
        ) : (
          <div className="p-2">
            <NoteComposer
              key={conversation.id}
              conversationId={conversation.id}
              members={detail.team.members}
              author={authorName}
            />
          </div>
        )}
      </div>
    </div>
  );
});
