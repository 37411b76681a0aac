"use client";

import { type Rect, useVirtualizer } from "@tanstack/react-virtual";
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useThreadMessages } from "@/components/inbox-data/queries";
import { SearchWordsProvider } from "@/components/ui/highlighted-text";
import { LoadError, Loading } from "@/components/ui/query-state";
import { searchWords } from "@/lib/search/snippet";
import { MessageBubble } from "./message-bubble";
import type { ConversationTeam, CustomerRecords } from "@/components/inbox-data/api-types";
import { buildThreadRows, type ThreadRow, teamEntries, timelineEntries } from "./thread-rows";
import { TimelineEntryRow } from "./timeline-entry";
import { usePinnedScroll } from "./use-pinned-scroll";

const LOAD_OLDER_WHEN_WITHIN = 5;
/** Pages of older messages to load while looking for the message a search opened the thread at. */
const FOCUS_SEARCH_PAGES = 10;
/** Rows rendered beyond the view while the thread opens, and once it has painted at its place. */
const OPENING_OVERSCAN = 2;
const OVERSCAN = 8;

/**
 * The thread's scrolling area as the last thread measured it. Each thread is a new virtualiser that
 * would otherwise start with no size at offset 0: it would render the oldest rows of the newest
 * page first, then, a scroll event later (a synchronous re-render), the newest ones. Starting at the
 * end, with the size the area had, renders the rows the thread opens at in the opening render.
 */
let lastViewport: Rect | null = null;

const estimateRow = (row: ThreadRow | undefined) => (row?.type === "day" ? 36 : 96);

/** Re-rendered only when its row changes: the virtualiser re-renders the thread as it measures and scrolls. */
const Row = memo(function Row({
  row,
  focusMessageId,
  customerName,
  conversationId,
}: {
  row: ThreadRow;
  focusMessageId: string | null;
  customerName: string;
  conversationId: string;
}) {
  if (row.type === "day") return <h3 className="py-2 text-center text-xs font-medium text-text-muted">{row.label}</h3>;
  if (row.type === "record") return <TimelineEntryRow entry={row.entry} focused={row.key === focusMessageId} />;
  return (
    <MessageBubble
      message={row.message}
      showSubject={row.showSubject}
      focused={row.message.id === focusMessageId}
      customerName={customerName}
      conversationId={conversationId}
    />
  );
});

/**
 * A conversation's messages, virtualised: the newest page loads first and older pages load as
 * the reader scrolls up, keeping what they were reading in place. The thread opens pinned to its
 * newest message (or to the message a search opened it at) and stays there whatever grows, also
 * as new ones arrive, until the reader scrolls (use-pinned-scroll.ts).
 */
export function ThreadView({
  conversationId,
  focusMessageId = null,
  records = null,
  team = null,
  customerName,
  searchQuery = "",
}: {
  conversationId: string;
  /** The list's search: its words are marked wherever the thread shows them. */
  searchQuery?: string;
  /** Who the conversation is with (downloads are named after them). */
  customerName: string;
  /** Open at this message or note (a search hit's row key) instead of the newest. */
  focusMessageId?: string | null;
  /** The customer's notes and appointments, shown between the messages at their times. */
  records?: CustomerRecords | null;
  /** Internal notes and what people did, between the messages at their times. */
  team?: ConversationTeam | null;
}) {
  const query = useThreadMessages(conversationId);
  const words = useMemo(() => searchWords(searchQuery), [searchQuery]);
  const messages = useMemo(
    () => (query.data ? [...query.data.pages].reverse().flatMap((page) => page.messages) : []),
    [query.data],
  );
  const entries = useMemo(
    () => [...timelineEntries(records), ...teamEntries(team)].sort((a, b) => a.at.localeCompare(b.at)),
    [records, team],
  );
  const complete = query.data !== undefined && !query.hasNextPage;
  const rows = useMemo(() => buildThreadRows(messages, entries, complete), [messages, entries, complete]);
  const focusIndex = focusMessageId ? rows.findIndex((row) => row.key === focusMessageId) : -1;
  const scrollRef = useRef<HTMLElement>(null);
  const contentRef = useRef<HTMLElement>(null);
  const anchor = useRef<{ key: string; offset: number } | null>(null);
  const edges = useRef<{ first?: string; last?: string }>({});
  // Older pages load only once the thread has been positioned at its newest message.
  const [positioned, setPositioned] = useState(false);
  const { pin, pinTo, scrollToFn } = usePinnedScroll(scrollRef, contentRef, !query.isPending && rows.length > 0);

  const viewport = lastViewport;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    scrollToFn,
    estimateSize: (index) => estimateRow(rows[index]),
    getItemKey: (index) => rows[index]!.key,
    // Few rows beyond the view until the thread has painted: the opening render is the one waited for.
    overscan: positioned ? OVERSCAN : OPENING_OVERSCAN,
    ...(viewport && {
      initialRect: viewport,
      // Until the first scroll event: the bottom of the rows as estimated.
      initialOffset: () => Math.max(0, rows.reduce((total, row) => total + estimateRow(row), 0) - viewport.height),
    }),
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
      // The newest rows rendered at once (the pin then holds the very bottom as they measure
      // themselves), or a search hit's, if it is loaded yet (see the focus effect below).
      if (focusIndex < 0) virtualizer.scrollToIndex(rows.length - 1, { align: "end" });
      lastViewport = { width: element.clientWidth, height: element.clientHeight };
      requestAnimationFrame(() => requestAnimationFrame(() => setPositioned(true)));
      return;
    }
    // Older messages prepended above what the reader was reading (a pin holds its own place).
    if (anchor.current && previous.first !== first && pin.current.to === "reader") {
      const index = rows.findIndex((row) => row.key === anchor.current!.key);
      const start = index >= 0 ? virtualizer.measurementsCache[index]?.start : undefined;
      if (start !== undefined) element.scrollTop = start - anchor.current.offset;
    }
    if (previous.first !== first) anchor.current = null;
  }, [rows, virtualizer, focusIndex, pin]);

  // The search hit is older than the first page: load older pages until it is there, then go to it.
  const focusPages = useRef(0);
  const focused = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!focusMessageId || focused.current === focusMessageId || query.isPending) return;
    if (focusIndex >= 0) {
      // The virtualiser renders the hit's row; the pin then keeps it centred as rows above grow.
      focused.current = focusMessageId;
      pinTo({ to: "row", key: focusMessageId });
      virtualizer.scrollToIndex(focusIndex, { align: "center" });
      return;
    }
    if (query.hasNextPage && !query.isFetchingNextPage && focusPages.current < FOCUS_SEARCH_PAGES) {
      focusPages.current += 1;
      void query.fetchNextPage();
    }
  }, [focusMessageId, focusIndex, query, virtualizer, pinTo]);

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
    <section
      ref={scrollRef}
      // The pin (use-pinned-scroll.ts) decides where the view stays, not the browser's scroll anchoring.
      className="min-h-0 flex-1 overflow-y-auto bg-surface-sunken py-2 [overflow-anchor:none]"
      data-testid="thread-scroll"
      aria-label="Messages"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (arrows and Page keys scroll it; axe scrollable-region-focusable)
      tabIndex={0}
    >
      {isFetchingNextPage && (
        <p role="status" className="p-2 text-center text-xs text-text-muted">
          Loading earlier messages…
        </p>
      )}
      <SearchWordsProvider words={words}>
        <section
          ref={contentRef}
          aria-label="Messages"
          style={{ height: virtualizer.getTotalSize(), position: "relative" }}
        >
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <div
                key={item.key}
                data-index={item.index}
                data-row-key={item.key}
                ref={virtualizer.measureElement}
                style={{ position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              >
                <Row
                  row={row}
                  focusMessageId={focusMessageId}
                  customerName={customerName}
                  conversationId={conversationId}
                />
              </div>
            );
          })}
        </section>
      </SearchWordsProvider>
    </section>
  );
}
