import { beforeEach, describe, expect, it } from "vitest";
import { issueApiToken } from "@/lib/access/api-tokens/api-tokens";
import { READ_ONLY_TOKEN, SEND_ONLY_TOKEN } from "@/lib/access/viewer";
import { getPrisma } from "@/lib/db";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { cancelReply } from "@/lib/testing/drafts-api";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { applyLabel, createLabel } from "@/lib/testing/label-api";
import { conversationMessages } from "@/lib/testing/read-api";
import { customerMessage, replyableConversation } from "@/lib/testing/reply-fixtures";
import { dismissReply, retryReply, runJobs, sendReply } from "@/lib/testing/replies-api";
import { bearer, createApiToken, listApiTokens } from "@/lib/testing/send-audit-api";
import { addNote, assign, snooze } from "@/lib/testing/team-api";
import { markDone, markRead } from "@/lib/testing/triage-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Issue #27 item 8: API tokens read unless an owner made them with the `send` scope; a send
// token sends (and retries, dismisses, cancels) in its own account only, and nothing else.

const highLevel = highLevelApiStubForFile();
beforeEach(resetDatabase);

const sms = (clientKey: string) => ({ clientKey, channel: "sms", text: "See you Friday" });

/** A reply HighLevel refused (Not delivered), so Retry and Dismiss have something to decide. */
async function refusedReply(conversationId: string, headers: Record<string, string>) {
  highLevel().sendQueue.push({ status: 422, body: { message: "The contact has opted out of SMS" } });
  const sent = await sendReply(conversationId, headers, sms("key-refused"));
  await runJobs();
  return (sent.body.reply as { id: string }).id;
}

describe("a read-only API token", () => {
  it("is refused every reply write and every team action with 403, and nothing changes", async () => {
    const { conversationId, accountId, member } = await replyableConversation();
    const replyId = await refusedReply(conversationId, member.headers);
    const owner = await createSignedInUser({ accounts: [{ accountId, role: "owner" }] });
    const label = (await createLabel(accountId, { name: "VIP" }, owner.headers)).body.label;
    const as = bearer((await issueApiToken(accountId, "crm")).token);
    const answers = {
      send: await sendReply(conversationId, as, sms("key-token")),
      retry: await retryReply(replyId, as),
      dismiss: await dismissReply(replyId, as),
      cancel: await cancelReply(replyId, as),
      assign: await assign(conversationId, member.id, as),
      note: await addNote(conversationId, { text: "hi" }, as),
      snooze: await snooze(conversationId, new Date(Date.now() + 3_600_000), as),
      label: await applyLabel(conversationId, label.id, as),
      done: await markDone(conversationId, as),
      read: await markRead(conversationId, as),
    };
    for (const [name, answer] of Object.entries(answers)) {
      expect(answer, name).toMatchObject({ status: 403, body: { error: READ_ONLY_TOKEN } });
    }
    const prisma = await getPrisma();
    expect(await prisma.reply.findMany({ select: { state: true } })).toEqual([{ state: "not_delivered" }]);
    expect(await prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({
      assigneeId: null,
      snoozedUntil: null,
      doneAt: null,
    });
    expect(await prisma.conversationNote.count()).toBe(0);
    expect(await prisma.conversationLabel.count()).toBe(0);
  });
});

describe("a send API token", () => {
  it("sends (201), retries and dismisses in its account, under its own name; team actions stay 403", async () => {
    const { conversationId, accountId, member } = await replyableConversation();
    const as = bearer((await issueApiToken(accountId, "Booking bot", "send")).token);
    const sent = await sendReply(conversationId, as, sms("key-bot-1"));
    expect(sent.status).toBe(201);
    await runJobs();
    expect(highLevel().sent).toHaveLength(1);
    const thread = (await conversationMessages(conversationId)).body.messages;
    expect(thread.at(-1)).toMatchObject({ direction: "outbound", author: { name: "Booking bot" } });
    const reply = await (await getPrisma()).reply.findFirstOrThrow({ where: { clientKey: "key-bot-1" } });
    expect(reply).toMatchObject({ state: "sent", authorUserId: null });

    const refused = await refusedReply(conversationId, member.headers);
    expect((await retryReply(refused, as)).status).toBe(200);
    highLevel().sendQueue.push({ status: 422, body: { message: "Still opted out" } });
    await runJobs();
    expect((await dismissReply(refused, as)).body).toMatchObject({ reply: { state: "dismissed" } });

    for (const answer of [
      await assign(conversationId, member.id, as),
      await addNote(conversationId, { text: "hi" }, as),
      await markDone(conversationId, as),
    ]) {
      expect(answer).toMatchObject({ status: 403, body: { error: SEND_ONLY_TOKEN } });
    }
  });

  it("of another account, like a member of another account, finds no conversation or reply there (404)", async () => {
    const { conversationId, member } = await replyableConversation();
    const replyId = await refusedReply(conversationId, member.headers);
    await postWebhook("highlevel", customerMessage({ locationId: "loc-other", conversationId: "conv-other" }));
    const otherAccount = await accountIdOf("highlevel", "loc-other");
    const outsider = await createSignedInUser({ accounts: [{ accountId: otherAccount, role: "owner" }] });
    const otherToken = bearer((await issueApiToken(otherAccount, "their bot", "send")).token);
    for (const as of [otherToken, outsider.headers]) {
      expect((await sendReply(conversationId, as, sms("key-outside"))).status).toBe(404);
      expect((await retryReply(replyId, as)).status).toBe(404);
      expect((await dismissReply(replyId, as)).status).toBe(404);
      expect((await cancelReply(replyId, as)).status).toBe(404);
    }
    const prisma = await getPrisma();
    expect(await prisma.reply.findMany({ select: { clientKey: true, state: true } })).toEqual([
      { clientKey: "key-refused", state: "not_delivered" },
    ]);
  });
});

describe("making tokens", () => {
  it("only an owner makes a send token; read is the default; the list shows each token's scope", async () => {
    const { accountId, member } = await replyableConversation();
    const owner = await createSignedInUser({ accounts: [{ accountId, role: "owner" }] });
    expect((await createApiToken(accountId, { name: "bot", scope: "send" }, member.headers)).status).toBe(403);
    const readToken = await createApiToken(accountId, { name: "reporting" }, owner.headers);
    expect(readToken).toMatchObject({ status: 201, body: { scope: "read" } });
    const sendToken = await createApiToken(accountId, { name: "bot", scope: "send" }, owner.headers);
    expect(sendToken).toMatchObject({ status: 201, body: { scope: "send" } });
    expect((await createApiToken(accountId, { name: "x", scope: "admin" }, owner.headers)).status).toBe(400);
    // A send token cannot make tokens either (a team write).
    expect((await createApiToken(accountId, { name: "y" }, bearer(sendToken.body.token))).status).toBe(403);
    const listed = (await listApiTokens(accountId, owner.headers)).body.tokens;
    expect(listed.map(({ name, scope }) => ({ name, scope })).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: "bot", scope: "send" },
      { name: "reporting", scope: "read" },
    ]);
  });
});
