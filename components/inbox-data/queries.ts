"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchConversationDetail, fetchConversations, fetchMessages, markRead, type ListFilters } from "./api-client";

// One react-query hook per read-API query; keys are shared with the live updater.

export const queryKeys = {
  conversations: (filters?: ListFilters): readonly unknown[] =>
    filters ? ["conversations", filters] : ["conversations"],
  conversation: (id: string) => ["conversation", id] as const,
  messages: (id: string) => ["messages", id] as const,
};

export function useConversationList(filters: ListFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.conversations(filters),
    queryFn: ({ pageParam, signal }) => fetchConversations(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useConversationDetail(id: string | null) {
  return useQuery({
    queryKey: queryKeys.conversation(id ?? ""),
    queryFn: ({ signal }) => fetchConversationDetail(id!, signal),
    enabled: Boolean(id),
  });
}

/** Pages of a thread, newest page first; the next page is older. */
export function useThreadMessages(id: string | null) {
  return useInfiniteQuery({
    queryKey: queryKeys.messages(id ?? ""),
    queryFn: ({ pageParam, signal }) => fetchMessages(id!, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: Boolean(id),
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.conversations() }),
  });
}
