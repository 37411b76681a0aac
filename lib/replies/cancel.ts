import type { RootDb } from "@/lib/db/client";
import { highLevelTokenOf } from "@/lib/access/credentials/highlevel-token";
import { scopeIncludes } from "@/lib/access/scope";
import type { Viewer } from "@/lib/access/viewer";
import { restoreIntoDraft } from "./drafts";
import type { DraftView } from "./draft-validations";
import { HttpError, NotFoundError } from "@/lib/http/errors";
import { publishConversationChanges } from "@/lib/live/bus";
import { cancelHighLevelSchedule } from "@/lib/providers/highlevel/api/cancel-scheduled";
import { replyActor } from "./actor";
import { recordSendAudit } from "./audit";
import { TOKEN_NEEDED } from "./options";
import { replyView, type ReplyView } from "./view";

// Cancel a scheduled reply: HighLevel's cancel endpoint first (it holds the message), and only
// when HighLevel says it is cancelled is the reply marked so and its text put back as a draft of
// the person who cancelled (or of its author, when an API token cancelled). Cancelling twice is
// harmless: the second finds it cancelled and answers the same.

export interface CancelAnswer {
  reply: ReplyView;
  /** The person's draft now, with the reply's text in it (null when nothing was put back). */
  draft: DraftView | null;
  /** What was put back: the reply's text and channel (an open composer adds them to what it shows). */
  restored: { text: string; channel: string } | null;
}

export const NOT_SCHEDULED = "only a reply that is scheduled to go out later can be cancelled";

async function scheduledReplyInScope(db: RootDb, viewer: Viewer, replyId: string) {
  const actor = replyActor(viewer);
  const reply = await db.reply.findUnique({
    where: { id: replyId },
    include: { message: { select: { subject: true, emailCc: true, emailBcc: true } } },
  });
  if (!reply || !scopeIncludes(viewer.scope, reply.accountId)) throw new NotFoundError("reply");
  return { actor, reply };
}

export async function cancelScheduledReply(
  db: RootDb,
  viewer: Viewer,
  replyId: string,
  now = new Date(),
): Promise<CancelAnswer> {
  const { actor, reply } = await scheduledReplyInScope(db, viewer, replyId);
  if (reply.state === "cancelled") return { reply: replyView(reply), draft: null, restored: null };
  if (reply.state !== "scheduled" || !reply.providerMessageId || !reply.scheduledFor)
    throw new HttpError(409, NOT_SCHEDULED);
  if (reply.scheduledFor.getTime() <= now.getTime())
    throw new HttpError(409, "Its time has come: HighLevel has sent it, or is sending it, and it can't be cancelled");
  const token = await highLevelTokenOf(reply.accountId);
  if (!token) throw new HttpError(409, TOKEN_NEEDED);
  const answer = await cancelHighLevelSchedule(token, {
    messageId: reply.providerMessageId,
    emailMessageId: reply.channel === "email" ? reply.providerEmailMessageId : null,
  });
  if (answer.kind === "unreachable")
    throw new HttpError(502, `Not cancelled: ${answer.reason}. It is still scheduled; try again.`);
  if (answer.kind === "refused") {
    // Another press of Cancel may have got there first.
    const latest = await db.reply.findUniqueOrThrow({ where: { id: replyId } });
    if (latest.state === "cancelled") return { reply: replyView(latest), draft: null, restored: null };
    throw new HttpError(409, `HighLevel did not cancel it: ${answer.reason}`);
  }
  const draftOwner = actor.userId ?? reply.authorUserId;
  const result = await db.$transaction(async (tx) => {
    const [row] = await tx.reply.updateManyAndReturn({
      where: { id: replyId, state: "scheduled" },
      data: { state: "cancelled", error: null },
    });
    if (!row) return null;
    await tx.message.update({ where: { id: row.messageId }, data: { status: "cancelled" } });
    await recordSendAudit(tx, row, "cancel", actor);
    const draft = draftOwner
      ? await restoreIntoDraft(tx, {
          accountId: row.accountId,
          conversationId: row.conversationId,
          userId: draftOwner,
          channel: row.channel,
          text: row.text,
          subject: row.channel === "email" ? reply.message.subject : null,
          cc: reply.message.emailCc.length > 0 ? reply.message.emailCc.join(", ") : null,
          bcc: reply.message.emailBcc.length > 0 ? reply.message.emailBcc.join(", ") : null,
        })
      : null;
    return { row, draft };
  });
  if (!result) {
    const settled = await db.reply.findUniqueOrThrow({ where: { id: replyId } });
    return { reply: replyView(settled), draft: null, restored: null };
  }
  publishConversationChanges(result.row.accountId, [result.row.conversationId]);
  return {
    reply: replyView(result.row),
    draft: result.draft,
    restored: result.draft ? { text: result.row.text, channel: result.row.channel } : null,
  };
}
