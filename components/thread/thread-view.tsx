"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useThreadMessages } from "@/components/inbox-data/queries";
import { LoadError, Loading } from "@/components/ui/query-state";
import { MessageBubble } from "./message-bubble";
import { buildThreadRows } from "./thread-rows";

const LOAD_OLDER_WHEN_WITHIN = 5;
const NEAR_BOTTOM_PX = 120;

/**
 * A conversation's messages, virtualised: the newest page loads first and older pages load as
 * the reader scrolls up, keeping what they were reading in place. New messages stick to the
 * bottom only when the reader is already there.
 */
export function ThreadView({ conversationId }: { conversationId: string }) {
  const query = useThreadMessages(conversationId);
  const messages = useMemo(
    () => (query.data ? [...query.data.pages].reverse().flatMap((page) => page.messages) : []),
    [query.data],
  );
  const rows = useMemo(() => buildThreadRows(messages), [messages]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const anchor = useRef<{ key: string; offset: number } | null>(null);
  const edges = useRef<{ first?: string; last?: string }>({});
  // Older pages load only once the thread has been positioned at its newest message.
  const [positioned, setPositioned] = useState(false);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.type === "day" ? 36 : 96),
    getItemKey: (index) => rows[index]!.key,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();

  // Keep the reader's place when older messages are prepended; follow new ones at the bottom.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    const first = rows[0]?.key;
    const last = rows.at(-1)?.key;
    const previous = edges.current;
    edges.current = { first, last };
    if (!element || rows.length === 0) return;
    if (previous.last === undefined) {
      virtualizer.scrollToIndex(rows.length - 1, { align: "end" });
      requestAnimationFrame(() => {
        virtualizer.scrollToIndex(rows.length - 1, { align: "end" });
        requestAnimationFrame(() => setPositioned(true));
      });
      return;
    }
    if (anchor.current && previous.first !== first) {
      const index = rows.findIndex((row) => row.key === anchor.current!.key);
      const start = index >= 0 ? virtualizer.measurementsCache[index]?.start : undefined;
      if (start !== undefined) element.scrollTop = start - anchor.current.offset;
      anchor.current = null;
    }
    if (previous.last !== last && atBottom.current) {
      requestAnimationFrame(() => virtualizer.scrollToIndex(rows.length - 1, { align: "end" }));
    }
  }, [rows, virtualizer]);

  const firstVisible = items[0];
  // The query result is a new object every render; depend on the parts read (fetchNextPage is stable).
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (!positioned || !firstVisible || firstVisible.index > LOAD_OLDER_WHEN_WITHIN) return;
    if (!hasNextPage || isFetchingNextPage) return;
    const element = scrollRef.current;
    const key = rows[firstVisible.index]?.key;
    if (key && element) anchor.current = { key, offset: firstVisible.start - element.scrollTop };
    void fetchNextPage();
  }, [positioned, firstVisible, hasNextPage, isFetchingNextPage, fetchNextPage, rows]);

  if (query.isPending) return <Loading what="messages" />;
  if (query.isError) return <LoadError what="messages" error={query.error} onRetry={() => void query.refetch()} />;
  if (rows.length === 0)
    return (
      <p role="status" className="p-6 text-sm text-text-muted">
        This conversation has no messages yet.
      </p>
    );

  return (
    <div
      ref={scrollRef}
      className="min-h-0 flex-1 overflow-y-auto bg-surface-sunken py-2"
      data-testid="thread-scroll"
      onScroll={(event) => {
        const element = event.currentTarget;
        atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
      }}
    >
      {isFetchingNextPage && (
        <p role="status" className="p-2 text-center text-xs text-text-muted">
          Loading earlier messages…
        </p>
      )}
      <section aria-label="Messages" style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {items.map((item) => {
          const row = rows[item.index]!;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
            >
              {row.type === "day" ? (
                <h3 className="py-2 text-center text-xs font-medium text-text-muted">{row.label}</h3>
              ) : (
                <MessageBubble message={row.message} showSubject={row.showSubject} />
              )}
            </div>
          );
        })}
      </section>
    </div>
  );
}
