import type { ConversationDetail, ConversationPage, MessagePage } from "./api-types";

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  if (response.status === 401 && typeof window !== "undefined") {
    // The session ended (signed out elsewhere, expired): back to sign-in, then back here.
    window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new ApiError(response.status, body?.error ?? `${response.status} ${response.statusText}`);
  }
  return (await response.json()) as T;
}

export interface ListFilters {
  channels: string[];
  direction: string | null;
  unread: boolean;
  q: string;
  customerId: string | null;
}

export function fetchConversations(filters: ListFilters, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: "50" });
  for (const channel of filters.channels) params.append("channel", channel);
  if (filters.direction) params.set("direction", filters.direction);
  if (filters.unread) params.set("unread", "true");
  if (filters.q) params.set("q", filters.q);
  if (filters.customerId) params.set("customerId", filters.customerId);
  if (cursor) params.set("cursor", cursor);
  return getJson<ConversationPage>(`/api/conversations?${params}`, { signal });
}

export function fetchConversationDetail(id: string, signal?: AbortSignal) {
  return getJson<ConversationDetail>(`/api/conversations/${encodeURIComponent(id)}`, { signal });
}

export function fetchMessages(id: string, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: "50", latest: "true" });
  if (cursor) params.set("cursor", cursor);
  return getJson<MessagePage>(`/api/conversations/${encodeURIComponent(id)}/messages?${params}`, { signal });
}

export function markRead(id: string) {
  return getJson<{ id: string }>(`/api/conversations/${encodeURIComponent(id)}/read`, { method: "POST" });
}
