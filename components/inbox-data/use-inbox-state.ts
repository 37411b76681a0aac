"use client";

import { parseAsArrayOf, parseAsBoolean, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useMemo } from "react";
import { CHANNELS, DIRECTIONS } from "@/lib/vocabulary";
import type { ListFilters } from "./api-client";

// Everything a link must reproduce lives in the URL: the open conversation, every filter, and
// which pane a phone shows. Opening a conversation pushes history so Back returns to the list.

const parsers = {
  c: parseAsString,
  channel: parseAsArrayOf(parseAsStringLiteral(CHANNELS)).withDefault([]),
  direction: parseAsStringLiteral(DIRECTIONS),
  unread: parseAsBoolean.withDefault(false),
  q: parseAsString.withDefault(""),
  customer: parseAsString,
  pane: parseAsStringLiteral(["customer"] as const),
};

type ChannelList = (typeof CHANNELS)[number][];
type DirectionFilter = (typeof DIRECTIONS)[number] | null;

/**
 * The inbox's URL state and its setters. The result is memoised: it changes only when the URL
 * does, and every setter keeps its identity (nuqs's setState is stable), so effects that depend
 * on it (search debounce, keyboard shortcuts) re-run only when something they read changed.
 */
export function useInboxState() {
  const [state, setState] = useQueryStates(parsers, { history: "push" });
  const { c: conversationId, pane, channel, direction, unread, q, customer } = state;
  const filters: ListFilters = useMemo(
    () => ({ channels: channel, direction, unread, q, customerId: customer }),
    [channel, direction, unread, q, customer],
  );
  const actions = useMemo(
    () => ({
      openConversation: (id: string | null) => setState({ c: id, pane: null }),
      showCustomerPane: (show: boolean) => setState({ pane: show ? "customer" : null }),
      setChannels: (channels: ChannelList) => setState({ channel: channels.length ? channels : null }),
      setDirection: (value: DirectionFilter) => setState({ direction: value }),
      setUnread: (value: boolean) => setState({ unread: value || null }),
      // Typing replaces the history entry instead of adding one per keystroke.
      setQuery: (value: string) => setState({ q: value || null }, { history: "replace" }),
      setCustomer: (id: string | null) => setState({ customer: id, c: null }),
      clearFilters: () => setState({ channel: null, direction: null, unread: null, q: null, customer: null }),
    }),
    [setState],
  );
  return useMemo(() => ({ conversationId, pane, filters, ...actions }), [conversationId, pane, filters, actions]);
}
export type InboxState = ReturnType<typeof useInboxState>;

export function hasActiveFilters(filters: ListFilters): boolean {
  return filters.channels.length > 0 || Boolean(filters.direction || filters.unread || filters.q || filters.customerId);
}
