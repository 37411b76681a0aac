import type { RootDb } from "@/lib/db/client";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import { backoffMs, defineJob, type JobResult } from "@/lib/jobs/definition";
import type { SendMessageRequest } from "@/lib/providers/highlevel/api/send-message";
import { isReplyChannel } from "@/lib/vocabulary";
import { emailText } from "./email-html";
import { SEND_REPLY } from "./kinds";
import { markReplyUnsent } from "./outcome";
import { NO_CONTACT, TOKEN_NEEDED } from "./options";
import { sendTimeRefusal } from "./rules";
import { markReplyAccepted, scheduleOf } from "./schedule";
import { waitForHighLevelTurn } from "./send-turn";
import { type ReplyTransport, replyTransportFor } from "./transport";

// The job that hands one reply to HighLevel. At most once: it runs only while the reply is
// "sending"; a 429 or a refused connection (certainly not sent) runs it again later; a 4xx is
// "not delivered"; a 5xx, a timeout or a worker that died mid-call is "outcome unknown" and is
// never sent again except by a person's Retry.

type Prepared =
  | { transport: ReplyTransport; request: SendMessageRequest; locationId: string }
  | { refusal: string }
  | null;

async function prepare(db: RootDb, replyId: string): Promise<Prepared> {
  const prisma = await getPrisma();
  const reply = await prisma.reply.findUnique({
    where: { id: replyId },
    include: {
      message: {
        select: {
          body: true,
          subject: true,
          emailTo: true,
          emailCc: true,
          emailBcc: true,
          attachments: { orderBy: { position: "asc" }, select: { url: true } },
        },
      },
      conversation: { select: { id: true, customer: { select: { id: true, externalId: true } } } },
      account: { select: { externalId: true } },
    },
  });
  // Gone, dismissed, or already sent (its echo came first): nothing to send.
  if (reply?.state !== "sending") return null;
  if (!isReplyChannel(reply.channel)) return { refusal: `Threadline cannot send on ${reply.channel}` };
  const customer = reply.conversation.customer;
  if (!customer) return { refusal: NO_CONTACT };
  const contactId = customer.externalId;
  // The account's token; in demo mode, a demo location without one: the demo's stand-in.
  const transport = await replyTransportFor(db, reply.accountId);
  if (!transport) return { refusal: TOKEN_NEEDED };
  const { message, text } = reply;
  // Send later: HighLevel holds it until then (lib/replies/schedule.ts).
  const scheduledAt = scheduleOf(reply);
  // The rules again, at the last moment: consent may have changed, WhatsApp's window closed.
  const { channel, templateId } = reply;
  const refusal = await sendTimeRefusal(
    db,
    { customerId: customer.id, channel, templateId },
    scheduledAt ?? new Date(),
  );
  if (refusal) return { refusal };
  const locationId = reply.account.externalId;
  const attachments = message.attachments.map(({ url }) => url);
  if (reply.channel !== "email")
    return { transport, locationId, request: { channel, contactId, text, scheduledAt, templateId, attachments } };
  // Into the customer's email thread: a reply to their newest email, in its thread.
  const lastInbound = await prisma.message.findFirst({
    where: { conversationId: reply.conversation.id, channel: "email", direction: "inbound" },
    orderBy: { sentAt: "desc" },
    select: { externalId: true, emailThreadId: true },
  });
  return {
    transport,
    locationId,
    request: {
      channel: "email",
      contactId,
      // The plain-text part: as typed, with the signature the HTML part (the stored body) has.
      text: emailText(text, reply.emailSignature),
      scheduledAt,
      attachments,
      email: {
        subject: message.subject ?? "",
        html: message.body ?? "",
        to: message.emailTo,
        cc: message.emailCc,
        bcc: message.emailBcc,
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
  async run({ replyId }, { attempt, db }): Promise<JobResult> {
    const prepared = await prepare(db, replyId);
    if (!prepared) return { outcome: "done" };
    if ("refusal" in prepared) return { outcome: "failed", error: prepared.refusal };
    if (prepared.transport.kind === "highlevel") {
      const wait = await waitForHighLevelTurn(prepared.locationId);
      if (wait) return wait;
    }
    const answer = await prepared.transport.send(prepared.request);
    switch (answer.kind) {
      case "accepted":
        await markReplyAccepted(db, replyId, prepared.request, answer);
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
  async onGivenUp({ replyId }, result, { db }) {
    if (result.outcome === "failed") return markReplyUnsent(db, replyId, "not_delivered", result.error);
    // A lost lease: the worker died (or hung) after the request may have gone out.
    const reason = result.error.startsWith("Outcome unknown")
      ? result.error
      : "Outcome unknown — it may have gone out (the worker stopped during the send)";
    await markReplyUnsent(db, replyId, "unknown", reason);
  },
});
