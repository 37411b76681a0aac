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
import { putProfile } from "@/lib/testing/profile-api";
import { runJobs, sendReply } from "@/lib/testing/replies-api";
import { getDraft, putDraft } from "@/lib/testing/drafts-api";
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
    expect((await postWebhook("highlevel", echoOf(messageId, "On my way"))).outcome?.status).toBe("processed");
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
      const echo = await postWebhook("highlevel", echoOf(messageId, String(body.message)));
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
    await postWebhook("highlevel", echoOf(highLevel().sent[0]!.messageId, "Only once"));
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
    const signed = await putProfile(member.headers, { emailSignature: "Ana Ruiz\nSunset <Dental>" });
    expect(signed).toMatchObject({ status: 200, body: { profile: { emailSignature: "Ana Ruiz\nSunset <Dental>" } } });
    const text =
      "It ships **today**.\nTracking: <b>123</b>\n\n- [track it](https://track.example/123)\n- [x](javascript:alert(1))";
    const sent = await sendReply(conversationId, member.headers, {
      clientKey: "key-email",
      channel: "email",
      text,
      cc: ["ops@sunset.example", "Bo@Sunset.example"],
      bcc: ["audit@sunset.example"],
    });
    expect(sent.status).toBe(201);
    await runJobs();
    const link = 'target="_blank" rel="noopener noreferrer nofollow"';
    expect(highLevel().seen[0]?.body).toEqual({
      type: "Email",
      contactId: REPLY_CONTACT,
      subject: "Re: Order Confirmed",
      // Markdown as HTML; typed HTML stays text; a javascript: link loses its address.
      html:
        "<div><p>It ships <strong>today</strong>.<br>Tracking: &lt;b&gt;123&lt;/b&gt;</p>\n<ul>\n" +
        `<li><a href="https://track.example/123" ${link}>track it</a></li>\n<li><a ${link}>x</a></li>\n</ul>\n` +
        "<div>-- <br>Ana Ruiz<br>Sunset &lt;Dental&gt;</div></div>",
      // The plain-text part: exactly as typed, then the signature after its "-- " line.
      message: `${text}\n\n-- \nAna Ruiz\nSunset <Dental>`,
      emailTo: "ana@example.com",
      emailCc: ["ops@sunset.example", "Bo@Sunset.example"],
      emailBcc: ["audit@sunset.example"],
      replyMessageId: "email-in-1",
      threadId: "thread-7",
    });
    const last = (await thread(conversationId)).at(-1);
    expect(last).toMatchObject({
      channel: "email",
      subject: "Re: Order Confirmed",
      email: { cc: ["ops@sunset.example", "Bo@Sunset.example"], bcc: ["audit@sunset.example"] },
      reply: { state: "sent" },
    });
    // The thread shows it as it shows other emails: the sanitised HTML.
    expect(last?.html?.html).toContain("<strong>today</strong>");
  });

  it("a Cc that is not an address is a 400 naming it: nothing is stored or sent, the draft is kept", async () => {
    const { conversationId, member } = await replyableConversation();
    await putDraft(conversationId, member.headers, {
      text: "See below",
      channel: "email",
      cc: "ops@sunset.example bob@",
    });
    const sent = await sendReply(conversationId, member.headers, {
      clientKey: "key-bad-cc",
      channel: "email",
      text: "See below",
      cc: ["ops@sunset.example", "bob@"],
    });
    expect(sent).toMatchObject({ status: 400, body: { error: 'cc: "bob@" is not an email address' } });
    await runJobs();
    expect(highLevel().seen).toEqual([]);
    expect(await thread(conversationId)).toHaveLength(1);
    expect((await getDraft(conversationId, member.headers)).body.draft).toMatchObject({
      text: "See below",
      cc: "ops@sunset.example bob@",
    });
  });
});

describe("a signature and Markdown are email's only", () => {
  it("an SMS goes exactly as typed: no signature, no Markdown", async () => {
    const { conversationId, member } = await replyableConversation();
    await putProfile(member.headers, { emailSignature: "Ana Ruiz" });
    const text = "**Friday** at _10_ works";
    expect(
      (await sendReply(conversationId, member.headers, { clientKey: "key-sms-md", channel: "sms", text })).status,
    ).toBe(201);
    await runJobs();
    expect(highLevel().seen[0]?.body).toEqual({ type: "SMS", contactId: REPLY_CONTACT, message: text });
    expect((await thread(conversationId)).at(-1)).toMatchObject({ body: text, html: null });
  });
});
