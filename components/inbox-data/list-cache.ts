import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { ListFilters } from "./api-client";
import type { ConversationPage, ConversationSummary } from "./api-types";
import { queryKeys } from "./query-keys";

// The one way a change is shown in the cached lists before the server's answer (done, read,
// assign, snooze, labels): each cached list's row is replaced, or taken out of that list.

/** What becomes of the row in a list with these filters: the new row, or null when it leaves the list. */
export type RowChange = (row: ConversationSummary, filters: ListFilters | undefined) => ConversationSummary | null;

/**
 * Applies `change` to conversation `id` in every cached list. Only a page holding the row gets a
 * new object (the other pages and rows keep theirs, so memoised rows do not render again), and a
 * row `change` hands back unchanged changes nothing.
 */
export function patchListRow(queryClient: QueryClient, id: string, change: RowChange): void {
  for (const [key, data] of queryClient.getQueriesData<InfiniteData<ConversationPage>>({
    queryKey: queryKeys.conversations(),
  })) {
    // The counts and saved views live under the same prefix: only lists have pages.
    if (!data || !("pages" in data)) continue;
    const filters = key[1] as ListFilters | undefined;
    let changed = false;
    const pages = data.pages.map((page) => {
      const index = page.conversations.findIndex((row) => row.id === id);
      if (index < 0) return page;
      const row = page.conversations[index]!;
      const next = change(row, filters);
      if (next === row) return page;
      changed = true;
      return {
        ...page,
        conversations:
          next === null
            ? page.conversations.filter((c) => c.id !== id)
            : page.conversations.map((c) => (c.id === id ? next : c)),
      };
    });
    if (changed) queryClient.setQueryData<InfiniteData<ConversationPage>>(key, { ...data, pages });
  }
}
