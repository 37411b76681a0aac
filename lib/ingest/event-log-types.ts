import { z } from "zod";
import { EVENT_STATUSES, type EventStatus, providerSchema } from "@/lib/vocabulary";

// The event log's API: its query parameters and answers. Browser-safe (the page's components
// import it): the vocabulary it uses comes from lib/vocabulary.ts, not the database module.

export const EVENT_LOG_STATUSES = EVENT_STATUSES;

/** Waiting for a worker: the backlog. */
export const PENDING_STATUSES = ["received", "processing"] as const satisfies readonly EventStatus[];

export const eventListQuerySchema = z.object({
  status: z.enum(EVENT_LOG_STATUSES).optional(),
  provider: providerSchema.optional(),
  cursor: z.string().min(1).optional(),
  limit: z.coerce.number().int("limit must be a whole number").min(1).max(100).default(50),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

/** One event as listed; times are ISO 8601. */
export interface EventRow {
  id: string;
  provider: string;
  eventType: string | null;
  accountExternalId: string | null;
  /** The account whose (provider, external id) the event names; null when none does (yet). */
  accountId: string | null;
  accountName: string | null;
  status: EventStatus;
  attempts: number;
  error: string | null;
  /** Null: a stored time no one can show (lib/db/dates.ts). */
  receivedAt: string | null;
  processedAt: string | null;
  availableAt: string | null;
}

export interface EventPage {
  events: EventRow[];
  nextCursor: string | null;
}

export interface EventDetail extends EventRow {
  /** The delivered body, pretty-printed JSON, or the text itself when it is not JSON. */
  payload: string;
  payloadIsJson: boolean;
  sizeBytes: number;
  /** The conversation the event stored a message in; null when it stored none (a contact, a failure). */
  conversationId: string | null;
}

export interface EventSummary {
  counts: Array<{ provider: string; status: EventStatus; count: number }>;
  /** Events waiting for a worker (received or processing). */
  backlog: number;
  failed: number;
  oldestPendingAt: string | null;
  /** Seconds since the oldest waiting event arrived; 0 when nothing waits. */
  lagSeconds: number;
}
