import type { QueryClient } from "@tanstack/react-query";
import { countsPrefix, settleAllCounts } from "./counts-settle";
import { queryKeys } from "./query-keys";

// What a change the server has answered refreshes (a reply, done, assign, snooze, a label): the open
// thread's header and the lists now, the counts once the person pauses (counts-settle.ts). Callers
// do not wait for it: an action is done when the server has answered, and its Undo is offered then.
// Waiting for every list and count kept `e`'s Undo and a second reply 1-2 s behind at 1M messages.

export function refreshAfterChange(queryClient: QueryClient, id?: string): void {
  if (id) void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(id) });
  void queryClient.invalidateQueries({
    queryKey: queryKeys.conversations(),
    predicate: (query) => query.queryKey[1] !== countsPrefix[1],
  });
  settleAllCounts(queryClient);
}

/**
 * Drops the list and count fetches on their way before a change is shown in the cache: each would
 * answer with the rows as they were and undo what the person just did, until the next refresh.
 */
export function cancelListFetches(queryClient: QueryClient): Promise<void> {
  return queryClient.cancelQueries({ queryKey: queryKeys.conversations() });
}
