"use client";

import { useCallback, useMemo } from "react";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  fetchAccounts,
  fetchConversations,
  fetchCounts,
  markRead,
  markUnread,
  setDone,
  type CountFilters,
  type ListFilters,
} from "./api-client";
import type { MessagePage } from "./api-types";
import { refreshAfterChange } from "./after-change";
import { patchDone } from "./done-patch";
import { queryKeys } from "./query-keys";
import { patchRead } from "./read-patch";
import { loadDetail, loadMessages } from "./thread-opening";

// One react-query hook per read-API query; keys are shared with the live updater.

export { queryKeys } from "./query-keys";

export function useConversationList(filters: ListFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.conversations(filters),
    queryFn: ({ pageParam, signal }) => fetchConversations(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** How long a prefetched thread counts as fresh: opening it within this shows it at once. */
const PREFETCH_FRESH_MS = 15_000;

export function useConversationDetail(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.conversation(id ?? ""),
    queryFn: ({ signal }) => loadDetail(queryClient, id!, signal),
    enabled: Boolean(id),
    // Opening a thread prefetched (or seen) moments ago does not fetch it again while it paints:
    // the live channel refetches whatever changes meanwhile.
    staleTime: PREFETCH_FRESH_MS,
  });
}

/**
 * Loads a conversation's detail and newest messages before it is opened (hover, focus, the rows
 * beside the open one), so opening it paints from the cache. Reading is not opening: nothing is
 * marked read until the thread is shown.
 */
export function usePrefetchConversation(): (id: string) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (id: string) => {
      // Both through the loaders the open thread uses: one request when neither is cached.
      void queryClient.prefetchQuery({
        queryKey: queryKeys.conversation(id),
        queryFn: ({ signal }) => loadDetail(queryClient, id, signal),
        staleTime: PREFETCH_FRESH_MS,
      });
      void queryClient.prefetchInfiniteQuery({
        queryKey: queryKeys.messages(id),
        queryFn: ({ pageParam, signal }) => loadMessages(queryClient, id, pageParam, signal),
        initialPageParam: null as string | null,
        getNextPageParam: (last: MessagePage) => last.nextCursor,
        staleTime: PREFETCH_FRESH_MS,
      });
    },
    [queryClient],
  );
}

/** Pages of a thread, newest page first; the next page is older. */
export function useThreadMessages(id: string | null) {
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: queryKeys.messages(id ?? ""),
    queryFn: ({ pageParam, signal }) => loadMessages(queryClient, id!, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: Boolean(id),
    staleTime: PREFETCH_FRESH_MS,
  });
}

/** Opening a conversation reads it: the page's lists and counts change in place, nothing is refetched. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onSuccess: (answer, id) => patchRead(queryClient, id, answer.mentionsSeen),
  });
}

/** The viewer's accounts; names change rarely, so a minute between refetches is plenty. */
export function useReadableAccounts() {
  return useQuery({
    queryKey: queryKeys.accounts(),
    queryFn: ({ signal }) => fetchAccounts(signal),
    select: (data) => data.accounts,
    staleTime: 60_000,
  });
}

/** Whether the viewer reads more than one account: then rows, the thread and the panel name it. */
export function useReadsSeveralAccounts(): boolean {
  return (useReadableAccounts().data?.length ?? 0) > 1;
}

/** Every conversation the viewer reads, unfiltered (the page title's unread count). */
export const UNFILTERED_COUNTS: CountFilters = {
  account: null,
  channels: [],
  direction: null,
  label: null,
  state: null,
};

export function useConversationCounts(filters: CountFilters) {
  return useQuery({
    queryKey: queryKeys.counts(filters),
    queryFn: ({ signal }) => fetchCounts(filters, signal),
  });
}

/** Unread for me, or done / reopened for the account: done when the server answers; the lists, counts and header refresh after. */
export function useTriageActions() {
  const queryClient = useQueryClient();
  const refresh = useCallback((id: string) => refreshAfterChange(queryClient, id), [queryClient]);
  const unread = useMutation({ mutationFn: markUnread, onSuccess: (_data, id) => refresh(id) });
  // Read (`u` on an unread row, or undoing `u`): in place, as opening does.
  const read = useMutation({
    mutationFn: markRead,
    onSuccess: (answer, id) => patchRead(queryClient, id, answer.mentionsSeen),
  });
  /** Shown at once (patchDone); the refresh after the answer settles it, or puts it back on failure. */
  const setDoneNow = useCallback(
    async (input: { id: string; done: boolean }) => {
      await patchDone(queryClient, input.id, input.done);
      try {
        return await setDone(input);
      } finally {
        refresh(input.id);
      }
    },
    [queryClient, refresh],
  );
  const { mutateAsync: markUnreadAsync } = unread;
  const { mutateAsync: markReadAsync } = read;
  return useMemo(
    () => ({ markUnread: markUnreadAsync, setDone: setDoneNow, markRead: markReadAsync }),
    [markUnreadAsync, setDoneNow, markReadAsync],
  );
}
