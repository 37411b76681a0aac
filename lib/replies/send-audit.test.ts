import { beforeEach, describe, expect, it } from "vitest";
import { issueApiToken } from "@/lib/access/api-tokens/api-tokens";
import { getPrisma } from "@/lib/db";
import { accountIdOf, adminCookie, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { customerMessage, echoOf, replyableConversation } from "@/lib/testing/reply-fixtures";
import { dismissReply, retryReply, runJobs, sendReply } from "@/lib/testing/replies-api";
import { bearer, readSendAudit, storedSendAudit } from "@/lib/testing/send-audit-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Issue #27 item 8: every send and how it ended is in the audit with who, when, the channel, the
// account and the conversation; never the text. Owners (and administrators) read it.

const highLevel = highLevelApiStubForFile();
beforeEach(resetDatabase);

const TEXT = "Your crown is ready, Ana";
const sms = (clientKey: string) => ({ clientKey, channel: "sms", text: TEXT });
const refuse = (message: string) => highLevel().sendQueue.push({ status: 422, body: { message } });

/** The audit as (action, who, reason) in order, after checking what every row must hold. */
async function auditTrail(expected: { accountId: string; conversationId: string }) {
  const rows = await storedSendAudit();
  for (const row of rows) {
    expect(row).toMatchObject({ ...expected, channel: "sms" });
    expect(row.createdAt).toBeInstanceOf(Date);
    expect(JSON.stringify(row)).not.toContain("crown");
  }
  return rows.map((row) => [row.action, row.actorName, row.reason]);
}

describe("the send audit", () => {
  it("records a send, Not delivered with the reason, the Retry and its Sent, each with who", async () => {
    const { conversationId, accountId, member } = await replyableConversation();
    await (await getPrisma()).user.update({ where: { id: member.id }, data: { name: "Ana Agent" } });
    const ben = await createSignedInUser({ accounts: [{ accountId }] });
    await (await getPrisma()).user.update({ where: { id: ben.id }, data: { name: "Ben Agent" } });
    refuse("The contact has opted out of SMS");
    const { body } = await sendReply(conversationId, member.headers, sms("key-audit-1"));
    await runJobs();
    const replyId = (body.reply as { id: string }).id;
    expect((await retryReply(replyId, ben.headers)).status).toBe(200);
    await runJobs();
    expect(await auditTrail({ accountId, conversationId })).toEqual([
      ["send", "Ana Agent", null],
      ["not_delivered", "Ana Agent", "The contact has opted out of SMS"],
      ["retry", "Ben Agent", null],
      ["sent", "Ben Agent", null],
    ]);
    const rows = await storedSendAudit();
    expect(rows.map((r) => r.actorUserId)).toEqual([member.id, member.id, ben.id, ben.id]);
    expect(rows.every((r) => r.replyId === replyId && r.actorTokenId === null)).toBe(true);
  });

  it("records an API token's send, Outcome unknown, the echo that makes it Sent, and a Dismiss", async () => {
    const { conversationId, accountId, member } = await replyableConversation();
    await (await getPrisma()).user.update({ where: { id: member.id }, data: { name: "Ana Agent" } });
    const token = await issueApiToken(accountId, "Booking bot", "send");
    highLevel().sendQueue.push({ status: 502, body: { message: "Bad gateway" } });
    await sendReply(conversationId, bearer(token.token), sms("key-audit-2"));
    await runJobs();
    await postWebhook("highlevel", echoOf("hl-echo-audit", TEXT));
    refuse("Invalid number");
    const second = await sendReply(conversationId, member.headers, { ...sms("key-audit-3"), text: "Call us" });
    await runJobs();
    expect((await dismissReply((second.body.reply as { id: string }).id, member.headers)).status).toBe(200);
    const trail = await auditTrail({ accountId, conversationId });
    expect(trail.map(([action, who]) => [action, who])).toEqual([
      ["send", "Booking bot"],
      ["unknown", "Booking bot"],
      ["sent", "Booking bot"],
      ["send", "Ana Agent"],
      ["not_delivered", "Ana Agent"],
      ["dismiss", "Ana Agent"],
    ]);
    expect(trail[1]?.[2]).toMatch(/^Outcome unknown/);
    const rows = await storedSendAudit();
    expect(rows.slice(0, 3).every((r) => r.actorTokenId === token.id && r.actorUserId === null)).toBe(true);
  });

  it("is read by owners for their accounts and administrators for all; not by members, tokens or other owners", async () => {
    const { conversationId, accountId, member } = await replyableConversation();
    await sendReply(conversationId, member.headers, sms("key-audit-4"));
    await runJobs();
    await postWebhook("highlevel", customerMessage({ locationId: "loc-other", conversationId: "conv-other" }));
    const otherAccount = await accountIdOf("highlevel", "loc-other");
    const owner = await createSignedInUser({ accounts: [{ accountId, role: "owner" }] });
    const otherOwner = await createSignedInUser({ accounts: [{ accountId: otherAccount, role: "owner" }] });

    const page = await readSendAudit(owner.headers, "limit=1");
    expect(page.status).toBe(200);
    expect(page.body.rows).toEqual([
      expect.objectContaining({
        action: "sent",
        channel: "sms",
        accountId,
        accountName: expect.any(String),
        conversationId,
        actor: { kind: "person", name: "Test User" },
      }),
    ]);
    const next = await readSendAudit(owner.headers, `limit=1&cursor=${page.body.nextCursor}`);
    expect(next.body.rows.map((r) => r.action)).toEqual(["send"]);
    expect(next.body.nextCursor).toBeNull();
    expect(JSON.stringify([page.body, next.body])).not.toContain("crown");
    expect((await readSendAudit({ cookie: await adminCookie() })).body.rows).toHaveLength(2);

    expect((await readSendAudit(otherOwner.headers)).body.rows).toEqual([]);
    expect((await readSendAudit(otherOwner.headers, `accountId=${accountId}`)).status).toBe(404);
    expect((await readSendAudit(member.headers)).status).toBe(403);
    const token = await issueApiToken(accountId, "crm", "send");
    expect((await readSendAudit(bearer(token.token))).status).toBe(403);
    expect((await readSendAudit(owner.headers, "cursor=nonsense")).status).toBe(400);
  });
});
