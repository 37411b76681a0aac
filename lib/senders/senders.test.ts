import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { conversationMessages } from "@/lib/testing/read-api";
import { echoOf, REPLY_LOCATION, REPLY_TOKEN, replyableConversation } from "@/lib/testing/reply-fixtures";
import { runJobs, sendReply } from "@/lib/testing/replies-api";
import { fetchReport } from "@/lib/testing/reports-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Who said it (issue #27, item 6), through the messages API: every outbound bubble names its
// sender. A HighLevel user the webhooks never named is asked of HighLevel's users API once, with
// the account's token, and cached; a reply from Threadline is its person, in the reports too.

const highLevel = highLevelApiStubForFile();
beforeEach(resetDatabase);

async function lastMessage(conversationId: string) {
  return (await conversationMessages(conversationId, "limit=50")).body.messages.at(-1);
}
const userRequests = (userId: string) => highLevel().seen.filter((r) => r.path === `/users/${userId}`);

describe("a HighLevel user's message", () => {
  it("is named through GET /users/{id} with the stored token, once: the name is cached", async () => {
    const { conversationId } = await replyableConversation();
    highLevel().contacts.users.set(REPLY_LOCATION, [
      { id: "u-maria", name: "Maria Lopez", firstName: "Maria", lastName: "Lopez", email: "maria@example.com" },
    ]);
    await postWebhook("highlevel", echoOf("out-1", "See you Friday", { userId: "u-maria", source: "app" }));
    expect((await lastMessage(conversationId))?.sender).toEqual({ kind: "highlevel-user", name: "HighLevel user" });
    await runJobs();
    expect(userRequests("u-maria")).toEqual([
      expect.objectContaining({ method: "GET", authorization: `Bearer ${REPLY_TOKEN}`, version: "2021-07-28" }),
    ]);
    expect(await lastMessage(conversationId)).toMatchObject({
      sender: { kind: "highlevel-user", name: "Maria Lopez" },
      author: { name: "Maria Lopez", externalId: "u-maria" },
    });

    await postWebhook("highlevel", echoOf("out-2", "Bring your X-rays", { userId: "u-maria", source: "app" }));
    await runJobs();
    expect(userRequests("u-maria")).toHaveLength(1);
    expect((await lastMessage(conversationId))?.sender).toEqual({ kind: "highlevel-user", name: "Maria Lopez" });
  });

  it("a user HighLevel does not know is asked for once and stays unnamed; no token, nothing is asked", async () => {
    const { conversationId } = await replyableConversation();
    await postWebhook("highlevel", echoOf("out-1", "Hello", { userId: "u-gone" }));
    await runJobs();
    await postWebhook("highlevel", echoOf("out-2", "Hello again", { userId: "u-gone" }));
    await runJobs();
    expect(userRequests("u-gone")).toHaveLength(1);
    expect((await lastMessage(conversationId))?.sender).toEqual({ kind: "highlevel-user", name: "HighLevel user" });
    const teammate = await (await getPrisma()).teammate.findFirstOrThrow({ where: { externalId: "u-gone" } });
    expect(teammate.deletedAt).not.toBeNull(); // never offered as a person to link

    await resetDatabase();
    const untokened = await replyableConversation({ token: false });
    await postWebhook("highlevel", echoOf("out-3", "Hi", { userId: "u-other" }));
    await runJobs();
    expect(userRequests("u-other")).toEqual([]);
    expect((await lastMessage(untokened.conversationId))?.sender?.kind).toBe("highlevel-user");
  });

  it("a workflow's message says Workflow, even with a user id", async () => {
    const { conversationId } = await replyableConversation();
    await postWebhook("highlevel", echoOf("out-1", "Reminder: Friday 10:00", { source: "workflow", userId: "u-x" }));
    expect((await lastMessage(conversationId))?.sender).toEqual({ kind: "automation", name: "Workflow" });
  });
});

describe("a reply from Threadline", () => {
  it("is its person's, after HighLevel's echo too, and counts in the reports' response times per person", async () => {
    const { conversationId, member } = await replyableConversation();
    highLevel().beforeSendAnswer = async ({ messageId, body }) => {
      await postWebhook("highlevel", echoOf(messageId, String(body.message)));
    };
    await sendReply(conversationId, member.headers, { clientKey: "sender-key-1", channel: "sms", text: "On my way" });
    await runJobs();
    expect(await lastMessage(conversationId)).toMatchObject({
      reply: { state: "sent" },
      sender: { kind: "person", name: "Test User" },
      author: { name: "Test User", externalId: `threadline:user:${member.id}` },
    });

    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const range = `from=${yesterday}&to=${today}&tz=UTC`;
    const { body: firstResponse } = await fetchReport("first-response", range);
    expect(firstResponse.byAgent).toEqual([
      expect.objectContaining({ agentId: `threadline:user:${member.id}`, name: "Test User", answered: 1 }),
    ]);
    const { body: agents } = await fetchReport("agents", range);
    expect(agents.agents).toEqual([
      expect.objectContaining({ agentId: `threadline:user:${member.id}`, name: "Test User", messagesSent: 1 }),
    ]);
  });
});
