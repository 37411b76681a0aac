import {
  type EventDetail,
  type EventPage,
  type EventRow,
  type EventSummary,
  eventListQuerySchema,
} from "@/lib/ingest/event-log-types";
import type { JobKindHealth } from "@/lib/jobs/health";
import { type SendAuditPage, sendAuditQuerySchema } from "@/lib/replies/audit-types";
import { idParams } from "./conversations";
import { defineRoute, responds } from "./define-route";

// The event log (what the providers delivered and how processing went) and the send audit: for
// administrators and owners, which the handlers check (what each may see is a reach, not a role).

/** Counts by provider and status, backlog depth and processing lag. */
export const eventSummaryRoute = defineRoute({
  method: "GET",
  path: "/api/events/summary",
  role: "member",
  response: responds<EventSummary>(),
});

/** Newest first: ?status=&provider=&limit=&cursor= */
export const listEventsRoute = defineRoute({
  method: "GET",
  path: "/api/events",
  query: eventListQuerySchema,
  role: "member",
  response: responds<EventPage>(),
});

/** One event with its delivered body. */
export const eventDetailRoute = defineRoute({
  method: "GET",
  path: "/api/events/:id",
  params: idParams,
  role: "member",
  response: responds<{ event: EventDetail }>(),
});

/** "Process again": a failed event back to the queue with fresh attempts. */
export const retryEventRoute = defineRoute({
  method: "POST",
  path: "/api/events/:id/retry",
  params: idParams,
  role: "member",
  response: responds<{ event: EventRow }>(),
});

/** Every failed event the viewer may see, back to the queue. */
export const retryFailedEventsRoute = defineRoute({
  method: "POST",
  path: "/api/events/retry-failed",
  role: "member",
  response: responds<{ requeued: number }>(),
});

/** Who sent what, when, newest first: ?accountId=&limit=&cursor= */
export const sendAuditRoute = defineRoute({
  method: "GET",
  path: "/api/send-audit",
  query: sendAuditQuerySchema,
  role: "member",
  response: responds<SendAuditPage>(),
});

/** The job queue per kind (depth, oldest wait, failures in the last day): administrators and owners. */
export const jobQueueRoute = defineRoute({
  method: "GET",
  path: "/api/jobs",
  role: "person",
  response: responds<{ kinds: JobKindHealth[] }>(),
});
