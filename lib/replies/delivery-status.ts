import type { Prisma } from "@/lib/generated/prisma/client";
import type { MessageFacts } from "@/lib/providers/contract";
import { recordSendAudit } from "./audit";

// The later life of an outbound message. HighLevel posts a message it sent again, under the same
// messageId, as its status moves on (sent → delivered → read, or failed); a reply scheduled with
// Send later is posted when HighLevel sends it at its time. Ingestion stores the first copy; every
// later copy comes here and moves the stored row's status forward, never back (webhooks arrive out
// of order and are redelivered), and carries the reply along: a scheduled reply becomes Sent when
// it goes out, a reply HighLevel reports failed becomes Not delivered with Retry.

type Tx = Prisma.TransactionClient;

/** How far along a status is: a later webhook with a lower rank is old news. Failed is final. */
const RANK: Record<string, number> = {
  pending: 0,
  queued: 0,
  scheduled: 0,
  sending: 0,
  sent: 1,
  completed: 1,
  delivered: 2,
  read: 3,
  opened: 3,
  failed: 4,
  undelivered: 4,
};
const FAILED = new Set(["failed", "undelivered"]);
const WENT_OUT = new Set(["sent", "completed", "delivered", "read", "opened"]);

/** What a reply's Not delivered row says when HighLevel reports the message failed after taking it. */
export const REPORTED_FAILED = "HighLevel reports it was not delivered";

/** True when `next` is news about a message whose status is `current`. */
export function isStatusAdvance(current: string | null, next: string): boolean {
  const to = RANK[next];
  if (to === undefined) return false;
  return to > (current === null ? -1 : (RANK[current] ?? -1));
}

/**
 * A copy of an outbound message already stored (same account, provider id and direction): its
 * status moves forward, and the reply it belongs to with it. Returns the conversation when
 * anything changed (live views refresh), else null.
 */
export async function advanceOutboundStatus(tx: Tx, accountId: string, facts: MessageFacts): Promise<string | null> {
  const next = facts.status;
  if (facts.direction !== "outbound" || !next) return null;
  const message = await tx.message.findUnique({
    where: { accountId_externalId_direction: { accountId, externalId: facts.externalId, direction: "outbound" } },
    select: { id: true, status: true, conversationId: true, reply: true },
  });
  if (!message || !isStatusAdvance(message.status, next)) return null;
  await tx.message.update({ where: { id: message.id }, data: { status: next } });
  const reply = message.reply;
  if (reply && reply.state === "scheduled" && WENT_OUT.has(next)) {
    await tx.reply.update({ where: { id: reply.id }, data: { state: "sent", error: null } });
    await recordSendAudit(tx, reply, "sent", null);
  } else if (reply && (reply.state === "scheduled" || reply.state === "sent") && FAILED.has(next)) {
    await tx.reply.update({ where: { id: reply.id }, data: { state: "not_delivered", error: REPORTED_FAILED } });
    await recordSendAudit(tx, reply, "not_delivered", null, REPORTED_FAILED);
  }
  return message.conversationId;
}
