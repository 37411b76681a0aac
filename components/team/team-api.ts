"use client";

import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { callRoute } from "@/components/api/call-route";
import type { ConversationDetail, ConversationSummary, Label } from "@/components/inbox-data/api-types";
import { cancelListFetches, refreshAfterChange } from "@/components/inbox-data/after-change";
import { patchListRow } from "@/components/inbox-data/list-cache";
import { queryKeys } from "@/components/inbox-data/queries";
import { addNoteRoute, assignRoute, snoozeRoute, unsnoozeRoute } from "@/lib/contracts/team";
import type { NoteInput } from "@/lib/team/validations";
import { putConversationLabel } from "./label-api";

// The team routes from the browser, optimistic: the row and the open thread show the change at
// once (a snoozed row leaves the list); the server's answer ends the action, and a refetch settles it.

export const putAssignee = (id: string, assigneeId: string | null) =>
  callRoute(assignRoute, { params: { id }, body: { assigneeId } });
export const putSnooze = (id: string, until: string) => callRoute(snoozeRoute, { params: { id }, body: { until } });
export const deleteSnooze = (id: string) => callRoute(unsnoozeRoute, { params: { id } });
export const postNote = (id: string, input: NoteInput) => callRoute(addNoteRoute, { params: { id }, body: input });

type Patch = Partial<Pick<ConversationSummary, "assignee" | "snoozedUntil" | "labels">>;

/** Applies a change to the open thread and every cached list row; `leaves` takes the row out of lists. */
async function patchConversation(queryClient: QueryClient, id: string, patch: Patch, leaves: boolean) {
  await cancelListFetches(queryClient);
  queryClient.setQueryData<ConversationDetail>(queryKeys.conversation(id), (detail) =>
    detail ? { ...detail, conversation: { ...detail.conversation, ...patch } } : detail,
  );
  patchListRow(queryClient, id, (row) => (leaves ? null : { ...row, ...patch }));
}

/** Assign, snooze and label, each answering what Undo needs (the server's previous state). */
export function useTeamActions() {
  const queryClient = useQueryClient();
  return useMemo(() => {
    /** Shown at once, then sent; done when the server answers (the refresh after it is not waited for). */
    const change = async <T>(id: string, patch: Patch, leaves: boolean, send: () => Promise<T>): Promise<T> => {
      await patchConversation(queryClient, id, patch, leaves);
      try {
        return await send();
      } finally {
        refreshAfterChange(queryClient, id);
      }
    };
    return {
      assign: (id: string, assignee: { id: string; name: string } | null) =>
        change(id, { assignee }, false, () => putAssignee(id, assignee?.id ?? null)),
      snooze: (id: string, until: string) => change(id, { snoozedUntil: until }, true, () => putSnooze(id, until)),
      /** `labels`: the conversation's labels with this change made (what the row shows at once). */
      setLabel: (id: string, label: Label, on: boolean, labels: Label[]) =>
        change(id, { labels }, false, () => putConversationLabel(id, label.id, on)),
      unsnooze: (id: string) => change(id, { snoozedUntil: null }, false, () => deleteSnooze(id)),
    };
  }, [queryClient]);
}
