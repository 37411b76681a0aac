import type { QueryClient } from "@tanstack/react-query";
import { effectiveState, type ListFilters } from "./api-client";
import type { ConversationDetail } from "./api-types";
import { cancelListFetches } from "./after-change";
import { patchListRow } from "./list-cache";
import { queryKeys } from "./query-keys";

// Done / reopen shown at once, the way `e` feels in Front or Linear: the row leaves the lists that no
// longer hold it (or shows its new state where it stays) before the server answers. Without it the
// count could settle before the list, and a quick second `e` landed on the row that had just gone.

/** Does a list with these filters stop holding a conversation that becomes done (or reopened)? */
function leaves(filters: ListFilters | undefined, done: boolean): boolean {
  if (!filters) return false;
  const state = effectiveState(filters);
  if (done) return filters.view === "needs-reply" || filters.view === "callbacks" || state === "open";
  return filters.view === "done" || state === "done";
}

export async function patchDone(queryClient: QueryClient, id: string, done: boolean): Promise<void> {
  // A refetch already on its way would answer with the row as it was: it is dropped, and the
  // refresh after the server's answer fetches again.
  await cancelListFetches(queryClient);
  queryClient.setQueryData<ConversationDetail>(queryKeys.conversation(id), (detail) =>
    detail ? { ...detail, conversation: { ...detail.conversation, done } } : detail,
  );
  patchListRow(queryClient, id, (row, filters) => (leaves(filters, done) ? null : { ...row, done }));
}
