import { apiFetch } from "@/components/api/api-fetch";
import type { ConversationCounts, ConversationDetail, ConversationPage, MessagePage } from "./api-types";

// The read API from the browser; apiFetch turns failures into ApiError with the server's message.

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

/** The list's filters as the read API's query (no paging): also what "select all matching" acts on. */
export function listQueryParams(filters: ListFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const channel of filters.channels) params.append("channel", channel);
  if (filters.direction) params.set("direction", filters.direction);
  if (filters.unread) params.set("unread", "true");
  if (filters.q) params.set("q", filters.q);
  if (filters.customerId) params.set("customerId", filters.customerId);
  if (filters.view) params.set("view", filters.view);
  const state = effectiveState(filters);
  if (state) params.set("state", state);
  if (filters.account) params.set("account", filters.account);
  if (filters.label) params.set("label", filters.label);
  if (filters.missedOn) params.set("missedOn", filters.missedOn.day);
  if (filters.missedOn) params.set("tz", filters.missedOn.tz);
  return params;
}

export function fetchConversations(filters: ListFilters, cursor: string | null, signal?: AbortSignal) {
  const params = listQueryParams(filters);
  params.set("limit", "50");
  if (cursor) params.set("cursor", cursor);
  return apiFetch<ConversationPage>(`/api/conversations?${params}`, { signal });
}

export function fetchConversationDetail(id: string, signal?: AbortSignal) {
  return apiFetch<ConversationDetail>(`/api/conversations/${encodeURIComponent(id)}`, { signal });
}

export function fetchMessages(id: string, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: "50", latest: "true" });
  if (cursor) params.set("cursor", cursor);
  return apiFetch<MessagePage>(`/api/conversations/${encodeURIComponent(id)}/messages?${params}`, { signal });
}

export function markRead(id: string) {
  return apiFetch<{ id: string }>(`/api/conversations/${encodeURIComponent(id)}/read`, { method: "POST" });
}

/** The accounts the viewer may read, by display name (for the account filter). */
export interface AccountOption {
  id: string;
  name: string;
}

export function fetchAccounts(signal?: AbortSignal) {
  return apiFetch<{ accounts: AccountOption[] }>("/api/accounts", { signal });
}

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
  const params = new URLSearchParams();
  if (filters.account) params.set("account", filters.account);
  for (const channel of filters.channels) params.append("channel", channel);
  if (filters.direction) params.set("direction", filters.direction);
  if (filters.label) params.set("label", filters.label);
  if (filters.state) params.set("state", filters.state);
  return apiFetch<ConversationCounts>(`/api/conversations/counts?${params}`, { signal });
}

/** Unread again for me (`u`): until I open it. */
export function markUnread(id: string) {
  return apiFetch<{ id: string }>(`/api/conversations/${encodeURIComponent(id)}/unread`, { method: "POST" });
}

/** Done for the account (`e`), or reopened. */
export function setDone({ id, done }: { id: string; done: boolean }) {
  return apiFetch<{ id: string; done: boolean }>(`/api/conversations/${encodeURIComponent(id)}/done`, {
    method: done ? "POST" : "DELETE",
  });
}
