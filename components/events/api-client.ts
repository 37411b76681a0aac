import { ApiError } from "@/components/inbox/api-client";
import type { EventDetail, EventPage, EventRow, EventSummary } from "@/lib/ingest/event-log-types";

// The event log's API from the browser, as the inbox's client calls the read API.

export interface EventFilters {
  status: string | null;
  provider: string | null;
}

async function requestJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  if (response.status === 401 && typeof window !== "undefined") {
    // The session ended: back to sign-in, then back here.
    window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new ApiError(response.status, body?.error ?? `${response.status} ${response.statusText}`);
  }
  return (await response.json()) as T;
}

export function fetchEventSummary(signal?: AbortSignal) {
  return requestJson<EventSummary>("/api/events/summary", { signal });
}

export function fetchEvents(filters: EventFilters, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: "50" });
  if (filters.status) params.set("status", filters.status);
  if (filters.provider) params.set("provider", filters.provider);
  if (cursor) params.set("cursor", cursor);
  return requestJson<EventPage>(`/api/events?${params}`, { signal });
}

export function fetchEventDetail(id: string, signal?: AbortSignal) {
  return requestJson<{ event: EventDetail }>(`/api/events/${encodeURIComponent(id)}`, { signal });
}

export function retryEvent(id: string) {
  return requestJson<{ event: EventRow }>(`/api/events/${encodeURIComponent(id)}/retry`, { method: "POST" });
}

export function retryAllFailed() {
  return requestJson<{ requeued: number }>("/api/events/retry-failed", { method: "POST" });
}
