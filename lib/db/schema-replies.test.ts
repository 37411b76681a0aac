import { beforeEach, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";

// The job queue's, replies' and reply drafts' tables, every field written and read back through the generated
// client (the other models: schema.test.ts).

beforeEach(resetDatabase);

it("writes and reads back jobs, replies and drafts, every field", async () => {
  const prisma = await getPrisma();
  const at = new Date("2025-06-01T12:34:56.789Z");
  const account = await prisma.account.create({ data: { provider: "highlevel", externalId: "loc-jobs" } });
  const conversation = await prisma.conversation.create({ data: { accountId: account.id, externalId: "cv-1" } });
  const message = await prisma.message.create({
    data: {
      accountId: account.id,
      conversationId: conversation.id,
      externalId: "ms-1",
      channel: "email",
      direction: "outbound",
      sentAt: at,
    },
  });
  const user = await prisma.user.create({ data: { id: "u-1", name: "Owner", email: "o@x.com" } });
  const job = await prisma.job.create({
    data: {
      kind: "send-reply",
      accountId: account.id,
      payload: { replyId: "r" },
      state: "unknown",
      attempts: 1,
      runAfter: at,
      lockedUntil: at,
      lastError: "e",
      createdAt: at,
      finishedAt: at,
    },
  });
  expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toEqual(job);
  const reply = await prisma.reply.create({
    data: {
      accountId: account.id,
      conversationId: conversation.id,
      messageId: message.id,
      authorUserId: user.id,
      clientKey: "k",
      channel: "email",
      text: "Hola",
      state: "not_delivered",
      error: "opted out",
      providerMessageId: "hl-1",
      scheduledFor: at,
      providerEmailMessageId: "hl-email-1",
      templateId: "tpl-1",
      sends: 2,
      createdAt: at,
    },
  });
  expect(await prisma.reply.findUniqueOrThrow({ where: { id: reply.id } })).toEqual(reply);
  const draft = await prisma.replyDraft.create({
    data: {
      conversationId: conversation.id,
      userId: user.id,
      accountId: account.id,
      channel: "email",
      text: "Hola ",
      subject: "Re: Cita",
      updatedAt: at,
    },
  });
  expect(
    await prisma.replyDraft.findUniqueOrThrow({
      where: { conversationId_userId: { conversationId: conversation.id, userId: user.id } },
    }),
  ).toEqual(draft);
});
