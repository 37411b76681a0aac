import type { RootDb } from "@/lib/db/client";
import { randomUUID } from "node:crypto";
import { scopeIncludes } from "@/lib/access/scope";
import type { Viewer } from "@/lib/access/viewer";
import { Prisma } from "@/lib/generated/prisma/client";
import { HttpError, NotFoundError } from "@/lib/http/errors";
import { enqueueJob } from "@/lib/jobs/queue";
import { wakeLocalJobWorker } from "@/lib/jobs/local-worker";
import { publishConversationChanges } from "@/lib/live/bus";
import { storeMessage } from "@/lib/messages/store-message";
import { attachmentKind } from "@/lib/normalize/attachments";
import { emailSignatureOf } from "@/lib/profile/email-signature";
import { threadlineAuthorId } from "@/lib/senders/sender";
import { replyActor } from "./actor";
import { recordSendAudit } from "./audit";
import { clearDraftOnSend } from "./drafts";
import { emailHtml } from "./email-html";
import { lastEmailSubject, NO_CONTACT, TOKEN_NEEDED, VOXITY_CANNOT_SEND } from "./options";
import { SEND_REPLY } from "./kinds";
import { canSendFrom } from "./transport";
import { checkReplyRules } from "./rules";
import { requestedSendAt } from "./schedule";
import type { ReplyInput } from "./validations";
import { replyView, type ReplyView } from "./view";

// Send, local first: the reply's message is stored at once (the thread shows it as "Sending") and
// a send-reply job hands it to HighLevel. One press of Send is one reply: the composer's clientKey
// makes a double click, a second tab or a client retry of the same request the same reply.

export { TOKEN_NEEDED, VOXITY_CANNOT_SEND };

/** The conversation, when this viewer may send in it (404, or 409 saying why not); the upload route asks the same. */
export async function replyableConversation(db: RootDb, viewer: Viewer, conversationId: string) {
  const author = replyActor(viewer);
  const conversation = await db.conversation.findUnique({
    where: { id: conversationId },
    include: {
      account: { select: { provider: true, externalId: true } },
      customer: { select: { id: true, externalId: true, email: true } },
    },
  });
  // Another account's conversation is as absent as one that does not exist.
  if (!conversation || !scopeIncludes(viewer.scope, conversation.accountId)) throw new NotFoundError("conversation");
  if (conversation.account.provider !== "highlevel") throw new HttpError(409, VOXITY_CANNOT_SEND);
  if (!conversation.customer) throw new HttpError(409, NO_CONTACT);
  if (!(await canSendFrom(db, conversation.accountId))) throw new HttpError(409, TOKEN_NEEDED);
  return { ...conversation, customer: conversation.customer, author };
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export async function createReply(
  db: RootDb,
  viewer: Viewer,
  conversationId: string,
  input: ReplyInput,
): Promise<{ reply: ReplyView; created: boolean }> {
  const conversation = await replyableConversation(db, viewer, conversationId);
  const existing = await db.reply.findUnique({
    where: { conversationId_clientKey: { conversationId, clientKey: input.clientKey } },
  });
  if (existing) return { reply: replyView(existing), created: false };
  const sendAt = requestedSendAt(input.sendAt);
  // Consent and WhatsApp's 24-hour window (lib/replies/rules.ts); a template's reply carries its text.
  const { text, templateId = null } = await checkReplyRules(
    db,
    { customerId: conversation.customer.id, account: { id: conversation.accountId, ...conversation.account } },
    input,
    sendAt,
  );
  if (input.channel === "email" && !conversation.customer.email)
    throw new HttpError(409, "This customer has no email address to write to");
  const email = input.channel === "email";
  const lastSubject = email ? await lastEmailSubject(db, conversationId) : null;
  const subject = email ? input.subject || lastSubject || "(no subject)" : null;
  // Email only: the author's signature as it is now (a retry sends the same), the typed Markdown as HTML.
  const signature = email ? await emailSignatureOf(conversation.author.userId) : null;
  const replyId = randomUUID();
  const messageExternalId = `threadline:${replyId}`;
  try {
    const reply = await db.$transaction(async (tx) => {
      await storeMessage(
        tx,
        conversation.accountId,
        {
          externalId: messageExternalId,
          conversationExternalId: conversation.externalId,
          customerExternalId: conversation.customer.externalId,
          channel: input.channel,
          direction: "outbound",
          status: "sending",
          body: email ? emailHtml(text, signature) : text,
          contentType: email ? "text/html" : null,
          subject,
          email: email
            ? {
                from: null,
                to: [conversation.customer.email ?? ""],
                cc: input.cc ?? [],
                bcc: input.bcc ?? [],
                threadId: null,
                messageId: null,
              }
            : null,
          call: null,
          authorName: conversation.author.name,
          authorExternalId: threadlineAuthorId(conversation.author),
          source: "threadline",
          sentAt: new Date(),
          // The files the attachments route uploaded: the thread shows them with the reply.
          attachments: (input.attachments ?? []).map((url) => ({ url, kind: attachmentKind(url, "other") })),
        },
        () => Promise.reject(new Error("the conversation has its customer")),
        null,
      );
      const message = await tx.message.findUniqueOrThrow({
        where: {
          accountId_externalId_direction: {
            accountId: conversation.accountId,
            externalId: messageExternalId,
            direction: "outbound",
          },
        },
        select: { id: true },
      });
      const row = await tx.reply.create({
        data: {
          id: replyId,
          accountId: conversation.accountId,
          conversationId,
          messageId: message.id,
          authorUserId: conversation.author.userId,
          clientKey: input.clientKey,
          channel: input.channel,
          text,
          templateId,
          emailSignature: signature,
          scheduledFor: sendAt,
        },
      });
      // What was just sent is no longer the sender's draft.
      if (conversation.author.userId) await clearDraftOnSend(tx, conversationId, conversation.author.userId);
      await enqueueJob(tx, { kind: SEND_REPLY, payload: { replyId }, accountId: conversation.accountId });
      await recordSendAudit(tx, row, "send", conversation.author);
      return row;
    });
    wakeLocalJobWorker();
    publishConversationChanges(conversation.accountId, [conversationId]);
    return { reply: replyView(reply), created: true };
  } catch (error) {
    // The same press of Send arrived twice at once: the other request made the reply.
    if (!isUniqueViolation(error)) throw error;
    const raced = await db.reply.findUniqueOrThrow({
      where: { conversationId_clientKey: { conversationId, clientKey: input.clientKey } },
    });
    return { reply: replyView(raced), created: false };
  }
}
