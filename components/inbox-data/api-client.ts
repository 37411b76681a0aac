import { apiFetch } from "@/components/api/api-fetch";
import type { ConversationDetail, ConversationPage, MessagePage } from "./api-types";

// The read API from the browser; apiFetch turns failures into ApiError with the server's message.

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
