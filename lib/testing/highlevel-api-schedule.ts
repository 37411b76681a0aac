import type { ScheduledSends, StubAnswer } from "./highlevel-api-answer";

// The stand-in's "Cancel a scheduled message" (DELETE /conversations/messages/{messageId}/schedule)
// and "Cancel a scheduled email message" (DELETE /conversations/messages/email/{emailMessageId}/schedule;
// lib/testing/highlevel-api.ts holds sends with a scheduledTimestamp in `scheduled`). HighLevel
// documents its answer as `{ status, message }`, its own example a 200 whose status is 404 when
// there is nothing to cancel; the stand-in answers the same. A test queues other answers with the
// stand-in's `queue` (a 503).

export const CANCEL_SCHEDULE_PATH = /^\/conversations\/messages\/(?:(email)\/)?([^/]+)\/schedule$/;

export function answerCancelSchedule(
  stub: { scheduled: ScheduledSends; cancelled: string[] },
  request: { url: URL; authorization: string | undefined },
): StubAnswer {
  if (!request.authorization?.startsWith("Bearer "))
    return { status: 401, body: { statusCode: 401, message: "Invalid JWT" } };
  const [, email, rawId] = CANCEL_SCHEDULE_PATH.exec(request.url.pathname) ?? [];
  const id = decodeURIComponent(rawId ?? "");
  const held = [...stub.scheduled.entries()].find(([messageId, entry]) =>
    email ? entry.emailMessageId === id : messageId === id,
  );
  if (!held) return { status: 200, body: { status: 404, message: "Failed cancel the scheduled message" } };
  stub.scheduled.delete(held[0]);
  stub.cancelled.push(id);
  return { status: 200, body: { status: 200, message: "Scheduled message cancelled" } };
}
