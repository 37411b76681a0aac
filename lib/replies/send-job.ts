import { z } from "zod";
import { highLevelTokenOf } from "@/lib/access/highlevel-token";
import { getPrisma } from "@/lib/db";
import { backoffMs, defineJob, type JobResult } from "@/lib/jobs/definition";
import { sendHighLevelMessage, type SendMessageRequest } from "@/lib/providers/leadconnector/api/send-message";
import { isReplyChannel } from "@/lib/vocabulary";
import { SEND_REPLY } from "./kinds";
import { markReplySent, markReplyUnsent } from "./outcome";
import { NO_CONTACT, TOKEN_NEEDED } from "./options";

// The job that hands one reply to HighLevel. At most once: it runs only while the reply is
// "sending"; a 429 or a refused connection (certainly not sent) runs it again later; a 4xx is
// "not delivered"; a 5xx, a timeout or a worker that died mid-call is "outcome unknown" and is
// never sent again except by a person's Retry.

type Prepared = { token: string; request: SendMessageRequest } | { refusal: string } | null;

async function prepare(replyId: string): Promise<Prepared> {
  const prisma = await getPrisma();
  const reply = await prisma.reply.findUnique({
    where: { id: replyId },
    include: {
      message: { select: { body: true, subject: true, emailTo: true } },
      conversation: { select: { id: true, customer: { select: { externalId: true } } } },
    },
  });
  // Gone, dismissed, or already sent (its echo came first): nothing to send.
  if (reply?.state !== "sending") return null;
  if (!isReplyChannel(reply.channel)) return { refusal: `Threadline cannot send on ${reply.channel}` };
  const contactId = reply.conversation.customer?.externalId;
  if (!contactId) return { refusal: NO_CONTACT };
  const token = await highLevelTokenOf(reply.accountId);
  if (!token) return { refusal: TOKEN_NEEDED };
  const { message, text } = reply;
  if (reply.channel !== "email") return { token, request: { channel: reply.channel, contactId, text } };
  // Into the customer's email thread: a reply to their newest email, in its thread.
  const lastInbound = await prisma.message.findFirst({
    where: { conversationId: reply.conversation.id, channel: "email", direction: "inbound" },
    orderBy: { sentAt: "desc" },
    select: { externalId: true, emailThreadId: true },
  });
  return {
    token,
    request: {
      channel: "email",
      contactId,
      text,
      email: {
        subject: message.subject ?? "",
        html: message.body ?? "",
        to: message.emailTo,
        replyMessageId: lastInbound?.externalId ?? null,
        threadId: lastInbound?.emailThreadId ?? null,
      },
    },
  };
}

export const sendReplyJob = defineJob({
  kind: SEND_REPLY,
  payload: z.object({ replyId: z.string() }),
  semantics: "at-most-once",
  maxAttempts: 10,
  leaseMs: 60_000,
  concurrency: 4,
  async run({ replyId }, { attempt }): Promise<JobResult> {
    const prepared = await prepare(replyId);
    if (!prepared) return { outcome: "done" };
    if ("refusal" in prepared) return { outcome: "failed", error: prepared.refusal };
    const answer = await sendHighLevelMessage(prepared.token, prepared.request);
    switch (answer.kind) {
      case "accepted":
        await markReplySent(replyId, answer.messageId);
        return { outcome: "done" };
      case "rate-limited":
        return {
          outcome: "retry",
          afterMs: answer.retryAfterSeconds ? answer.retryAfterSeconds * 1000 : backoffMs(attempt),
          error: "HighLevel's rate limit (429): not sent yet",
        };
      case "not-sent":
        return { outcome: "retry", afterMs: backoffMs(attempt), error: answer.reason };
      case "refused":
        return { outcome: "failed", error: answer.reason };
      case "unknown":
        return { outcome: "unknown", error: `Outcome unknown — it may have gone out (${answer.reason})` };
    }
  },
  async onGivenUp({ replyId }, result) {
    if (result.outcome === "failed") return markReplyUnsent(replyId, "not_delivered", result.error);
    // A lost lease: the worker died (or hung) after the request may have gone out.
    const reason = result.error.startsWith("Outcome unknown")
      ? result.error
      : "Outcome unknown — it may have gone out (the worker stopped during the send)";
    await markReplyUnsent(replyId, "unknown", reason);
  },
});
