"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, type RefObject } from "react";
import type { ConversationListHandle } from "@/components/conversation-list/conversation-list";
import type { InboxState } from "@/components/inbox-data/use-inbox-state";
import { goSequence, goTarget, isTyping } from "@/components/keyboard/go-keys";
import { REPLY_TEXTBOX_ID } from "@/components/reply/composer";
import { ASSIGN_BUTTON_ID } from "@/components/team/assign-menu";
import { LABEL_BUTTON_ID } from "@/components/team/label-menu";
import { SAVED_VIEW_ATTRIBUTE } from "@/components/team/saved-views";
import { SNOOZE_BUTTON_ID } from "@/components/team/snooze-menu";
import { focusReplyWhenReady, NOTE_TAB_ID, REPLY_TAB_ID } from "./compose-panel";

interface Options {
  inbox: InboxState;
  listRef: RefObject<ConversationListHandle | null>;
  searchRef: RefObject<HTMLInputElement | null>;
  /** `e`: done or reopened, and `u`: unread for me; both act on the focused row, else the open conversation. */
  toggleDone: (id: string) => void;
  markUnread: (id: string) => void;
  /** `i`: assign to me (the focused row, else the open conversation). */
  assignToMe: (id: string) => void;
  /** `z`: undo the last action while its toast is up. */
  undoLast: () => boolean;
  openHelp: () => void;
  /** Bulk keys first (x, Shift+j/k; e/u/i/a/l/s/Esc on a selection): true when it took the key. */
  bulkKey: (event: KeyboardEvent, target: string | null) => boolean;
}

/** Keys that press a control of the open thread (a menu opens, a composer tab takes the focus). */
const THREAD_CONTROLS: Record<string, string> = {
  a: ASSIGN_BUTTON_ID,
  s: SNOOZE_BUTTON_ID,
  l: LABEL_BUTTON_ID,
  n: NOTE_TAB_ID,
};

/**
 * The inbox's shortcuts (listed in shortcuts.ts): j/k or arrows move through the list (with a thread
 * open, j/k open the next or previous one), Enter opens (the focused row is a link), / searches (↓
 * from the box reaches the results), Esc goes back, e done, u unread, r reply, g + key goes to a
 * view or Reports (components/keyboard/go-keys.ts), ? help. Esc and u leave the focus on the row.
 */
export function useKeyboardShortcuts({
  inbox,
  listRef,
  searchRef,
  toggleDone,
  markUnread,
  assignToMe,
  undoLast,
  openHelp,
  bulkKey,
}: Options) {
  // Only what the handler reads: the setters are stable, so the listener is re-added only when
  // the open conversation or pane changes, not on every render.
  const { pane, conversationId, showCustomerPane, openConversation, setView } = inbox;
  const router = useRouter();
  const sequence = useRef(goSequence());
  useEffect(() => {
    const target = () => document.activeElement?.getAttribute("data-conversation-id") ?? conversationId ?? null;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      // A dialog (the shortcut sheet) handles its own keys: Esc closes it, nothing else acts behind it.
      if ((event.target as HTMLElement | null)?.closest?.("dialog")) return;
      const typing = isTyping(event.target);
      // A `g` sequence first: its second key (u, i, s…) must not act on a selection or a conversation.
      if (typing) sequence.current.reset();
      const step = typing ? null : sequence.current.next(event.key);
      if (step === "started") return;
      const go = step ? goTarget(step.after) : undefined;
      if (step?.after === "v") {
        event.preventDefault();
        document.querySelector<HTMLElement>(`[${SAVED_VIEW_ATTRIBUTE}]`)?.focus();
        return;
      }
      if (go) {
        event.preventDefault();
        if ("page" in go) router.push(go.page);
        else setView(go.view);
        return;
      }
      if (!typing && bulkKey(event, target())) {
        event.preventDefault();
        return;
      }
      if (event.key === "Escape") {
        if (typing) {
          (event.target as HTMLElement).blur();
          listRef.current?.focusCurrent();
        } else if (pane) {
          showCustomerPane(false);
        } else if (conversationId) {
          // Back to the row it was opened from; one that left the list (read, in Unread) hands
          // its place to the row after it.
          const place = listRef.current?.indexOf(conversationId) ?? -1;
          openConversation(null);
          requestAnimationFrame(() => listRef.current?.focusId(conversationId, place));
        }
        return;
      }
      if (typing) {
        if (event.key === "ArrowDown" && event.target === searchRef.current && listRef.current?.focusFirst())
          event.preventDefault();
        return;
      }
      const inThread = (event.target as HTMLElement | null)?.closest?.("[data-testid='thread-scroll']");
      if (event.key === "?") {
        event.preventDefault();
        openHelp();
      } else if (event.key === "e" || event.key === "u") {
        const id = target();
        if (!id) return;
        event.preventDefault();
        (event.key === "e" ? toggleDone : markUnread)(id);
      } else if (event.key === "i") {
        const id = target();
        if (!id) return;
        event.preventDefault();
        assignToMe(id);
      } else if (event.key === "z") {
        if (undoLast()) event.preventDefault();
      } else if (event.key in THREAD_CONTROLS && conversationId) {
        const control = document.getElementById(THREAD_CONTROLS[event.key]!);
        // The last conversation's composer, inert until the open one's replaces it, is not this one's.
        if (!control || control.closest("[inert]")) return;
        event.preventDefault();
        control.click();
      } else if (event.key === "r" && conversationId) {
        // From a note, the Reply tab (which focuses its box); otherwise the box itself.
        const reply = document.getElementById(REPLY_TEXTBOX_ID) ?? document.getElementById(REPLY_TAB_ID);
        event.preventDefault();
        // Not there yet (or still the last conversation's, inert): the open one's box takes it when it comes.
        if (!reply || reply.closest("[inert]")) {
          focusReplyWhenReady(conversationId);
          return;
        }
        if (reply.id === REPLY_TAB_ID) reply.click();
        else reply.focus();
      } else if (event.key === "/") {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if ((event.key === "j" || event.key === "k") && conversationId) {
        // Reading: the next (or previous) conversation opens in the thread pane.
        const from = document.activeElement?.getAttribute("data-conversation-id") ?? conversationId;
        const next = listRef.current?.step(from, event.key === "j" ? 1 : -1);
        if (!next) return;
        event.preventDefault();
        // In a search, at the message that matched (as the row's link opens it).
        openConversation(next, listRef.current?.find(next)?.searchHit?.messageId ?? null);
        requestAnimationFrame(() => listRef.current?.focusId(next));
      } else if (event.key === "j" || (event.key === "ArrowDown" && !inThread)) {
        if (listRef.current?.moveFocus(1)) event.preventDefault();
      } else if (event.key === "k" || (event.key === "ArrowUp" && !inThread)) {
        if (listRef.current?.moveFocus(-1)) event.preventDefault();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [
    pane,
    conversationId,
    router,
    showCustomerPane,
    openConversation,
    setView,
    listRef,
    searchRef,
    toggleDone,
    markUnread,
    assignToMe,
    undoLast,
    openHelp,
    bulkKey,
  ]);
}
