import { beforeEach, describe, expect, it } from "vitest";
import { issueApiToken } from "@/lib/access/api-tokens/api-tokens";
import { getPrisma } from "@/lib/db";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { conversationByExternalId } from "@/lib/testing/read-api";
import { replyableConversation } from "@/lib/testing/reply-fixtures";
import { runJobs, sendReply } from "@/lib/testing/replies-api";
import { loadFixture, postWebhook } from "@/lib/testing/webhooks";
import { TOKEN_NEEDED, VOXITY_CANNOT_SEND } from "./create";

// Who may send, where, and what bad input gets: a 4xx with a reason, nothing stored, nothing sent.

const highLevel = highLevelApiStubForFile();
beforeEach(resetDatabase);

const sms = (text: string, clientKey = "key-access-1") => ({ clientKey, channel: "sms", text });
const replyCount = async () => (await getPrisma()).reply.count();

describe("who may send", () => {
  it("a member of another account gets 404, as for a conversation that does not exist", async () => {
    const { conversationId } = await replyableConversation();
    await postWebhook("highlevel", {
      ...(loadFixture("highlevel-inbound-sms") as Record<string, unknown>),
      locationId: "loc-other",
    });
    const outsider = await createSignedInUser({
      accounts: [{ accountId: await accountIdOf("highlevel", "loc-other") }],
    });
    expect((await sendReply(conversationId, outsider.headers, sms("hi"))).status).toBe(404);
    expect((await sendReply("no-such-conversation", outsider.headers, sms("hi"))).status).toBe(404);
    expect(await replyCount()).toBe(0);
  });

  it("an API token cannot send, nor can anyone signed out", async () => {
    const { conversationId, accountId } = await replyableConversation();
    const { token } = await issueApiToken(accountId, "crm");
    const withToken = await sendReply(conversationId, { authorization: `Bearer ${token}` }, sms("hi"));
    expect(withToken.status).toBe(403);
    expect((await sendReply(conversationId, {}, sms("hi"))).status).toBe(401);
    expect(await replyCount()).toBe(0);
  });

  it("a cross-site request is refused", async () => {
    const { conversationId, member } = await replyableConversation();
    const answer = await sendReply(conversationId, { ...member.headers, origin: "https://evil.example" }, sms("hi"));
    expect(answer.status).toBe(403);
  });
});

describe("where nothing can be sent", () => {
  it("an account without a HighLevel token says how to add one", async () => {
    const { conversationId, member } = await replyableConversation({ token: false });
    const answer = await sendReply(conversationId, member.headers, sms("hi"));
    expect(answer).toMatchObject({ status: 409, body: { error: TOKEN_NEEDED } });
  });

  it("a Voxity conversation says why", async () => {
    const posted = await postWebhook("voxity", loadFixture("voxity-sms-message-added"));
    expect(posted.status).toBe(200);
    const prisma = await getPrisma();
    const conversation = await prisma.conversation.findFirstOrThrow({ include: { account: true } });
    const member = await createSignedInUser({ accounts: [{ accountId: conversation.accountId }] });
    expect(conversation.account.provider).toBe("voxity");
    const answer = await sendReply(conversation.id, member.headers, sms("hi"));
    expect(answer).toMatchObject({ status: 409, body: { error: VOXITY_CANNOT_SEND } });
    expect(await conversationByExternalId(conversation.externalId)).toBeTruthy();
  });
});

describe("bad input", () => {
  it.each([
    ["empty text", sms("")],
    ["only whitespace", sms("  \n\t ")],
    ["an SMS over 1,600 characters", sms("x".repeat(1_601))],
    ["an unknown channel", { clientKey: "key-access-1", channel: "call", text: "hi" }],
    ["no clientKey", { channel: "sms", text: "hi" }],
    ["a clientKey with odd characters", sms("hi", "key with spaces")],
    ["not an object", "hello"],
  ])("%s is a 400 with a reason, nothing stored or sent", async (_name, body) => {
    const { conversationId, member } = await replyableConversation();
    const answer = await sendReply(conversationId, member.headers, body);
    expect(answer.status).toBe(400);
    expect(typeof answer.body.error).toBe("string");
    await runJobs();
    expect(await replyCount()).toBe(0);
    expect(highLevel().seen).toHaveLength(0);
  });

  it("an SMS of exactly 1,600 characters is accepted", async () => {
    const { conversationId, member } = await replyableConversation();
    expect((await sendReply(conversationId, member.headers, sms("x".repeat(1_600)))).status).toBe(201);
  });
});
