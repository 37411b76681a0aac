"use client";

import { useCallback, useEffect, useState } from "react";

// A conversation's unsent text, kept in this browser until it is sent: closing the thread,
// reloading or Esc never loses it.

const keyOf = (conversationId: string) => `threadline:draft:${conversationId}`;

export function useDraft(conversationId: string): [string, (text: string) => void] {
  const [text, setText] = useState("");
  useEffect(() => {
    setText(window.localStorage.getItem(keyOf(conversationId)) ?? "");
  }, [conversationId]);
  const update = useCallback(
    (next: string) => {
      setText(next);
      try {
        if (next) window.localStorage.setItem(keyOf(conversationId), next);
        else window.localStorage.removeItem(keyOf(conversationId));
      } catch {
        // Storage full or refused (private mode): the draft lives as long as the page.
      }
    },
    [conversationId],
  );
  return [text, update];
}
