import { GET as getEvent } from "@/app/api/events/[id]/route";
import { POST as retryEvent } from "@/app/api/events/[id]/retry/route";
import { POST as retryFailed } from "@/app/api/events/retry-failed/route";
import { GET as getEvents } from "@/app/api/events/route";
import { GET as getSummary } from "@/app/api/events/summary/route";
import { getPrisma } from "@/lib/db";
import type { EventDetail, EventPage, EventRow, EventSummary } from "@/lib/ingest/event-log-types";
import { postWebhook } from "@/lib/testing/webhooks";

// The event-log routes' real handlers, called as Next would, for the tests beside them.

export type Credentials = Record<string, string>;
type Handler = (request: Request, context: never) => Promise<Response>;
type Answer<T> = { status: number; headers: Headers; body: T & { error?: string } };

async function call<T>(handler: Handler, path: string, headers: Credentials, params = {}, method = "GET") {
  // Our pages' POSTs carry their origin (requireViewer checks it); a test forges another through `headers`.
  const sent = method === "GET" ? headers : { origin: "http://localhost", ...headers };
  const request = new Request(`http://localhost${path}`, { method, headers: sent });
  const response = await handler(request, { params: Promise.resolve(params) } as never);
  const body = (await response.json()) as T & { error?: string };
  return { status: response.status, headers: response.headers, body };
}

export const listEvents = (query: string, headers: Credentials): Promise<Answer<EventPage>> =>
  call(getEvents, `/api/events${query ? `?${query}` : ""}`, headers);

export const eventSummary = (headers: Credentials): Promise<Answer<EventSummary>> =>
  call(getSummary, "/api/events/summary", headers);

export const eventDetail = (id: string, headers: Credentials): Promise<Answer<{ event: EventDetail }>> =>
  call(getEvent, `/api/events/${encodeURIComponent(id)}`, headers, { id });

export const retryEventAs = (id: string, headers: Credentials): Promise<Answer<{ event: EventRow }>> =>
  call(retryEvent, `/api/events/${encodeURIComponent(id)}/retry`, headers, { id }, "POST");

export const retryFailedAs = (headers: Credentials): Promise<Answer<{ requeued: number }>> =>
  call(retryFailed, "/api/events/retry-failed", headers, {}, "POST");

/** A HighLevel message; without `conversationId` it fails its schema (and so the event fails for good). */
export const sms = (locationId: string, messageId: string, overrides: Record<string, unknown> = {}) => ({
  type: "InboundMessage",
  locationId,
  contactId: `c-${messageId}`,
  conversationId: `conv-${locationId}`,
  messageType: "SMS",
  direction: "inbound",
  body: "hello",
  messageId,
  dateAdded: "2025-03-01T10:00:00.000Z",
  ...overrides,
});

/** Posts a delivery that is stored, then fails in the worker; returns the event's id. */
export async function postFailing(locationId: string | undefined, messageId: string, overrides: object = {}) {
  const payload = sms(locationId ?? "", messageId, { conversationId: undefined, locationId, ...overrides });
  const { outcome } = await postWebhook("highlevel", payload);
  if (outcome?.status !== "failed" || !outcome.eventId) throw new Error(`expected failed, got ${outcome?.status}`);
  return outcome.eventId;
}

export async function eventRowOf(id: string) {
  return (await getPrisma()).webhookEvent.findUniqueOrThrow({ where: { id } });
}
