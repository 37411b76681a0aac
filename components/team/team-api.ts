"use client";

import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { callRoute } from "@/components/api/call-route";
import type { ConversationDetail, ConversationSummary, Label } from "@/components/inbox-data/api-types";
import { patchListRow } from "@/components/inbox-data/list-cache";
import { queryKeys } from "@/components/inbox-data/queries";
import { addNoteRoute, assignRoute, snoozeRoute, unsnoozeRoute } from "@/lib/contracts/team";
import type { NoteInput } from "@/lib/team/validations";
import { putConversationLabel } from "./label-api";

// The team routes from the browser, optimistic: the row and the open thread show the change at
// once (a snoozed row leaves the list), then the server's answer and a refetch settle it.

export const putAssignee = (id: string, assigneeId: string | null) =>
  callRoute(assignRoute, { params: { id }, body: { assigneeId } });
export const putSnooze = (id: string, until: string) => callRoute(snoozeRoute, { params: { id }, body: { until } });
export const deleteSnooze = (id: string) => callRoute(unsnoozeRoute, { params: { id } });
export const postNote = (id: string, input: NoteInput) => callRoute(addNoteRoute, { params: { id }, body: input });

type Patch = Partial<Pick<ConversationSummary, "assignee" | "snoozedUntil" | "labels">>;

/** Applies a change to the open thread and every cached list row; `leaves` takes the row out of lists. */
function patchConversation(queryClient: QueryClient, id: string, patch: Patch, leaves: boolean) {
  queryClient.setQueryData<ConversationDetail>(queryKeys.conversation(id), (detail) =>
    detail ? { ...detail, conversation: { ...detail.conversation, ...patch } } : detail,
  );
  patchListRow(queryClient, id, (row) => (leaves ? null : { ...row, ...patch }));
}

function refresh(queryClient: QueryClient, id: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.conversations() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.conversation(id) }),
  ]);
}

/** Assign, snooze and label, each answering what Undo needs (the server's previous state). */
export function useTeamActions() {
  const queryClient = useQueryClient();
  return useMemo(() => {
    const settle = async <T>(id: string, request: Promise<T>): Promise<T> => {
      try {
        return await request;
      } finally {
        await refresh(queryClient, id);
      }
    };
    return {
      assign: (id: string, assignee: { id: string; name: string } | null) => {
        patchConversation(queryClient, id, { assignee }, false);
        return settle(id, putAssignee(id, assignee?.id ?? null));
      },
      snooze: (id: string, until: string) => {
        patchConversation(queryClient, id, { snoozedUntil: until }, true);
        return settle(id, putSnooze(id, until));
      },
      /** `labels`: the conversation's labels with this change made (what the row shows at once). */
      setLabel: (id: string, label: Label, on: boolean, labels: Label[]) => {
        patchConversation(queryClient, id, { labels }, false);
        return settle(id, putConversationLabel(id, label.id, on));
      },
      unsnooze: (id: string) => {
        patchConversation(queryClient, id, { snoozedUntil: null }, false);
        return settle(id, deleteSnooze(id));
      },
    };
  }, [queryClient]);
}
