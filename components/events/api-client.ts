import { callRoute } from "@/components/api/call-route";
import {
  eventDetailRoute,
  eventSummaryRoute,
  listEventsRoute,
  retryEventRoute,
  retryFailedEventsRoute,
} from "@/lib/contracts/events";
import type { RouteCall } from "@/lib/contracts/define-route";

// The event log's API from the browser, through the routes' contracts as the inbox does.

export interface EventFilters {
  status: string | null;
  provider: string | null;
}

type EventQuery = NonNullable<RouteCall<typeof listEventsRoute>["query"]>;

export const fetchEventSummary = (signal?: AbortSignal) => callRoute(eventSummaryRoute, {}, { signal });

export function fetchEvents(filters: EventFilters, cursor: string | null, signal?: AbortSignal) {
  // As the page's URL has them: the server answers 400 for a status or provider it does not know.
  const query = {
    limit: 50,
    status: filters.status ?? undefined,
    provider: filters.provider ?? undefined,
    cursor: cursor ?? undefined,
  } as EventQuery;
  return callRoute(listEventsRoute, { query }, { signal });
}

export const fetchEventDetail = (id: string, signal?: AbortSignal) =>
  callRoute(eventDetailRoute, { params: { id } }, { signal });

export const retryEvent = (id: string) => callRoute(retryEventRoute, { params: { id } });

export const retryAllFailed = () => callRoute(retryFailedEventsRoute, {});
