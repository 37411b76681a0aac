"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { Inbox } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from "react";
import { hasActiveFilters, type InboxState } from "@/components/inbox-data/use-inbox-state";
import { afterPaint } from "@/components/inbox-data/after-paint";
import { useConversationList, usePrefetchConversation, useReadsSeveralAccounts } from "@/components/inbox-data/queries";
import type { View } from "@/components/inbox-data/api-client";
import type { ConversationSummary } from "@/components/inbox-data/api-types";
import { Button } from "@/components/ui/button";
import { LoadError, Loading } from "@/components/ui/query-state";
import { useSelection } from "@/components/team/bulk/selection";
import { ListRow, type RowActions } from "./list-row";
import { searchWords } from "@/lib/search/snippet";
import { useKeptOpenRow } from "./use-kept-open-row";

const ROW_HEIGHT = 64;
const PLAYER_HEIGHT = 48;
const EMPTY_VIEW: Record<View, string> = {
  mine: "Nothing is assigned to you. Press i on a conversation to take it.",
  unassigned: "Every open conversation has someone.",
  mentions: "Nobody has mentioned you in a note.",
  snoozed: "Nothing is snoozed.",
  unread: "Nothing unread for you.",
  "needs-reply": "Nobody is waiting for a reply.",
  callbacks: "No calls to return.",
  "not-delivered": "Every message went out.",
  done: "Nothing is marked done.",
};

export interface ConversationListHandle {
  /** Moves keyboard focus by delta rows (j/k); returns false when there is nothing to move to. */
  moveFocus(delta: number): boolean;
  focusCurrent(): void;
  /** The row of this id as the list shows it (for `e`: is it done?). */
  find(id: string): ConversationSummary | undefined;
  /** The row after this one, else the one before: where to go when it leaves the list. */
  neighbour(id: string): string | null;
  /**
   * Focuses this row. A row that is not in the list yet (unread again, on its way back from the
   * server) is focused when it arrives, unless the focus went somewhere meanwhile; with `place`,
   * a row that left the list hands the focus to the row now at that index instead.
   */
  focusId(id: string, place?: number): void;
  /** Where the row is in the list (for focusId's `place`), or -1. */
  indexOf(id: string): number;
  /** The first row (from the search box: the first result). */
  focusFirst(): boolean;
  /** The row `delta` rows from this one (Shift+j/k extend a selection to it), or null. */
  step(id: string, delta: number): string | null;
}

export function ConversationList({ inbox, handle }: { inbox: InboxState; handle: Ref<ConversationListHandle> }) {
  const query = useConversationList(inbox.filters);
  const words = useMemo(() => searchWords(inbox.filters.q), [inbox.filters.q]);
  // Three locations can each have a "Hannah King": the row says whose, unless one account is picked.
  const namesAccounts = useReadsSeveralAccounts() && !inbox.filters.account;
  const fetched = useMemo(() => query.data?.pages.flatMap((page) => page.conversations) ?? [], [query.data]);
  const conversations = useKeptOpenRow(fetched, inbox.conversationId, inbox.filters);
  const prefetch = usePrefetchConversation();
  // j/k go to the rows beside the open one: have them ready before the key is pressed.
  const openIndex = conversations.findIndex((conversation) => conversation.id === inbox.conversationId);
  const previousId = openIndex > 0 ? conversations[openIndex - 1]?.id : undefined;
  const nextId = openIndex >= 0 ? conversations[openIndex + 1]?.id : undefined;
  useEffect(
    () =>
      afterPaint(() => {
        if (previousId) prefetch(previousId);
        if (nextId) prefetch(nextId);
      }),
    [previousId, nextId, prefetch],
  );
  const searchParams = useSearchParams();
  const hrefFor = (id: string, messageId: string | null) => {
    const params = new URLSearchParams(searchParams.toString());
    params.set("c", id);
    if (messageId) params.set("m", messageId);
    else params.delete("m");
    return `?${params}`;
  };
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: conversations.length,
    getScrollElement: () => scrollRef.current,
    // A callback row with a voicemail carries its player under the link: measured, not guessed.
    estimateSize: (index) =>
      inbox.filters.view === "callbacks" && conversations[index]?.callback?.recording?.mediaUrl
        ? ROW_HEIGHT + PLAYER_HEIGHT
        : ROW_HEIGHT,
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

  // A conversation opened from a link is scrolled into view once, when the list first has it. One
  // opened from the list is in view already: scrolling to it would move the list under the reader.
  const scrolledToLinked = useRef(inbox.conversationId === null);
  const linkedIndex = conversations.findIndex((c) => c.id === inbox.conversationId);
  useEffect(() => {
    if (scrolledToLinked.current || linkedIndex < 0) return;
    scrolledToLinked.current = true;
    virtualizer.scrollToIndex(linkedIndex, { align: "center" });
  }, [linkedIndex, virtualizer]);

  // The row focus is headed for until the next frame moves it there: a second j/k pressed before
  // that frame steps on from it, not from the row that still has focus.
  const focusing = useRef<string | null>(null);
  // A row focusId asked for before the list had it.
  const [awaited, setAwaited] = useState<string | null>(null);
  const focusRow = (index: number) => {
    virtualizer.scrollToIndex(index, { align: "auto" });
    const id = conversations[index]?.id ?? null;
    focusing.current = id;
    if (awaited !== null) setAwaited(null);
    // The row may only exist after the virtualiser renders it.
    requestAnimationFrame(() => {
      if (focusing.current !== id) return;
      focusing.current = null;
      scrollRef.current?.querySelector<HTMLElement>(`[data-conversation-id="${id}"]`)?.focus();
    });
  };

  useEffect(() => {
    const index = awaited ? conversations.findIndex((c) => c.id === awaited) : -1;
    if (index < 0) return;
    setAwaited(null);
    // The person moved on while the row was away: their focus stays where they put it.
    const active = document.activeElement;
    if (active && active !== document.body) return;
    virtualizer.scrollToIndex(index, { align: "auto" });
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-conversation-id="${awaited}"]`)?.focus(),
    );
  }, [awaited, conversations, virtualizer]);

  useImperativeHandle(handle, () => ({
    moveFocus(delta) {
      if (conversations.length === 0) return false;
      const active = focusing.current ?? document.activeElement?.getAttribute("data-conversation-id");
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
    find: (id) => conversations.find((c) => c.id === id),
    neighbour(id) {
      const index = conversations.findIndex((c) => c.id === id);
      if (index < 0) return null;
      return (conversations[index + 1] ?? conversations[index - 1])?.id ?? null;
    },
    focusId(id, place) {
      const index = conversations.findIndex((c) => c.id === id);
      if (index >= 0) focusRow(index);
      else if (place !== undefined && place >= 0 && conversations.length > 0)
        focusRow(Math.min(place, conversations.length - 1));
      else setAwaited(id);
    },
    indexOf: (id) => conversations.findIndex((c) => c.id === id),
    focusFirst() {
      if (conversations.length === 0) return false;
      focusRow(0);
      return true;
    },
    step(id, delta) {
      const index = conversations.findIndex((c) => c.id === id);
      return index < 0 ? null : (conversations[index + delta]?.id ?? null);
    },
  }));
  const selection = useSelection();
  // The rows' actions read the latest list and state through a ref: one object, so memoised rows
  // re-render only when what they show changes (opening a thread re-renders two rows, not all).
  const latest = useRef({ conversations, selection, openConversation: inbox.openConversation, prefetch });
  useLayoutEffect(() => {
    latest.current = { conversations, selection, openConversation: inbox.openConversation, prefetch };
  });
  const rowActions = useMemo<RowActions>(
    () => ({
      open: (id, messageId) => latest.current.openConversation(id, messageId),
      prefetch: (id) => latest.current.prefetch(id),
      order: () => latest.current.conversations.map((c) => c.id),
      shiftClick: (id) =>
        latest.current.selection.toggleRange(
          id,
          latest.current.conversations.map((c) => c.id),
        ),
    }),
    [],
  );

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
          : inbox.filters.view
            ? EMPTY_VIEW[inbox.filters.view]
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
            <ListRow
              key={conversation.id}
              conversation={conversation}
              index={item.index}
              start={item.start}
              measure={virtualizer.measureElement}
              selected={conversation.id === inbox.conversationId}
              checked={selection.isSelected(conversation.id)}
              href={hrefFor(conversation.id, conversation.searchHit?.messageId ?? null)}
              view={inbox.filters.view}
              accountName={namesAccounts ? conversation.account.name : null}
              words={words}
              actions={rowActions}
            />
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
