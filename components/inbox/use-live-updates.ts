"use client";

import { useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { fetchMessages } from "@/components/inbox-data/api-client";
import type { MessagePage } from "@/components/inbox-data/api-types";
import { queryKeys } from "@/components/inbox-data/queries";
import { presenceKey } from "@/components/team/presence";

/**
 * New and changed messages of an open thread: fetch only the newest page and merge it into the first
 * loaded page, instead of refetching every page a reader of a long thread has scrolled through.
 */
async function refreshNewestMessages(queryClient: QueryClient, conversationId: string) {
  const key = queryKeys.messages(conversationId);
  const existing = queryClient.getQueryData<InfiniteData<MessagePage, string | null>>(key);
  const first = existing?.pages[0];
  if (!existing || !first) return;
  const newest = await fetchMessages(conversationId, null);
  const known = new Set(first.messages.map((message) => message.id));
  const overlaps =
    first.messages.length === 0 ||
    newest.messages.some((message) => known.has(message.id)) ||
    newest.nextCursor === null;
  if (!overlaps) {
    await queryClient.invalidateQueries({ queryKey: key });
    return;
  }
  // Known messages take their newest version (a reply's "Sending" becomes "Sent"); a bubble shown
  // before its send was stored (components/reply) goes once the stored message is here.
  const fresh = new Map(newest.messages.map((message) => [message.id, message]));
  const stored = new Set(newest.messages.filter((m) => m.reply).map((m) => m.body));
  const kept = first.messages
    .filter((message) => !(message.id.startsWith("pending:") && stored.has(message.body)))
    .map((message) => fresh.get(message.id) ?? message);
  const merged = [...kept, ...newest.messages.filter((message) => !known.has(message.id))].sort((a, b) =>
    a.sentAt === b.sentAt ? (a.id < b.id ? -1 : 1) : (a.sentAt ?? "") < (b.sentAt ?? "") ? -1 : 1,
  );
  queryClient.setQueryData(key, {
    ...existing,
    pages: [{ messages: merged, nextCursor: first.nextCursor }, ...existing.pages.slice(1)],
  });
}

export type LiveStatus = "connecting" | "live" | "reconnecting";

/**
 * Server-sent events nudge react-query to refetch what changed. On every (re)connect everything
 * is refetched, so a dropped connection catches up with nothing missing.
 */
export function useLiveUpdates(onChanged?: (conversationIds: string[]) => void): LiveStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  // The latest callback, read when events arrive: changing it must not reconnect the stream.
  const changedRef = useRef(onChanged);
  useEffect(() => {
    changedRef.current = onChanged;
  }, [onChanged]);
  useEffect(() => {
    const pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let source: EventSource | null = null;
    let connectedBefore = false;
    let stopped = false;
    const flush = () => {
      timer = null;
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations() });
      for (const id of pending) {
        void refreshNewestMessages(queryClient, id).catch(() =>
          queryClient.invalidateQueries({ queryKey: queryKeys.messages(id) }),
        );
        void queryClient.invalidateQueries({ queryKey: queryKeys.conversation(id) });
      }
      pending.clear();
    };
    const connect = () => {
      source = new EventSource("/api/live");
      source.onopen = () => {
        setStatus("live");
        if (connectedBefore) void queryClient.invalidateQueries();
        connectedBefore = true;
      };
      source.onerror = () => {
        setStatus("reconnecting");
        // EventSource retries by itself unless it gave up (CLOSED): then start afresh.
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          source.close();
          retry = setTimeout(connect, 2_000);
        }
      };
      source.addEventListener("conversations", (event) => {
        const { conversationIds } = JSON.parse((event as MessageEvent<string>).data) as { conversationIds: string[] };
        for (const id of conversationIds) pending.add(id);
        changedRef.current?.(conversationIds);
        // Bursts of webhooks become one refetch.
        timer ??= setTimeout(flush, 150);
      });
      // Someone arrived, left or started typing in a conversation: pages showing it ask who is there.
      source.addEventListener("presence", (event) => {
        const { conversationIds } = JSON.parse((event as MessageEvent<string>).data) as { conversationIds: string[] };
        for (const id of conversationIds) void queryClient.invalidateQueries({ queryKey: presenceKey(id) });
      });
      // Too many conversations changed at once to name them: refetch whatever the page shows.
      source.addEventListener("resync", () => void queryClient.invalidateQueries());
    };
    connect();
    return () => {
      stopped = true;
      source?.close();
      if (timer) clearTimeout(timer);
      if (retry) clearTimeout(retry);
    };
  }, [queryClient]);
  return status;
}
