import type { Prisma } from "@/lib/generated/prisma/client";
import type { SendAuditAction } from "@/lib/vocabulary";
import type { ReplyActor } from "./actor";

// The send audit: one row per thing someone did to a reply (send, retry, dismiss, cancel) and per
// outcome of a send (sent, scheduled, not delivered, unknown), with who, when, the channel, the
// account and the conversation. Written in the transaction that changes the reply, so the audit
// and the reply never disagree. Never the message text: only HighLevel's reason, when there is one.

type Tx = Prisma.TransactionClient;

export interface AuditedReply {
  id: string;
  accountId: string;
  conversationId: string;
  channel: string;
}

const REASON_MAX = 500;

/** Whoever last pressed Send or Retry on the reply: an outcome is theirs. */
async function lastSender(tx: Tx, replyId: string): Promise<ReplyActor | null> {
  const row = await tx.sendAudit.findFirst({
    where: { replyId, action: { in: ["send", "retry"] } },
    // A retry always follows its send; within one millisecond "retry" sorts after "send".
    orderBy: [{ createdAt: "desc" }, { action: "desc" }],
    select: { actorUserId: true, actorTokenId: true, actorName: true },
  });
  if (row) return { userId: row.actorUserId, tokenId: row.actorTokenId, name: row.actorName ?? "" };
  // A reply sent before the audit existed: its author.
  const reply = await tx.reply.findUnique({
    where: { id: replyId },
    select: { author: { select: { id: true, name: true, email: true } } },
  });
  const author = reply?.author;
  return author ? { userId: author.id, tokenId: null, name: author.name || author.email } : null;
}

/** `actor` null: an outcome, attributed to the reply's last sender. */
export async function recordSendAudit(
  tx: Tx,
  reply: AuditedReply,
  action: SendAuditAction,
  actor: ReplyActor | null,
  reason: string | null = null,
): Promise<void> {
  const by = actor ?? (await lastSender(tx, reply.id));
  await tx.sendAudit.create({
    data: {
      accountId: reply.accountId,
      conversationId: reply.conversationId,
      replyId: reply.id,
      action,
      channel: reply.channel,
      actorUserId: by?.userId ?? null,
      actorTokenId: by?.tokenId ?? null,
      actorName: by?.name || null,
      reason: reason ? reason.slice(0, REASON_MAX) : null,
    },
  });
}
