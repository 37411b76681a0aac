"use client";

import { parseAsArrayOf, parseAsBoolean, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useMemo } from "react";
import { CHANNELS, DIRECTIONS } from "@/lib/channels";
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

export function useInboxState() {
  const [state, setState] = useQueryStates(parsers, { history: "push" });
  const filters: ListFilters = useMemo(
    () => ({ channels: state.channel, direction: state.direction, unread: state.unread, q: state.q, customerId: state.customer }),
    [state.channel, state.direction, state.unread, state.q, state.customer],
  );
  return {
    conversationId: state.c,
    pane: state.pane,
    filters,
    openConversation: (id: string | null) => setState({ c: id, pane: null }),
    showCustomerPane: (show: boolean) => setState({ pane: show ? "customer" : null }),
    setChannels: (channel: (typeof CHANNELS)[number][]) => setState({ channel: channel.length ? channel : null }),
    setDirection: (direction: (typeof DIRECTIONS)[number] | null) => setState({ direction }),
    setUnread: (unread: boolean) => setState({ unread: unread || null }),
    // Typing replaces the history entry instead of adding one per keystroke.
    setQuery: (q: string) => setState({ q: q || null }, { history: "replace" }),
    setCustomer: (customer: string | null) => setState({ customer, c: null }),
    clearFilters: () => setState({ channel: null, direction: null, unread: null, q: null, customer: null }),
  };
}
export type InboxState = ReturnType<typeof useInboxState>;

export function hasActiveFilters(filters: ListFilters): boolean {
  return filters.channels.length > 0 || Boolean(filters.direction || filters.unread || filters.q || filters.customerId);
}
