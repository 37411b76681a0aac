"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { Inbox } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useEffect, useImperativeHandle, useMemo, useRef, type Ref } from "react";
import { hasActiveFilters, type InboxState } from "@/components/inbox-data/use-inbox-state";
import { useConversationList } from "@/components/inbox-data/queries";
import { Button } from "@/components/ui/button";
import { LoadError, Loading } from "@/components/ui/query-state";
import { ConversationRow } from "./conversation-row";

const ROW_HEIGHT = 64;

export interface ConversationListHandle {
  /** Moves keyboard focus by delta rows (j/k); returns false when there is nothing to move to. */
  moveFocus(delta: number): boolean;
  focusCurrent(): void;
}

export function ConversationList({ inbox, handle }: { inbox: InboxState; handle: Ref<ConversationListHandle> }) {
  const query = useConversationList(inbox.filters);
  const conversations = useMemo(() => query.data?.pages.flatMap((page) => page.conversations) ?? [], [query.data]);
  const searchParams = useSearchParams();
  const hrefFor = (id: string) => {
    const params = new URLSearchParams(searchParams.toString());
    params.set("c", id);
    return `?${params}`;
  };
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: conversations.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const lastItem = items.at(-1);

  // The query result is a new object every render; depend on the parts read (fetchNextPage is stable).
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (lastItem && lastItem.index >= conversations.length - 15 && hasNextPage && !isFetchingNextPage) {
      void fetchNextPage();
    }
  }, [lastItem, conversations.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const focusRow = (index: number) => {
    virtualizer.scrollToIndex(index, { align: "auto" });
    const id = conversations[index]?.id;
    // The row may only exist after the virtualiser renders it.
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-conversation-id="${id}"]`)?.focus(),
    );
  };

  useImperativeHandle(handle, () => ({
    moveFocus(delta) {
      if (conversations.length === 0) return false;
      const active = document.activeElement?.getAttribute("data-conversation-id");
      const from = active
        ? conversations.findIndex((c) => c.id === active)
        : conversations.findIndex((c) => c.id === inbox.conversationId);
      const next = Math.min(conversations.length - 1, Math.max(0, (from === -1 ? (delta > 0 ? -1 : 0) : from) + delta));
      focusRow(next);
      return true;
    },
    focusCurrent() {
      const index = Math.max(
        0,
        conversations.findIndex((c) => c.id === inbox.conversationId),
      );
      if (conversations.length > 0) focusRow(index);
    },
  }));

  if (query.isPending) return <Loading what="conversations" />;
  if (query.isError) return <LoadError what="conversations" error={query.error} onRetry={() => void query.refetch()} />;
  if (conversations.length === 0) {
    const filtered = hasActiveFilters(inbox.filters);
    return (
      <div
        role="status"
        className="flex flex-col items-center gap-2 p-8 text-center text-sm text-text-muted"
        data-testid="empty-list"
      >
        <Inbox className="size-8" aria-hidden />
        {filtered
          ? "No conversations match these filters."
          : "No conversations yet. They appear here as soon as a provider sends a webhook."}
        {filtered && (
          <Button variant="link" onClick={inbox.clearFilters}>
            Clear filters
          </Button>
        )}
      </div>
    );
  }

  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto" data-testid="conversation-list">
      <nav aria-label="Conversations" style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {items.map((item) => {
          const conversation = conversations[item.index]!;
          return (
            <div
              key={conversation.id}
              style={{
                position: "absolute",
                top: 0,
                left: 0,
                right: 0,
                height: item.size,
                transform: `translateY(${item.start}px)`,
              }}
            >
              <ConversationRow
                conversation={conversation}
                selected={conversation.id === inbox.conversationId}
                href={hrefFor(conversation.id)}
                onOpen={() => inbox.openConversation(conversation.id)}
              />
            </div>
          );
        })}
      </nav>
      {isFetchingNextPage && (
        <p role="status" className="p-2 text-center text-xs text-text-muted">
          Loading more…
        </p>
      )}
    </div>
  );
}
