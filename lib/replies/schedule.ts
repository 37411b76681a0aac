import type { RootDb } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { publishConversationChanges } from "@/lib/live/bus";
import type { SendAnswer, SendMessageRequest } from "@/lib/providers/highlevel/api/send-message";
import { recordSendAudit } from "./audit";
import { markReplySent, settleMessageRow } from "./outcome";
import { sendAtProblem } from "./send-later";

// Send later with HighLevel's own schedule: the send call carries `scheduledTimestamp` and
// HighLevel holds the message until then, so it goes out on time even while our servers are
// down, and Cancel calls HighLevel's cancel endpoint (lib/replies/cancel.ts). The send itself is
// the ordinary at-most-once send-reply job: only HighLevel's answer differs ("scheduled").

/** The time a reply asks to be sent at, checked (400 with the reason), or null for now. */
export function requestedSendAt(sendAt: string | undefined, now = new Date()): Date | null {
  if (sendAt === undefined) return null;
  const at = new Date(sendAt);
  const problem = sendAtProblem(at, now);
  if (problem) throw new HttpError(400, problem);
  return at;
}

/**
 * What the send call asks HighLevel for: the reply's time while it is still ahead. A send that
 * runs late (rate limits, a Retry after the time) goes at once, as the person meant it to go by then.
 */
export const scheduleOf = (reply: { scheduledFor: Date | null }, now = new Date()): Date | null =>
  reply.scheduledFor && reply.scheduledFor.getTime() > now.getTime() ? reply.scheduledFor : null;

/** HighLevel took a scheduled reply: it holds it until its time, under the id it answered. */
export async function markReplyScheduled(
  db: RootDb,
  replyId: string,
  providerMessageId: string,
  emailMessageId: string | null,
): Promise<void> {
  const reply = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM replies WHERE id = ${replyId} FOR UPDATE`;
    const row = await tx.reply.findUnique({ where: { id: replyId } });
    if (row?.state !== "sending") return null;
    const scheduled = await tx.reply.update({
      where: { id: replyId },
      data: { state: "scheduled", error: null, providerMessageId, providerEmailMessageId: emailMessageId },
    });
    // The message row takes HighLevel's id (its webhooks about it are then about this row).
    await settleMessageRow(tx, row, providerMessageId);
    const { messageId } = await tx.reply.findUniqueOrThrow({ where: { id: replyId }, select: { messageId: true } });
    await tx.message.update({ where: { id: messageId }, data: { status: "scheduled" } });
    await recordSendAudit(tx, scheduled, "scheduled", null);
    return scheduled;
  });
  if (reply) publishConversationChanges(reply.accountId, [reply.conversationId]);
}

/** HighLevel accepted the send call: scheduled when it carried a time, else sent. */
export async function markReplyAccepted(
  db: RootDb,
  replyId: string,
  request: SendMessageRequest,
  answer: Extract<SendAnswer, { kind: "accepted" }>,
): Promise<void> {
  if (request.scheduledAt) await markReplyScheduled(db, replyId, answer.messageId, answer.emailMessageId);
  else await markReplySent(db, replyId, answer.messageId);
}
