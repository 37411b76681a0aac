"use client";

import { type InfiniteData, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { toast } from "sonner";
import type { ListFilters } from "@/components/inbox-data/api-client";
import type { ConversationPage } from "@/components/inbox-data/api-types";
import { queryKeys } from "@/components/inbox-data/queries";
import { useUndo } from "@/components/team/undo";
import { formatWakeTime } from "@/lib/format";
import { type BulkRequestBody, matchingQuery, postBulkAction, undoBulkAction } from "./bulk-api";
import { useSelection } from "./selection";

// A bulk action as a person does it: the rows that leave the list go at once, the server does
// it in one transaction, a toast says what happened with Undo (and `z`), and the selection empties.

type Action = BulkRequestBody["action"];

const plural = (n: number) => `${n.toLocaleString("en-US")} conversation${n === 1 ? "" : "s"}`;

function toastMessage(action: Action, count: number, names: { assignee?: string; label?: string }): string {
  switch (action.kind) {
    case "done":
      return `Marked ${plural(count)} done`;
    case "assign":
      return action.assigneeId ? `Assigned ${plural(count)} to ${names.assignee}` : `Unassigned ${plural(count)}`;
    case "label":
      return `Label ${names.label} added to ${plural(count)}`;
    case "unlabel":
      return `Label ${names.label} removed from ${plural(count)}`;
    case "snooze":
      return `Snoozed ${plural(count)} until ${formatWakeTime(action.until)}`;
    case "read":
      return `Marked ${plural(count)} read`;
    case "unread":
      return `Marked ${plural(count)} unread`;
  }
}

/** Does the action take its rows out of the list now shown (done in an open view, any snooze)? */
function leavesList(action: Action, filters: ListFilters): boolean {
  if (action.kind === "snooze") return filters.view !== "snoozed";
  if (action.kind === "done") return filters.view !== "done" && filters.state !== "done" && filters.state !== "all";
  return false;
}

export function useBulkCommands(filters: ListFilters) {
  const selection = useSelection();
  const queryClient = useQueryClient();
  const { offer } = useUndo();

  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: queryKeys.conversations() }),
    [queryClient],
  );

  const apply = useCallback(
    async (action: Action, names: { assignee?: string; label?: string } = {}) => {
      const ids = [...selection.ids];
      const target = selection.allMatching ? { query: matchingQuery(filters) } : { ids };
      if (!selection.allMatching && leavesList(action, filters)) {
        const leaving = new Set(ids);
        queryClient.setQueriesData<InfiniteData<ConversationPage>>({ queryKey: queryKeys.conversations() }, (data) =>
          data && "pages" in data
            ? {
                ...data,
                pages: data.pages.map((page) => ({
                  ...page,
                  conversations: page.conversations.filter((row) => !leaving.has(row.id)),
                })),
              }
            : data,
        );
      }
      try {
        const { bulkAction } = await postBulkAction({ target, action });
        selection.clear();
        offer(toastMessage(action, bulkAction.count, names), async () => {
          try {
            return await undoBulkAction(bulkAction.id);
          } finally {
            await refresh();
          }
        });
      } catch (error) {
        toast.error((error as Error).message || "That did not work. Try again.");
      } finally {
        await refresh();
      }
    },
    [selection, filters, queryClient, offer, refresh],
  );

  return useMemo(() => ({ apply, selection }), [apply, selection]);
}
