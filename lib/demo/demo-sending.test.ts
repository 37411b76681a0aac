import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setHighLevelToken } from "@/lib/access/credentials/highlevel-token";
import { getPrisma } from "@/lib/db";
import { drainEvents } from "@/lib/ingest/worker";
import { TOKEN_NEEDED } from "@/lib/replies/options";
import { registerDemoHighLevel, replyTransportFor } from "@/lib/replies/transport";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { conversationByExternalId, conversationDetail, conversationMessages } from "@/lib/testing/read-api";
import { replyableConversation } from "@/lib/testing/reply-fixtures";
import { attachFile, runJobs, sendReply } from "@/lib/testing/replies-api";
import { postWebhook } from "@/lib/testing/webhooks";
import { OPTED_OUT_OF_SMS } from "./highlevel-stand-in";
import { demoUploads } from "./highlevel-stand-in-uploads";
import { replyScenarioEvents } from "./reply-scenarios";
import { enableDemoSending } from "./sending";

// Replying in the demo (issue #27, item 9): with THREADLINE_DEMO=on a demo location without a
// token sends through the demo's in-process stand-in for HighLevel, whose echo lands on the
// reply's own row; the opted-out demo customer's reply is Not delivered; a token always sends to
// HIGHLEVEL_API_URL; with the demo off the stand-in is never loaded and a token is needed.

const highLevel = highLevelApiStubForFile();
/** The stand-in's echoes, held until a test delivers them (instead of a second's timer). */
let echoes: Array<() => Promise<void>> = [];

beforeEach(async () => {
  await resetDatabase();
  echoes = [];
  vi.stubEnv("THREADLINE_DEMO", "on");
  // The demo's HighLevel customers who show replying (its Voxity one has no part here).
  for (const { provider, payload } of replyScenarioEvents(Date.now(), 7))
    if (provider === "highlevel") await postWebhook(provider, payload);
});
afterEach(() => {
  registerDemoHighLevel(null);
  vi.unstubAllEnvs();
});

async function demoMember() {
  const accountId = await accountIdOf("highlevel", "loc-demo-miami");
  return { accountId, member: await createSignedInUser({ accounts: [{ accountId }] }) };
}

const replyRow = async (conversationId: string) =>
  (await getPrisma()).reply.findFirstOrThrow({ where: { conversationId }, include: { message: true } });

describe("demo mode on, a demo location without a token", () => {
  it("sends through the stand-in: Sending, then Sent, and the echo a second later lands on the same row", async () => {
    expect(enableDemoSending({ schedule: (deliver) => echoes.push(deliver) })).toBe(true);
    const { member } = await demoMember();
    const { id } = await conversationByExternalId("conv-demo-shared-phone");
    const options = (await conversationDetail(id, member.headers)).body.reply;
    expect(options).toMatchObject({ blocked: null, defaultChannel: "sms" });

    const text = "Yes, the offer is still on. Shall I book you for Tuesday?";
    const sent = await sendReply(id, member.headers, { clientKey: "demo-key-1", channel: "sms", text });
    expect(sent.status).toBe(201);
    expect(sent.body.reply).toMatchObject({ state: "sending" });
    await runJobs();
    const reply = await replyRow(id);
    expect(reply).toMatchObject({ state: "sent", error: null });
    expect(reply.message.externalId).toMatch(/^demo-msg-/);
    expect(highLevel().seen).toEqual([]); // nothing went to HIGHLEVEL_API_URL

    // HighLevel's OutboundMessage echo, through ingestion: the same message, never a second bubble.
    expect(echoes).toHaveLength(1);
    const prisma = await getPrisma();
    const events = () => prisma.webhookEvent.findMany({ where: { eventType: "OutboundMessage" } });
    const before = (await events()).length;
    await echoes[0]!();
    await drainEvents();
    expect((await events()).map((event) => event.status)).toEqual(Array(before + 1).fill("processed"));
    const messages = (await conversationMessages(id, "limit=50", member.headers)).body.messages;
    expect(messages.filter((m) => m.body === text)).toHaveLength(1);
    expect(messages.at(-1)).toMatchObject({
      externalId: reply.message.externalId,
      reply: { state: "sent" },
      sender: { kind: "person", name: "Test User" },
    });
  });

  it("a file is uploaded to the stand-in and goes with the reply; the echo adds no second copy", async () => {
    enableDemoSending({ schedule: (deliver) => echoes.push(deliver) });
    const { member } = await demoMember();
    const { id } = await conversationByExternalId("conv-demo-shared-phone");
    const file = new File([new Uint8Array(64)], "menu.pdf", { type: "application/pdf" });
    const uploaded = await attachFile(id, member.headers, file);
    expect(uploaded).toMatchObject({
      status: 201,
      body: { name: "menu.pdf", size: 64, contentType: "application/pdf" },
    });
    expect(demoUploads.at(-1)).toMatchObject({ conversationId: "conv-demo-shared-phone", name: "menu.pdf", size: 64 });
    const attachments = [String(uploaded.body.url)];
    await sendReply(id, member.headers, { clientKey: "demo-key-file", channel: "sms", text: "Our menu", attachments });
    await runJobs();
    await echoes[0]!();
    await drainEvents();
    const messages = (await conversationMessages(id, "limit=50", member.headers)).body.messages;
    expect(messages.at(-1)).toMatchObject({ body: "Our menu", reply: { state: "sent" } });
    expect(messages.at(-1)?.attachments.map((attachment) => attachment.url)).toEqual(attachments);
    expect(highLevel().seen).toEqual([]);
  });

  it("the opted-out customer's SMS is Not delivered with HighLevel's words, and no echo comes", async () => {
    enableDemoSending({ schedule: (deliver) => echoes.push(deliver) });
    const { member } = await demoMember();
    const { id } = await conversationByExternalId("conv-demo-opted-out");
    const sent = await sendReply(id, member.headers, {
      clientKey: "demo-key-2",
      channel: "sms",
      text: "Sorry we missed you!",
    });
    expect(sent.status).toBe(201);
    await runJobs();
    expect(await replyRow(id)).toMatchObject({ state: "not_delivered", error: OPTED_OUT_OF_SMS });
    expect(echoes).toEqual([]);
    // Its workflow reminder says who sent it.
    const messages = (await conversationMessages(id, "limit=50", member.headers)).body.messages;
    expect(messages[0]?.sender).toEqual({ kind: "automation", name: "Workflow" });
  });

  it("with a stored token, sends to HIGHLEVEL_API_URL, never to the stand-in", async () => {
    const standIn = vi.fn();
    registerDemoHighLevel(standIn);
    const { accountId, member } = await demoMember();
    await setHighLevelToken(accountId, "pit-demo-0123456789");
    const { id } = await conversationByExternalId("conv-demo-shared-phone");
    await sendReply(id, member.headers, { clientKey: "demo-key-3", channel: "sms", text: "Booked!" });
    await runJobs();
    expect(highLevel().sent).toHaveLength(1);
    expect(highLevel().seen[0]).toMatchObject({
      path: "/conversations/messages",
      authorization: "Bearer pit-demo-0123456789",
    });
    expect((await replyRow(id)).message.externalId).toBe(highLevel().sent[0]!.messageId);
    expect(standIn).not.toHaveBeenCalled();
  });

  it("a location that is not the demo's still needs a token", async () => {
    const standIn = vi.fn();
    registerDemoHighLevel(standIn);
    const { conversationId, accountId, member } = await replyableConversation({ token: false });
    expect((await conversationDetail(conversationId, member.headers)).body.reply.blocked?.reason).toBe(TOKEN_NEEDED);
    expect(await replyTransportFor(await getPrisma(), accountId)).toBeNull();
    expect(standIn).not.toHaveBeenCalled();
  });
});

describe("demo mode off", () => {
  it("registers no stand-in, a token is needed, and a queued reply is refused without loading it", async () => {
    const { accountId, member } = await demoMember();
    const { id } = await conversationByExternalId("conv-demo-shared-phone");
    // A reply made while the demo was on, then the server restarted with it off.
    const standIn = vi.fn();
    registerDemoHighLevel(standIn);
    await sendReply(id, member.headers, { clientKey: "demo-key-4", channel: "sms", text: "Queued before" });
    registerDemoHighLevel(null);

    vi.stubEnv("THREADLINE_DEMO", "off");
    expect(enableDemoSending()).toBe(false);
    registerDemoHighLevel(standIn); // even a loader left behind is not used with the demo off
    expect((await conversationDetail(id, member.headers)).body.reply.blocked?.reason).toBe(TOKEN_NEEDED);
    const refused = await sendReply(id, member.headers, { clientKey: "demo-key-5", channel: "sms", text: "Hello" });
    expect(refused).toMatchObject({ status: 409, body: { error: TOKEN_NEEDED } });
    expect(await replyTransportFor(await getPrisma(), accountId)).toBeNull();
    await runJobs();
    expect(await replyRow(id)).toMatchObject({ state: "not_delivered", error: TOKEN_NEEDED });
    expect(standIn).not.toHaveBeenCalled();
    expect(highLevel().seen).toEqual([]);
  });
});
