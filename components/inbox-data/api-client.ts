import { callRoute } from "@/components/api/call-route";
import {
  conversationCountsRoute,
  conversationDetailRoute,
  conversationMessagesRoute,
  listAccountsRoute,
  listConversationsRoute,
  markDoneRoute,
  markReadRoute,
  MESSAGE_PAGE_SIZE,
  markUnreadRoute,
  reopenRoute,
} from "@/lib/contracts/conversations";
import { type RouteCall, searchOf } from "@/lib/contracts/define-route";

// The read API from the browser, through the routes' contracts; failures are ApiError with the server's message.

/** The built-in triage views (README "Triage views"); no view is All. */
export const VIEWS = [
  "mine",
  "unassigned",
  "unread",
  "mentions",
  "needs-reply",
  "callbacks",
  "snoozed",
  "not-delivered",
  "done",
] as const;
export type View = (typeof VIEWS)[number];
/** Open (not done), done, or both: All and Unread show the open work unless asked otherwise. */
export const LIST_STATES = ["open", "done", "all"] as const;
type ListState = (typeof LIST_STATES)[number];

export interface ListFilters {
  channels: string[];
  direction: string | null;
  unread: boolean;
  q: string;
  customerId: string | null;
  view: View | null;
  state: ListState | null;
  account: string | null;
  /** One label's conversations (its id). */
  label: string | null;
  /** Missed calls of one day in a time zone (a Reports link), or null. */
  missedOn: { day: string; tz: string } | null;
}

/** The open/done choice in effect: All and Unread default to the open work; other views fix their own. */
export function effectiveState(filters: Pick<ListFilters, "view" | "state">): ListState | null {
  if (filters.state) return filters.state;
  return filters.view === null || filters.view === "unread" ? "open" : null;
}

type ListQuery = NonNullable<RouteCall<typeof listConversationsRoute>["query"]>;

/** The list's filters as the read API's query (no paging): also what "select all matching" acts on. */
export function listQuery(filters: ListFilters): ListQuery {
  return {
    // As the page's URL has them: the server answers 400 for a channel or direction it does not know.
    channel: filters.channels as ListQuery["channel"],
    direction: (filters.direction ?? undefined) as ListQuery["direction"],
    unread: filters.unread ? "true" : undefined,
    q: filters.q || undefined,
    customerId: filters.customerId ?? undefined,
    view: filters.view ?? undefined,
    state: effectiveState(filters) ?? undefined,
    account: filters.account ?? undefined,
    label: filters.label ?? undefined,
    missedOn: filters.missedOn?.day,
    tz: filters.missedOn?.tz,
  };
}

export const listQueryParams = (filters: ListFilters) => searchOf(listQuery(filters));

export function fetchConversations(filters: ListFilters, cursor: string | null, signal?: AbortSignal) {
  return callRoute(
    listConversationsRoute,
    { query: { ...listQuery(filters), limit: 50, cursor: cursor ?? undefined } },
    { signal },
  );
}

export function fetchConversationDetail(id: string, signal?: AbortSignal) {
  return callRoute(conversationDetailRoute, { params: { id } }, { signal });
}

/** The detail with the thread's newest page: what opening a conversation needs, in one request. */
export function fetchConversationOpening(id: string) {
  return callRoute(conversationDetailRoute, { params: { id }, query: { messages: "latest" } });
}

export function fetchMessages(id: string, cursor: string | null, signal?: AbortSignal) {
  return callRoute(
    conversationMessagesRoute,
    { params: { id }, query: { limit: MESSAGE_PAGE_SIZE, latest: "true", cursor: cursor ?? undefined } },
    { signal },
  );
}

export const markRead = (id: string) => callRoute(markReadRoute, { params: { id } });

export type { AccountOption } from "@/lib/contracts/conversations";

export const fetchAccounts = (signal?: AbortSignal) => callRoute(listAccountsRoute, {}, { signal });

/** The list filters the view counts follow (the open/done choice is All's and Unread's). */
export type CountFilters = Pick<ListFilters, "account" | "channels" | "direction" | "label"> & {
  state: ListState | null;
};

export function countFiltersOf(filters: ListFilters): CountFilters {
  const showsState = filters.view === null || filters.view === "unread";
  return {
    account: filters.account,
    channels: filters.channels,
    direction: filters.direction,
    label: filters.label,
    state: effectiveState(showsState ? filters : { view: null, state: filters.state }),
  };
}

export function fetchCounts(filters: CountFilters, signal?: AbortSignal) {
  const query = {
    account: filters.account ?? undefined,
    channel: filters.channels,
    direction: filters.direction ?? undefined,
    label: filters.label ?? undefined,
    state: filters.state ?? undefined,
  } as NonNullable<RouteCall<typeof conversationCountsRoute>["query"]>;
  return callRoute(conversationCountsRoute, { query }, { signal });
}

/** Unread again for me (`u`): until I open it. */
export const markUnread = (id: string) => callRoute(markUnreadRoute, { params: { id } });

/** Done for the account (`e`), or reopened. */
export const setDone = ({ id, done }: { id: string; done: boolean }) =>
  callRoute(done ? markDoneRoute : reopenRoute, { params: { id } });
