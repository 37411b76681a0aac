import type { RootDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publishConversationChanges } from "@/lib/live/bus";
import { recordSendAudit } from "./audit";

// How a reply's send ended, written once: "sent" with HighLevel's message id, "not delivered"
// with HighLevel's reason, or "outcome unknown". And the echo: HighLevel posts every message it
// sends as an OutboundMessage webhook with its own id. Whichever comes first, the API's answer or
// the echo, the reply keeps one message row: never a duplicate bubble.

type Tx = Prisma.TransactionClient;

const normalized = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();

/**
 * Makes the provider's row for `providerMessageId` the reply's message: when the echo was stored
 * as a row of its own, that row stays (it carries the provider's time and status), takes the
 * reply's author, and the local row goes. Otherwise the local row takes the provider's id, so the
 * echo, when it comes, is a redelivery of it.
 */
export async function settleMessageRow(
  tx: Tx,
  reply: { id: string; messageId: string; accountId: string },
  providerMessageId: string,
) {
  const local = await tx.message.findUniqueOrThrow({ where: { id: reply.messageId } });
  const echo = await tx.message.findUnique({
    where: {
      accountId_externalId_direction: {
        accountId: reply.accountId,
        externalId: providerMessageId,
        direction: "outbound",
      },
    },
    select: { id: true },
  });
  if (echo && echo.id !== local.id) {
    await tx.message.update({
      where: { id: echo.id },
      data: { authorName: local.authorName, authorExternalId: local.authorExternalId, source: local.source },
    });
    await tx.reply.update({ where: { id: reply.id }, data: { messageId: echo.id } });
    await tx.message.delete({ where: { id: local.id } });
    await tx.conversation.updateMany({
      where: { id: local.conversationId, lastMessageId: local.id },
      data: { lastMessageId: echo.id },
    });
  } else if (!echo) {
    await tx.message.update({ where: { id: local.id }, data: { externalId: providerMessageId, status: "sent" } });
  }
}

/** HighLevel took the reply (its answer, or its echo seen first). */
export async function markReplySent(db: RootDb, replyId: string, providerMessageId: string): Promise<void> {
  const reply = await db.$transaction(async (tx) => {
    // The echo may be adopting this reply at this moment (adoptEchoOfReply): one at a time.
    await tx.$queryRaw`SELECT id FROM replies WHERE id = ${replyId} FOR UPDATE`;
    const row = await tx.reply.findUnique({ where: { id: replyId } });
    if (!row) return null;
    if (row.state !== "sent") {
      await tx.reply.update({ where: { id: replyId }, data: { state: "sent", error: null, providerMessageId } });
      await recordSendAudit(tx, row, "sent", null);
    }
    if (row.providerMessageId === null || row.providerMessageId === providerMessageId)
      await settleMessageRow(tx, row, providerMessageId);
    return row;
  });
  if (reply) publishConversationChanges(reply.accountId, [reply.conversationId]);
}

/** Not sent, or maybe sent: only while it was still being sent (a later answer never undoes "sent"). */
export async function markReplyUnsent(db: RootDb, replyId: string, state: "not_delivered" | "unknown", reason: string) {
  const rows = await db.$transaction(async (tx) => {
    const changed = await tx.reply.updateManyAndReturn({
      where: { id: replyId, state: "sending" },
      data: { state, error: reason },
      select: { id: true, accountId: true, conversationId: true, messageId: true, channel: true },
    });
    for (const row of changed) {
      await tx.message.update({
        where: { id: row.messageId },
        data: { status: state === "unknown" ? "unknown" : "failed" },
      });
      await recordSendAudit(tx, row, state, null, reason);
    }
    return changed;
  });
  for (const row of rows) publishConversationChanges(row.accountId, [row.conversationId]);
}

/**
 * Ingestion stored an outbound message: if it is the echo of a reply whose answer has not come
 * (still sending, or unknown after a timeout), the reply is sent and keeps this row. Matched by
 * conversation and text, the only things the echo shares with a send whose answer we never saw.
 */
export async function adoptEchoOfReply(tx: Tx, conversationId: string, providerMessageId: string): Promise<void> {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM replies WHERE conversation_id = ${conversationId} AND state IN ('sending', 'unknown')
      AND provider_message_id IS NULL FOR UPDATE`;
  if (locked.length === 0) return;
  const waiting = await tx.reply.findMany({
    where: { id: { in: locked.map((row) => row.id) }, state: { in: ["sending", "unknown"] }, providerMessageId: null },
    include: { message: { select: { bodyText: true } } },
    orderBy: { createdAt: "asc" },
  });
  const echo = await tx.message.findFirst({
    where: { conversationId, externalId: providerMessageId, direction: "outbound" },
    select: { bodyText: true },
  });
  const reply = waiting.find(
    (candidate) => normalized(candidate.message.bodyText) === normalized(echo?.bodyText ?? null),
  );
  if (!reply) return;
  await tx.reply.update({ where: { id: reply.id }, data: { state: "sent", error: null, providerMessageId } });
  await recordSendAudit(tx, reply, "sent", null);
  await settleMessageRow(tx, reply, providerMessageId);
}
