import net from "node:net";
import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { claimJobs } from "@/lib/jobs/queue";
import { SCOPE_MISSING } from "@/lib/providers/highlevel/api/send-message";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { conversationMessages, listConversations } from "@/lib/testing/read-api";
import { echoOf, replyableConversation } from "@/lib/testing/reply-fixtures";
import { dismissReply, retryReply, runJobs, sendReply } from "@/lib/testing/replies-api";
import { viewCounts } from "@/lib/testing/triage-api";
import { postWebhook } from "@/lib/testing/webhooks";
import { SEND_REPLY } from "./kinds";

// Each way a send can end, and what a person is left to decide. Only a 429 and a refused
// connection (certainly not sent) are tried again by themselves; a reply that may have gone out is
// never sent again except by Retry.

const highLevel = highLevelApiStubForFile();
beforeEach(resetDatabase);

async function sendOne(text = "Are you still interested?") {
  const { conversationId, member } = await replyableConversation();
  const { body } = await sendReply(conversationId, member.headers, {
    clientKey: `key-outcome-${text.length}`,
    channel: "sms",
    text,
  });
  const reply = body.reply as { id: string };
  return { conversationId, member, replyId: reply.id };
}

/** A port that was free a moment ago: a connection to it is refused before any request goes out. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const replyRow = async (id: string) => (await getPrisma()).reply.findUniqueOrThrow({ where: { id } });
const sendRequests = () => highLevel().seen.filter((r) => r.path === "/conversations/messages").length;

describe("outcomes", () => {
  it("a 4xx is Not delivered with HighLevel's words; Retry sends again, once", async () => {
    const { replyId, member, conversationId } = await sendOne();
    highLevel().sendQueue.push({ status: 422, body: { statusCode: 422, message: "The contact has opted out of SMS" } });
    await runJobs();
    expect(await replyRow(replyId)).toMatchObject({
      state: "not_delivered",
      error: "The contact has opted out of SMS",
    });
    const last = (await conversationMessages(conversationId)).body.messages.at(-1);
    expect(last?.reply).toMatchObject({ state: "not_delivered", error: "The contact has opted out of SMS" });
    await runJobs();
    expect(sendRequests()).toBe(1); // nothing by itself

    // In the Not delivered view, counted, until it is dealt with.
    const inView = async () => (await listConversations("view=not-delivered")).body.conversations.map((c) => c.id);
    expect(await inView()).toEqual([conversationId]);
    expect((await viewCounts()).notDelivered).toBe(1);

    const retried = await Promise.all([retryReply(replyId, member.headers), retryReply(replyId, member.headers)]);
    expect(retried.map((r) => r.status).sort()).toEqual([200, 409]); // two clicks, one retry
    await runJobs();
    expect(sendRequests()).toBe(2);
    expect(await replyRow(replyId)).toMatchObject({ state: "sent", sends: 2, error: null });
    expect(await inView()).toEqual([]);
  });

  it("a message HighLevel reports failed (sent from its own app) is in Not delivered until one goes out after it", async () => {
    const { conversationId } = await replyableConversation();
    await postWebhook("highlevel", echoOf("hl-app-1", "Sent from HighLevel", { status: "failed" }));
    expect((await listConversations("view=not-delivered")).body.conversations.map((c) => c.id)).toEqual([
      conversationId,
    ]);
    await postWebhook("highlevel", echoOf("hl-app-2", "Second try", { status: "delivered" }));
    expect((await listConversations("view=not-delivered")).body.conversations).toEqual([]);
  });

  it("a 401 or 403 names the missing scope", async () => {
    const { replyId } = await sendOne();
    highLevel().sendQueue.push({ status: 403, body: { message: "The token is not authorized for this scope." } });
    await runJobs();
    expect(await replyRow(replyId)).toMatchObject({ state: "not_delivered", error: SCOPE_MISSING });
  });

  it("a 429 is not sent: it goes again after Retry-After, by itself", async () => {
    const { replyId } = await sendOne();
    highLevel().sendQueue.push({
      status: 429,
      headers: { "retry-after": "1" },
      body: { message: "Too many requests" },
    });
    await runJobs();
    expect(await replyRow(replyId)).toMatchObject({ state: "sending" });
    expect(highLevel().sent).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await runJobs();
    expect(await replyRow(replyId)).toMatchObject({ state: "sent" });
    expect(sendRequests()).toBe(2);
  });

  it("a refused connection is not sent: it goes again by itself", async () => {
    const { replyId } = await sendOne();
    const url = process.env.HIGHLEVEL_API_URL;
    process.env.HIGHLEVEL_API_URL = `http://127.0.0.1:${await closedPort()}`;
    try {
      await runJobs();
    } finally {
      process.env.HIGHLEVEL_API_URL = url;
    }
    expect(await replyRow(replyId)).toMatchObject({ state: "sending" });
    const job = await (await getPrisma()).job.findFirstOrThrow({ where: { kind: SEND_REPLY } });
    expect(job).toMatchObject({ state: "queued", attempts: 1, lastError: "HighLevel could not be reached" });
  });

  it("a 5xx is Outcome unknown, never retried by itself; the echo, when it comes, makes it Sent", async () => {
    const { replyId, conversationId } = await sendOne("Did this go out?");
    highLevel().sendQueue.push({ status: 502, body: { message: "Bad gateway" } });
    await runJobs();
    expect(await replyRow(replyId)).toMatchObject({ state: "unknown" });
    expect((await replyRow(replyId)).error).toMatch(/^Outcome unknown — it may have gone out/);
    await runJobs();
    expect(sendRequests()).toBe(1);
    await postWebhook("highlevel", echoOf("hl-late-echo", "Did this go out?"));
    expect(await replyRow(replyId)).toMatchObject({ state: "sent", providerMessageId: "hl-late-echo" });
    const outbound = (await conversationMessages(conversationId)).body.messages.filter(
      (m) => m.direction === "outbound",
    );
    expect(outbound).toHaveLength(1);
  });

  it("a worker that died mid-call leaves Outcome unknown, never a second send; Dismiss puts it away", async () => {
    const { replyId, member } = await sendOne();
    const prisma = await getPrisma();
    // A worker claims the job and dies: its lease runs out with the request maybe sent.
    expect(await claimJobs(prisma, SEND_REPLY, 1, 60_000)).toHaveLength(1);
    await prisma.job.updateMany({ data: { lockedUntil: new Date(Date.now() - 1_000) } });
    await runJobs();
    expect(sendRequests()).toBe(0);
    expect(await replyRow(replyId)).toMatchObject({ state: "unknown" });
    expect(await prisma.job.findFirstOrThrow({ where: { kind: SEND_REPLY } })).toMatchObject({ state: "unknown" });
    expect((await dismissReply(replyId, member.headers)).status).toBe(200);
    expect(await replyRow(replyId)).toMatchObject({ state: "dismissed" });
    expect((await viewCounts()).notDelivered).toBe(0);
    expect((await retryReply(replyId, member.headers)).status).toBe(409);
  });

  it("a timeout-free malformed 200 is Outcome unknown too", async () => {
    const { replyId } = await sendOne();
    highLevel().sendQueue.push({ status: 200, body: { msg: "ok" } });
    await runJobs();
    expect(await replyRow(replyId)).toMatchObject({ state: "unknown" });
  });
});
