"use client";

import { useEffect, type RefObject } from "react";
import type { ConversationListHandle } from "@/components/conversation-list/conversation-list";
import type { InboxState } from "@/components/inbox-data/use-inbox-state";

interface Options {
  inbox: InboxState;
  listRef: RefObject<ConversationListHandle | null>;
  searchRef: RefObject<HTMLInputElement | null>;
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return Boolean(element && (element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName)));
}

/** j/k or arrows move through the list, Enter opens (the focused row is a link), / searches, Esc goes back. */
export function useKeyboardShortcuts({ inbox, listRef, searchRef }: Options) {
  // Only what the handler reads: the setters are stable, so the listener is re-added only when
  // the open conversation or pane changes, not on every render.
  const { pane, conversationId, showCustomerPane, openConversation } = inbox;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
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
      if (event.key === "/") {
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
  }, [pane, conversationId, showCustomerPane, openConversation, listRef, searchRef]);
}
