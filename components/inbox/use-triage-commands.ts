"use client";

import { useCallback, type RefObject } from "react";
import { toast } from "sonner";
import type { ConversationListHandle } from "@/components/conversation-list/conversation-list";
import { effectiveState } from "@/components/inbox-data/api-client";
import type { ConversationSummary } from "@/components/inbox-data/api-types";
import { useTriageActions } from "@/components/inbox-data/queries";
import { useUndo } from "@/components/team/undo";
import type { InboxState } from "@/components/inbox-data/use-inbox-state";

/**
 * Done / reopen (`e`) and read / unread for me (`u`), for the keys and the thread's buttons alike. A
 * conversation that leaves the list (done in Needs reply, Callbacks or "open") hands the focus, or
 * the thread pane, to its neighbour, so working a queue is `e`, `e`, `e`.
 */
export function useTriageCommands(
  inbox: InboxState,
  listRef: RefObject<ConversationListHandle | null>,
  openSummary: ConversationSummary | undefined,
) {
  const actions = useTriageActions();
  const { offer } = useUndo();
  const { conversationId, openConversation, filters } = inbox;
  const leavesWhenDone =
    filters.view === "needs-reply" || filters.view === "callbacks" || effectiveState(filters) === "open";

  const toggleDone = useCallback(
    async (id: string) => {
      const row = listRef.current?.find(id) ?? (id === openSummary?.id ? openSummary : undefined);
      const done = !(row?.done ?? false);
      const next = done && leavesWhenDone ? (listRef.current?.neighbour(id) ?? null) : undefined;
      // The row leaves at once (optimistic), so the focus or the thread moves on at once too.
      const request = actions.setDone({ id, done });
      if (next !== undefined) {
        if (id === conversationId) openConversation(next);
        else if (next) requestAnimationFrame(() => listRef.current?.focusId(next));
      }
      try {
        await request;
      } catch (error) {
        toast.error((error as Error).message || "That did not work. Try again.");
        return;
      }
      offer(done ? "Marked done" : "Reopened", () => actions.setDone({ id, done: !done }));
    },
    [actions, offer, listRef, openSummary, leavesWhenDone, conversationId, openConversation],
  );

  /** `u`: an unread conversation in the list becomes read, any other unread for me; each undoable. */
  const markUnread = useCallback(
    async (id: string) => {
      const row = listRef.current?.find(id);
      if (row && row.unreadCount > 0 && id !== conversationId) {
        await actions.markRead(id);
        offer("Marked read", () => actions.markUnread(id));
        return;
      }
      // Closed first: an open conversation is read by opening it, and would be read again at once.
      if (id === conversationId) openConversation(null);
      await actions.markUnread(id);
      offer("Marked unread", () => actions.markRead(id));
      requestAnimationFrame(() => listRef.current?.focusId(id));
    },
    [actions, offer, listRef, conversationId, openConversation],
  );

  return { toggleDone, markUnread };
}
