import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { conversationDetail, conversationMessages } from "@/lib/testing/read-api";
import {
  customerMessage,
  echoOf,
  REPLY_CONTACT,
  REPLY_TOKEN,
  replyableConversation,
} from "@/lib/testing/reply-fixtures";
import { runJobs, sendReply } from "@/lib/testing/replies-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Sending a reply, through the real route, queue and job, against a stand-in for HighLevel's API
// that records every request: the exact request per channel, local first, one row per message
// whichever of the API's answer and HighLevel's echo comes first, and one send per press of Send.

const highLevel = highLevelApiStubForFile();
beforeEach(resetDatabase);

async function thread(conversationId: string) {
  return (await conversationMessages(conversationId, "limit=100")).body.messages;
}

describe("an SMS reply", () => {
  it("is in the thread at once as Sending, leaves Needs reply, then goes out exactly as typed", async () => {
    const { conversationId, member } = await replyableConversation();
    expect((await conversationDetail(conversationId)).body.conversation.awaitingReplySince).not.toBeNull();
    const text = "Yes — Friday at 10:00 works.\nSee you then 👋";
    const sent = await sendReply(conversationId, member.headers, { clientKey: "key-sms-1", channel: "sms", text });
    expect(sent.status).toBe(201);
    expect(sent.body.reply).toMatchObject({ state: "sending", channel: "sms", error: null });

    const before = await thread(conversationId);
    expect(before.at(-1)).toMatchObject({ direction: "outbound", body: text, reply: { state: "sending" } });
    expect(before.at(-1)?.author?.name).toBe("Test User");
    expect((await conversationDetail(conversationId)).body.conversation.awaitingReplySince).toBeNull();
    expect(highLevel().seen).toEqual([]); // nothing leaves before the job runs

    await runJobs();
    expect(highLevel().seen).toHaveLength(1);
    const [request] = highLevel().seen;
    expect(request).toMatchObject({
      method: "POST",
      path: "/conversations/messages",
      authorization: `Bearer ${REPLY_TOKEN}`,
      version: "2021-04-15",
    });
    expect(request?.body).toEqual({ type: "SMS", contactId: REPLY_CONTACT, message: text });
    const after = await thread(conversationId);
    expect(after).toHaveLength(2);
    expect(after.at(-1)).toMatchObject({ externalId: highLevel().sent[0]!.messageId, reply: { state: "sent" } });
  });

  it("HighLevel's echo after the answer merges into the same message", async () => {
    const { conversationId, member } = await replyableConversation();
    await sendReply(conversationId, member.headers, { clientKey: "key-echo-after", channel: "sms", text: "On my way" });
    await runJobs();
    const { messageId } = highLevel().sent[0]!;
    expect((await postWebhook("leadconnector", echoOf(messageId, "On my way"))).outcome?.status).toBe("processed");
    const messages = await thread(conversationId);
    expect(messages.filter((m) => m.direction === "outbound")).toHaveLength(1);
    expect(messages.at(-1)).toMatchObject({
      externalId: messageId,
      reply: { state: "sent" },
      author: { name: "Test User" },
    });
  });

  it("HighLevel's echo before the answer merges too: one message, sent", async () => {
    const { conversationId, member } = await replyableConversation();
    highLevel().beforeSendAnswer = async ({ messageId, body }) => {
      const echo = await postWebhook("leadconnector", echoOf(messageId, String(body.message)));
      expect(echo.outcome?.status).toBe("processed");
    };
    await sendReply(conversationId, member.headers, {
      clientKey: "key-echo-first",
      channel: "sms",
      text: "Echo first",
    });
    await runJobs();
    const messages = await thread(conversationId);
    expect(messages.filter((m) => m.direction === "outbound")).toHaveLength(1);
    expect(messages.at(-1)).toMatchObject({
      externalId: highLevel().sent[0]!.messageId,
      body: "Echo first",
      reply: { state: "sent" },
      author: { name: "Test User" },
    });
    const prisma = await getPrisma();
    expect(await prisma.message.count({ where: { direction: "outbound" } })).toBe(1);
  });

  it("the same press of Send twice at once (a double click, two tabs) is one reply and one send", async () => {
    const { conversationId, member } = await replyableConversation();
    const body = { clientKey: "key-double", channel: "sms", text: "Only once" };
    const answers = await Promise.all([1, 2, 3].map(() => sendReply(conversationId, member.headers, body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => (a.body.reply as { id: string }).id)).size).toBe(1);
    await runJobs();
    await runJobs();
    expect(highLevel().sent).toHaveLength(1);
    // Redelivered and replayed webhooks never send: only the job does, and it has run.
    await postWebhook("leadconnector", echoOf(highLevel().sent[0]!.messageId, "Only once"));
    await runJobs();
    expect(highLevel().sent).toHaveLength(1);
  });
});

describe("an email reply", () => {
  it("goes into the customer's thread: subject Re:, HTML and text, to their address, replying to their last email", async () => {
    const { conversationId, member } = await replyableConversation({
      firstMessage: customerMessage({
        messageType: "Email",
        messageId: undefined,
        emailMessageId: "email-in-1",
        threadId: "thread-7",
        subject: "Order Confirmed",
        body: "<div>Where is my order?</div>",
      }),
    });
    const text = "It ships today.\nTracking: <b>123</b>";
    const sent = await sendReply(conversationId, member.headers, { clientKey: "key-email", channel: "email", text });
    expect(sent.status).toBe(201);
    await runJobs();
    expect(highLevel().seen[0]?.body).toEqual({
      type: "Email",
      contactId: REPLY_CONTACT,
      subject: "Re: Order Confirmed",
      html: "<div>It ships today.<br>Tracking: &#60;b&#62;123&#60;/b&#62;</div>",
      message: text,
      emailTo: "ana@example.com",
      replyMessageId: "email-in-1",
      threadId: "thread-7",
    });
    const last = (await thread(conversationId)).at(-1);
    expect(last).toMatchObject({ channel: "email", subject: "Re: Order Confirmed", reply: { state: "sent" } });
  });
});
