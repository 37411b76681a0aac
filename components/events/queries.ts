"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  fetchEventDetail,
  fetchEventSummary,
  fetchEvents,
  retryAllFailed,
  retryEvent,
  type EventFilters,
} from "./api-client";

// One react-query hook per event-log query. While anything waits for a worker the page polls,
// so a requeued event is seen going through; once nothing waits, it stops.

export const POLL_MS = 2_000;

export const eventKeys = {
  all: ["events"] as const,
  summary: ["events", "summary"] as const,
  lists: ["events", "list"] as const,
  list: (filters: EventFilters) => ["events", "list", filters] as const,
  details: ["events", "detail"] as const,
  detail: (id: string) => ["events", "detail", id] as const,
};

export function useEventSummary() {
  return useQuery({
    queryKey: eventKeys.summary,
    queryFn: ({ signal }) => fetchEventSummary(signal),
    refetchInterval: (query) => ((query.state.data?.backlog ?? 0) > 0 ? POLL_MS : false),
  });
}

export function useEventList(filters: EventFilters, poll: boolean) {
  return useInfiniteQuery({
    queryKey: eventKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchEvents(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: poll ? POLL_MS : false,
  });
}

export function useEventDetail(id: string | null, poll: boolean) {
  return useQuery({
    queryKey: eventKeys.detail(id ?? ""),
    queryFn: ({ signal }) => fetchEventDetail(id!, signal),
    enabled: Boolean(id),
    refetchInterval: poll ? POLL_MS : false,
    // A 404 (not found, or not yours) will not change on a second try.
    retry: false,
  });
}

/** After a requeue everything shown may have changed: counts, rows, the open event. */
function useRefetchAll() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: eventKeys.all });
}

/** `onQueued` runs before the refetch starts, so anything read after it is from after the requeue. */
export function useRetryEvent(onQueued?: () => void) {
  const refetchAll = useRefetchAll();
  return useMutation({ mutationFn: retryEvent, onSuccess: () => onQueued?.(), onSettled: refetchAll });
}

export function useRetryAllFailed() {
  const refetchAll = useRefetchAll();
  return useMutation({ mutationFn: retryAllFailed, onSettled: refetchAll });
}
