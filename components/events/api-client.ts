import { apiFetch } from "@/components/api/api-fetch";
import type { EventDetail, EventPage, EventRow, EventSummary } from "@/lib/ingest/event-log-types";

// The event log's API from the browser, through the same apiFetch as the inbox.

export interface EventFilters {
  status: string | null;
  provider: string | null;
}

export function fetchEventSummary(signal?: AbortSignal) {
  return apiFetch<EventSummary>("/api/events/summary", { signal });
}

export function fetchEvents(filters: EventFilters, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: "50" });
  if (filters.status) params.set("status", filters.status);
  if (filters.provider) params.set("provider", filters.provider);
  if (cursor) params.set("cursor", cursor);
  return apiFetch<EventPage>(`/api/events?${params}`, { signal });
}

export function fetchEventDetail(id: string, signal?: AbortSignal) {
  return apiFetch<{ event: EventDetail }>(`/api/events/${encodeURIComponent(id)}`, { signal });
}

export function retryEvent(id: string) {
  return apiFetch<{ event: EventRow }>(`/api/events/${encodeURIComponent(id)}/retry`, { method: "POST" });
}

export function retryAllFailed() {
  return apiFetch<{ requeued: number }>("/api/events/retry-failed", { method: "POST" });
}
