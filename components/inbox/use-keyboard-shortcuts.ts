"use client";

import { useEffect, useRef, type RefObject } from "react";
import type { ConversationListHandle } from "@/components/conversation-list/conversation-list";
import type { View } from "@/components/inbox-data/api-client";
import type { InboxState } from "@/components/inbox-data/use-inbox-state";
import { REPLY_TEXTBOX_ID } from "@/components/reply/composer";
import { ASSIGN_BUTTON_ID } from "@/components/team/assign-menu";
import { LABEL_BUTTON_ID } from "@/components/team/label-menu";
import { SAVED_VIEW_ATTRIBUTE } from "@/components/team/saved-views";
import { SNOOZE_BUTTON_ID } from "@/components/team/snooze-menu";
import { NOTE_TAB_ID, REPLY_TAB_ID } from "./compose-panel";

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

/** The second key after `g` (within this long) picks a view. */
const G_WINDOW_MS = 1_500;
const G_VIEWS: Record<string, View | null> = { i: null, m: "mine", r: "needs-reply", c: "callbacks", s: "snoozed" };

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  // A ticked row's box has the focus after a click, but nothing is typed into it.
  if (element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio")) return false;
  return element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName);
}

/**
 * The inbox's shortcuts (listed in shortcuts.ts): j/k or arrows move through the list, Enter opens
 * (the focused row is a link), / searches, Esc goes back, e done, u unread, r reply, g i/r/c views, ? help.
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
  const gPressedAt = useRef(0);
  useEffect(() => {
    const target = () => document.activeElement?.getAttribute("data-conversation-id") ?? conversationId ?? null;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      // A dialog (the shortcut sheet) handles its own keys: Esc closes it, nothing else acts behind it.
      if ((event.target as HTMLElement | null)?.closest?.("dialog")) return;
      if (!isTyping(event.target) && bulkKey(event, target())) {
        event.preventDefault();
        return;
      }
      if (event.key === "Escape") {
        if (isTyping(event.target)) {
          (event.target as HTMLElement).blur();
          listRef.current?.focusCurrent();
        } else if (pane) {
          showCustomerPane(false);
        } else if (conversationId) {
          openConversation(null);
          requestAnimationFrame(() => listRef.current?.focusCurrent());
        }
        return;
      }
      if (isTyping(event.target)) return;
      const inThread = (event.target as HTMLElement | null)?.closest?.("[data-testid='thread-scroll']");
      const afterG = Date.now() - gPressedAt.current < G_WINDOW_MS;
      gPressedAt.current = 0;
      if (afterG && event.key === "v") {
        event.preventDefault();
        document.querySelector<HTMLElement>(`[${SAVED_VIEW_ATTRIBUTE}]`)?.focus();
      } else if (afterG && event.key in G_VIEWS) {
        event.preventDefault();
        setView(G_VIEWS[event.key] ?? null);
      } else if (event.key === "g") {
        gPressedAt.current = Date.now();
      } else if (event.key === "?") {
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
        if (!control) return;
        event.preventDefault();
        control.click();
      } else if (event.key === "r" && conversationId) {
        // From a note, the Reply tab (which focuses its box); otherwise the box itself.
        const reply = document.getElementById(REPLY_TEXTBOX_ID) ?? document.getElementById(REPLY_TAB_ID);
        if (!reply) return;
        event.preventDefault();
        if (reply.id === REPLY_TAB_ID) reply.click();
        else reply.focus();
      } else if (event.key === "/") {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
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
