import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { CountFilters } from "./api-client";
import type { ConversationCounts, ConversationDetail, ConversationPage, ConversationSummary } from "./api-types";
import { countsPrefix, settleLater } from "./counts-settle";
import { patchListRow } from "./list-cache";
import { queryKeys } from "./query-keys";

// Opening a conversation marks it read (issue #28 item 6): the lists and counts already on the
// page are changed in place, as done-patch.ts does for `e`, instead of refetching every cached
// list page and every count. At a million messages each count took PostgreSQL seconds, and every
// open asked for two again: the next j/k's requests queued behind them. What the patch cannot
// know (a count under a channel filter, a saved view of unread ones) is fetched once the reader pauses.

/** The row as a list or the open thread has it, for what the counts need to know about it. */
function knownRow(queryClient: QueryClient, id: string): ConversationSummary | undefined {
  const detail = queryClient.getQueryData<ConversationDetail>(queryKeys.conversation(id));
  if (detail) return detail.conversation;
  for (const [, data] of queryClient.getQueriesData<InfiniteData<ConversationPage>>({
    queryKey: queryKeys.conversations(),
  })) {
    if (!data || !("pages" in data)) continue;
    for (const page of data.pages) {
      const row = page.conversations.find((c) => c.id === id);
      if (row) return row;
    }
  }
  return undefined;
}

/**
 * Does a count with these filters hold this row? null when the row does not say (a channel or
 * direction filter). Only All's and Unread's counts follow the open/done choice (`withState`).
 */
function counted(filters: CountFilters, row: ConversationSummary, withState: boolean): boolean | null {
  if (filters.channels.length > 0 || filters.direction) return null;
  if (filters.account && filters.account !== row.account.id) return false;
  if (filters.label && !row.labels.some((label) => label.id === filters.label)) return false;
  if (withState && filters.state === "open" && row.done) return false;
  if (withState && filters.state === "done" && !row.done) return false;
  // Snoozed conversations are in no view's count but Snoozed's.
  return !(row.snoozedUntil && new Date(row.snoozedUntil).getTime() > Date.now());
}

const SAVED_VIEWS_KEY = ["conversations", "saved-views"] as const;

/** Saved views count what they list: one that lists unread conversations counts one fewer. */
function savedViewsHoldUnread(queryClient: QueryClient): boolean {
  const answer = queryClient.getQueryData<{ views: { query: string }[] }>(SAVED_VIEWS_KEY);
  return (answer?.views ?? []).some(({ query }) => /(^|&)(unread=true|view=unread)(&|$)/.test(query));
}

/** Conversation `id` is read now (and `mentionsSeen` mentions in it seen): the thread, lists and counts say so. */
export function patchRead(queryClient: QueryClient, id: string, mentionsSeen: number): void {
  const row = knownRow(queryClient, id);
  const wasUnread = (row?.unreadCount ?? 0) > 0;
  queryClient.setQueryData<ConversationDetail>(queryKeys.conversation(id), (detail) =>
    detail && detail.conversation.unreadCount !== 0
      ? { ...detail, conversation: { ...detail.conversation, unreadCount: 0 } }
      : detail,
  );
  patchListRow(queryClient, id, (listed, filters) => {
    // Unread lists no longer hold it (the open row stays in place: use-kept-open-row.ts).
    if (filters?.view === "unread" || filters?.unread === true) return null;
    return listed.unreadCount === 0 ? listed : { ...listed, unreadCount: 0 };
  });
  if (!wasUnread && mentionsSeen === 0) return;
  for (const [key, counts] of queryClient.getQueriesData<ConversationCounts>({ queryKey: countsPrefix })) {
    if (!counts) continue;
    const filters = key[2] as CountFilters;
    // false: this count does not change; null: it may, and the row does not say (fetched later).
    const unread = !wasUnread ? false : row ? counted(filters, row, true) : null;
    const mentions = mentionsSeen === 0 ? false : row ? counted(filters, row, false) : null;
    if (unread === null || mentions === null) settleLater(queryClient, key);
    if (!unread && !mentions) continue;
    queryClient.setQueryData<ConversationCounts>(key, {
      ...counts,
      unread: unread ? Math.max(0, counts.unread - 1) : counts.unread,
      mentions: mentions ? Math.max(0, counts.mentions - 1) : counts.mentions,
    });
  }
  if (wasUnread && savedViewsHoldUnread(queryClient)) settleLater(queryClient, SAVED_VIEWS_KEY);
}
