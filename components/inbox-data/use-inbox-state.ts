"use client";

import { parseAsArrayOf, parseAsBoolean, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useMemo } from "react";
import { CHANNELS, DIRECTIONS } from "@/lib/vocabulary";
import { LIST_STATES, VIEWS, type ListFilters } from "./api-client";

// Everything a link must reproduce lives in the URL: the open conversation, every filter, and
// which pane a phone shows. Opening a conversation pushes history so Back returns to the list.

const parsers = {
  c: parseAsString,
  /** A message to open the conversation at (a search hit in a call's transcript). */
  m: parseAsString,
  channel: parseAsArrayOf(parseAsStringLiteral(CHANNELS)).withDefault([]),
  direction: parseAsStringLiteral(DIRECTIONS),
  unread: parseAsBoolean.withDefault(false),
  q: parseAsString.withDefault(""),
  customer: parseAsString,
  pane: parseAsStringLiteral(["customer"] as const),
  // A built-in triage view (none is All), open/done/all, and one account of the viewer's.
  view: parseAsStringLiteral(VIEWS),
  state: parseAsStringLiteral(LIST_STATES),
  account: parseAsString,
  /** One label's conversations. */
  label: parseAsString,
  missedOn: parseAsString,
  tz: parseAsString,
};

type View = (typeof VIEWS)[number];
type ListState = (typeof LIST_STATES)[number];
type ChannelList = (typeof CHANNELS)[number][];
type DirectionFilter = (typeof DIRECTIONS)[number] | null;

/**
 * The inbox's URL state and its setters. The result is memoised: it changes only when the URL
 * does, and every setter keeps its identity (nuqs's setState is stable), so effects that depend
 * on it (search debounce, keyboard shortcuts) re-run only when something they read changed.
 */
export function useInboxState() {
  const [state, setState] = useQueryStates(parsers, { history: "push" });
  const {
    c: conversationId,
    m: focusMessageId,
    pane,
    channel,
    direction,
    unread,
    q,
    customer,
    view,
    state: listState,
    account,
    label,
    missedOn,
    tz,
  } = state;
  const filters: ListFilters = useMemo(
    () => ({
      channels: channel,
      direction,
      unread,
      q,
      customerId: customer,
      view,
      state: listState,
      account,
      label,
      missedOn: missedOn && tz ? { day: missedOn, tz } : null,
    }),
    [channel, direction, unread, q, customer, view, listState, account, label, missedOn, tz],
  );
  const actions = useMemo(
    () => ({
      openConversation: (id: string | null, messageId: string | null = null) =>
        setState({ c: id, m: id ? messageId : null, pane: null }),
      showCustomerPane: (show: boolean) => setState({ pane: show ? "customer" : null }),
      setChannels: (channels: ChannelList) => setState({ channel: channels.length ? channels : null }),
      setDirection: (value: DirectionFilter) => setState({ direction: value }),
      setUnread: (value: boolean) => setState({ unread: value || null }),
      // Typing replaces the history entry instead of adding one per keystroke.
      setQuery: (value: string) => setState({ q: value || null }, { history: "replace" }),
      setCustomer: (id: string | null) => setState({ customer: id, c: null, m: null }),
      // A view keeps the other filters; the open/done choice belongs to the view it was made in.
      setView: (value: View | null) => setState({ view: value, state: null }),
      setListState: (value: ListState | null) => setState({ state: value }),
      // Another account's list: the open conversation may not be in it.
      setAccount: (id: string | null) => setState({ account: id, c: null, m: null }),
      setLabel: (id: string | null) => setState({ label: id }),
      clearFilters: () =>
        setState({
          channel: null,
          direction: null,
          unread: null,
          q: null,
          customer: null,
          state: null,
          label: null,
          missedOn: null,
          tz: null,
        }),
    }),
    [setState],
  );
  return useMemo(
    () => ({ conversationId, focusMessageId, pane, filters, ...actions }),
    [conversationId, focusMessageId, pane, filters, actions],
  );
}
export type InboxState = ReturnType<typeof useInboxState>;

export function hasActiveFilters(filters: ListFilters): boolean {
  return (
    filters.channels.length > 0 ||
    Boolean(
      filters.direction ||
        filters.unread ||
        filters.q ||
        filters.customerId ||
        filters.state ||
        filters.label ||
        filters.missedOn,
    )
  );
}
