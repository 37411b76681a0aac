import type { RootDb } from "@/lib/db/client";
import { scopeIncludes } from "@/lib/access/scope";
import type { Viewer } from "@/lib/access/viewer";
import { HttpError, NotFoundError } from "@/lib/http/errors";
import { enqueueJob } from "@/lib/jobs/queue";
import { wakeLocalJobWorker } from "@/lib/jobs/local-worker";
import { publishConversationChanges } from "@/lib/live/bus";
import { replyActor } from "./actor";
import { recordSendAudit } from "./audit";
import { SEND_REPLY } from "./kinds";
import { replyView, type ReplyView } from "./view";

// What a person decides about a reply that did not go out, or may have: Retry sends it again
// (the only way a reply is ever sent a second time), Dismiss puts it away.

const DECIDABLE = ["not_delivered", "unknown"];

/** The person (or send-scoped token) deciding, once the reply is known to be in their scope. */
async function actorInScope(db: RootDb, viewer: Viewer, replyId: string) {
  const actor = replyActor(viewer);
  const reply = await db.reply.findUnique({ where: { id: replyId }, select: { accountId: true } });
  if (!reply || !scopeIncludes(viewer.scope, reply.accountId)) throw new NotFoundError("reply");
  return actor;
}

export async function retryReply(db: RootDb, viewer: Viewer, replyId: string): Promise<ReplyView> {
  const actor = await actorInScope(db, viewer, replyId);
  const reply = await db.$transaction(async (tx) => {
    // Only from a decidable state, once: two Retry clicks make one send.
    const [row] = await tx.reply.updateManyAndReturn({
      where: { id: replyId, state: { in: DECIDABLE } },
      data: { state: "sending", error: null, sends: { increment: 1 } },
    });
    if (!row) return null;
    await tx.message.update({ where: { id: row.messageId }, data: { status: "sending" } });
    await enqueueJob(tx, { kind: SEND_REPLY, payload: { replyId }, accountId: row.accountId });
    await recordSendAudit(tx, row, "retry", actor);
    return row;
  });
  if (!reply) throw new HttpError(409, "only a reply that was not delivered, or may not have been, can be retried");
  wakeLocalJobWorker();
  publishConversationChanges(reply.accountId, [reply.conversationId]);
  return replyView(reply);
}

export async function dismissReply(db: RootDb, viewer: Viewer, replyId: string): Promise<ReplyView> {
  const actor = await actorInScope(db, viewer, replyId);
  const reply = await db.$transaction(async (tx) => {
    const [row] = await tx.reply.updateManyAndReturn({
      where: { id: replyId, state: { in: DECIDABLE } },
      data: { state: "dismissed" },
    });
    if (row) await recordSendAudit(tx, row, "dismiss", actor);
    return row;
  });
  if (!reply) throw new HttpError(409, "only a reply that was not delivered, or may not have been, can be dismissed");
  publishConversationChanges(reply.accountId, [reply.conversationId]);
  return replyView(reply);
}
