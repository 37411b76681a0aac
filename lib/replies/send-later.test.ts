import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { cancelReply, getDraft, putDraft } from "@/lib/testing/drafts-api";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { conversationMessages } from "@/lib/testing/read-api";
import { REPORTED_FAILED } from "./delivery-status";
import {
  customerMessage,
  echoOf,
  REPLY_CONTACT,
  REPLY_TOKEN,
  replyableConversation,
} from "@/lib/testing/reply-fixtures";
import { runJobs, sendReply } from "@/lib/testing/replies-api";
import { loadFixture, postWebhook } from "@/lib/testing/webhooks";

// Send later with HighLevel's own schedule, through the real routes, queue and job against the
// stand-in: the send call carries scheduledTimestamp, the reply shows as scheduled, Cancel calls
// HighLevel's cancel endpoint and puts the text back as a draft; impossible times are refused.

const highLevel = highLevelApiStubForFile();
beforeEach(resetDatabase);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A whole second: HighLevel's timestamp is in seconds. */
const inFuture = (ms: number) => new Date(Math.floor((Date.now() + ms) / 1000) * 1000);

async function lastReply(conversationId: string) {
  const { messages } = (await conversationMessages(conversationId, "limit=100")).body;
  return messages.at(-1);
}

async function scheduleSms(text: string, at = inFuture(DAY)) {
  const fixture = await replyableConversation();
  const sent = await sendReply(fixture.conversationId, fixture.member.headers, {
    clientKey: `key-later-${text.length}`,
    channel: "sms",
    text,
    sendAt: at.toISOString(),
  });
  expect(sent.status).toBe(201);
  await runJobs();
  return { ...fixture, at, replyId: (sent.body.reply as { id: string }).id };
}

describe("a reply sent later", () => {
  it("goes to HighLevel at once with scheduledTimestamp (UTC seconds) and shows as scheduled for its time", async () => {
    const { conversationId, at } = await scheduleSms("See you Monday!", inFuture(3 * DAY));
    expect(highLevel().seen).toHaveLength(1);
    expect(highLevel().seen[0]).toMatchObject({
      method: "POST",
      path: "/conversations/messages",
      authorization: `Bearer ${REPLY_TOKEN}`,
    });
    expect(highLevel().seen[0]?.body).toEqual({
      type: "SMS",
      contactId: REPLY_CONTACT,
      message: "See you Monday!",
      scheduledTimestamp: at.getTime() / 1000,
    });
    const { messageId } = highLevel().sent[0]!;
    expect(highLevel().scheduled.has(messageId)).toBe(true);
    expect(await lastReply(conversationId)).toMatchObject({
      externalId: messageId,
      body: "See you Monday!",
      status: "scheduled",
      reply: { state: "scheduled", scheduledFor: at.toISOString() },
    });
    // Running the queue again sends nothing more: HighLevel holds it.
    await runJobs();
    expect(highLevel().sent).toHaveLength(1);
  });

  it("becomes Sent when HighLevel sends it at its time, then follows its status forward only", async () => {
    const { conversationId, replyId } = await scheduleSms("Reminder: tomorrow 9:00");
    const { messageId } = highLevel().sent[0]!;
    const replyState = async () => (await getPrisma()).reply.findUniqueOrThrow({ where: { id: replyId } });
    // HighLevel posts the message when it goes out, under the id it answered with.
    const echo = (status: string, id = `evt-${status}`) =>
      postWebhook("highlevel", { ...echoOf(messageId, "Reminder: tomorrow 9:00", { status }), webhookId: id });
    expect((await echo("delivered")).status).toBe(200);
    expect(await replyState()).toMatchObject({ state: "sent" });
    expect(await lastReply(conversationId)).toMatchObject({ status: "delivered", reply: { state: "sent" } });
    // A late "sent" is old news; "read" moves on. One bubble all along.
    await echo("sent");
    await echo("read");
    const { messages } = (await conversationMessages(conversationId, "limit=100")).body;
    expect(messages.filter((message) => message.direction === "outbound")).toHaveLength(1);
    expect(messages.at(-1)).toMatchObject({ status: "read" });
    // Failed after going out: Not delivered, with Retry for a person (nothing sent by itself).
    await echo("failed");
    expect(await replyState()).toMatchObject({ state: "not_delivered", error: REPORTED_FAILED });
    await runJobs();
    expect(highLevel().sent).toHaveLength(1);
  });

  it("an email carries it too, and Cancel uses HighLevel's email cancel with the email id", async () => {
    const { conversationId, member } = await replyableConversation({
      firstMessage: customerMessage({ messageType: "Email", subject: "Order", body: "<p>Where is it?</p>" }),
    });
    const at = inFuture(2 * DAY);
    const sent = await sendReply(conversationId, member.headers, {
      clientKey: "key-later-email",
      channel: "email",
      text: "It ships Monday.",
      sendAt: at.toISOString(),
    });
    await runJobs();
    expect(highLevel().seen[0]?.body).toMatchObject({ type: "Email", scheduledTimestamp: at.getTime() / 1000 });
    const emailMessageId = highLevel().scheduled.get(highLevel().sent[0]!.messageId)?.emailMessageId;
    expect(emailMessageId).toBeTruthy();
    const cancelled = await cancelReply((sent.body.reply as { id: string }).id, member.headers);
    expect(cancelled.status).toBe(200);
    const cancel = highLevel().seen.at(-1);
    expect(cancel).toMatchObject({
      method: "DELETE",
      path: `/conversations/messages/email/${emailMessageId}/schedule`,
      version: "v3",
      authorization: `Bearer ${REPLY_TOKEN}`,
    });
    expect((await getDraft(conversationId, member.headers)).body.draft).toMatchObject({
      text: "It ships Monday.",
      channel: "email",
      subject: "Re: Order",
    });
  });
});

describe("Cancel", () => {
  it("calls HighLevel's cancel, marks the reply cancelled and puts its text back as the canceller's draft", async () => {
    const { conversationId, member, replyId } = await scheduleSms("Tomorrow at 9 then");
    const { messageId } = highLevel().sent[0]!;
    const answer = await cancelReply(replyId, member.headers);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      reply: { id: replyId, state: "cancelled" },
      draft: { text: "Tomorrow at 9 then", channel: "sms" },
      restored: { text: "Tomorrow at 9 then", channel: "sms" },
    });
    expect(highLevel().seen.at(-1)).toMatchObject({
      method: "DELETE",
      path: `/conversations/messages/${messageId}/schedule`,
      version: "2021-04-15",
      authorization: `Bearer ${REPLY_TOKEN}`,
    });
    expect(highLevel().cancelled).toEqual([messageId]);
    expect(await lastReply(conversationId)).toMatchObject({ status: "cancelled", reply: { state: "cancelled" } });
    expect((await getDraft(conversationId, member.headers)).body.draft).toMatchObject({ text: "Tomorrow at 9 then" });

    // Again: the same answer, and HighLevel is not asked again.
    const again = await cancelReply(replyId, member.headers);
    expect(again).toMatchObject({ status: 200, body: { reply: { state: "cancelled" } } });
    expect(highLevel().seen.filter((request) => request.method === "DELETE")).toHaveLength(1);
  });

  it("keeps a draft started meanwhile, with the reply's text after it", async () => {
    const { conversationId, member, replyId } = await scheduleSms("Running late");
    await putDraft(conversationId, member.headers, { text: "Also:", channel: "sms" });
    const answer = await cancelReply(replyId, member.headers);
    expect(answer.body).toMatchObject({ draft: { text: "Also:\n\nRunning late" }, restored: { text: "Running late" } });
  });

  it("when HighLevel cannot cancel it, it stays scheduled and the person is told why", async () => {
    const { conversationId, member, replyId } = await scheduleSms("Already gone?");
    highLevel().queue.push({ status: 200, body: { status: 404, message: "Failed cancel the scheduled message" } });
    const refused = await cancelReply(replyId, member.headers);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toContain("Failed cancel the scheduled message");
    highLevel().queue.push({ status: 503, body: {} });
    expect((await cancelReply(replyId, member.headers)).status).toBe(502);
    expect(await lastReply(conversationId)).toMatchObject({ reply: { state: "scheduled" } });
    expect((await getDraft(conversationId, member.headers)).body).toEqual({ draft: null });
  });

  it("only a scheduled reply can be cancelled, and only in the person's scope", async () => {
    const { conversationId, member } = await replyableConversation();
    const now = await sendReply(conversationId, member.headers, {
      clientKey: "key-now-1",
      channel: "sms",
      text: "Now",
    });
    await runJobs();
    const nowId = (now.body.reply as { id: string }).id;
    expect((await cancelReply(nowId, member.headers)).status).toBe(409);
    await postWebhook("highlevel", {
      ...(loadFixture("highlevel-inbound-sms") as Record<string, unknown>),
      locationId: "loc-other",
    });
    const outsider = await createSignedInUser({
      accounts: [{ accountId: await accountIdOf("highlevel", "loc-other") }],
    });
    expect((await cancelReply(nowId, outsider.headers)).status).toBe(404);
    expect((await cancelReply("no-such-reply", member.headers)).status).toBe(404);
    expect(highLevel().seen.filter((request) => request.method === "DELETE")).toHaveLength(0);
  });
});

describe("times that cannot be", () => {
  it.each([
    ["a minute ago", -60_000, "That time has passed"],
    ["more than a year ahead", 366 * DAY, "more than a year ahead"],
  ])("%s is a 400 that says so; nothing is stored or sent", async (_name, offset, words) => {
    const { conversationId, member } = await replyableConversation();
    const answer = await sendReply(conversationId, member.headers, {
      clientKey: "key-bad-time",
      channel: "sms",
      text: "Hello",
      sendAt: new Date(Date.now() + offset).toISOString(),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toContain(words);
    await runJobs();
    expect(await (await getPrisma()).reply.count()).toBe(0);
    expect(highLevel().seen).toHaveLength(0);
  });

  it("a time that is not an ISO instant with its offset is a 400", async () => {
    const { conversationId, member } = await replyableConversation();
    for (const sendAt of ["tomorrow 8am", "2026-12-08T08:00", 1765180800]) {
      const answer = await sendReply(conversationId, member.headers, {
        clientKey: "key-bad-format",
        channel: "sms",
        text: "Hello",
        sendAt,
      });
      expect(answer.status).toBe(400);
    }
  });
});
