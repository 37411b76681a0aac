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
/** Open (not done), done, or both: the list's default is both. */
export const LIST_STATES = ["open", "done", "all"] as const;

export interface ListFilters {
  channels: string[];
  direction: string | null;
  unread: boolean;
  q: string;
  customerId: string | null;
  view: View | null;
  state: (typeof LIST_STATES)[number] | null;
  account: string | null;
  /** One label's conversations (its id). */
  label: string | null;
  /** Missed calls of one day in a time zone (a Reports link), or null. */
  missedOn: { day: string; tz: string } | null;
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
  if (filters.state) params.set("state", filters.state);
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

export function fetchCounts(account: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams(account ? { account } : {});
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
