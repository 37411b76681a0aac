"use client";

import { type RefObject, useCallback } from "react";
import type { ConversationListHandle } from "@/components/conversation-list/conversation-list";
import type { ListFilters } from "@/components/inbox-data/api-client";
import { BULK_ASSIGN_ID, BULK_LABEL_ID, BULK_SNOOZE_ID } from "./bulk-menus";
import { useBulkCommands } from "./use-bulk-commands";

// The keyboard side of bulk actions: x ticks the focused row, Shift+j/k tick it and the next;
// while something is ticked, the single-conversation keys act on the selection (e done, u unread,
// i to me, a/l/s open Assign/Label/Snooze) and Esc clears it.

const BULK_CONTROLS: Record<string, string> = { a: BULK_ASSIGN_ID, l: BULK_LABEL_ID, s: BULK_SNOOZE_ID };

/** Answers a key press: true when it was a bulk key (the caller then does nothing else with it). */
export function useBulkKeys(
  filters: ListFilters,
  listRef: RefObject<ConversationListHandle | null>,
  me: { id: string },
): (event: KeyboardEvent, target: string | null) => boolean {
  const { apply, selection } = useBulkCommands(filters);
  return useCallback(
    (event, target) => {
      const key = event.key;
      if (key === "x" && target) {
        selection.toggle(target);
        return true;
      }
      if (event.shiftKey && (key === "J" || key === "K") && target) {
        const next = listRef.current?.step(target, key === "J" ? 1 : -1) ?? null;
        selection.add(next ? [target, next] : [target]);
        if (next) listRef.current?.focusId(next);
        return true;
      }
      if (selection.count === 0) return false;
      if (key === "Escape") selection.clear();
      else if (key === "e") void apply({ kind: "done" });
      else if (key === "u") void apply({ kind: "unread" });
      else if (key === "i") void apply({ kind: "assign", assigneeId: me.id }, { assignee: "you" });
      else if (key in BULK_CONTROLS) document.getElementById(BULK_CONTROLS[key]!)?.click();
      else return false;
      return true;
    },
    [apply, selection, listRef, me.id],
  );
}
