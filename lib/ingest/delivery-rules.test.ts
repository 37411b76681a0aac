import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { conversationByExternalId, conversationMessages, listConversations } from "@/lib/testing/read-api";
import { loadFixture, postRaw, postWebhook } from "@/lib/testing/webhooks";
import { readStoredDelivery } from "./raw-delivery";
import { replayFailedEvents } from "./replay";

// "What every delivery gets", rule by rule, through the real route handlers.

beforeEach(resetDatabase);

const sms = (overrides: Record<string, unknown> = {}) => ({
  type: "InboundMessage",
  locationId: "loc-rules",
  contactId: "c-1",
  conversationId: "conv-rules",
  messageType: "SMS",
  direction: "inbound",
  body: "hola",
  messageId: "m-1",
  dateAdded: "2025-03-01T10:00:00.000Z",
  ...overrides,
});

const raw = (payload: unknown) => Buffer.from(JSON.stringify(payload));

async function eventRows() {
  return (await getPrisma()).webhookEvent.findMany({ orderBy: { receivedAt: "asc" } });
}

describe("rejected outright", () => {
  it("a body that is not JSON is 400 with a reason", async () => {
    const result = await postRaw("highlevel", "{not json");
    expect(result.status).toBe(400);
    expect(result.json.error).toMatch(/not valid JSON/);
    expect(await eventRows()).toHaveLength(0);
  });

  it("an empty body is 400", async () => {
    const result = await postRaw("voxity", "");
    expect(result.status).toBe(400);
    expect(result.json.error).toMatch(/empty/);
  });

  it("a body over 1 MiB is 413, even without a content-length", async () => {
    const big = JSON.stringify(sms({ body: "x".repeat(1024 * 1024) }));
    const result = await postRaw("highlevel", new TextEncoder().encode(big));
    expect(result.status).toBe(413);
    expect(result.json.error).toMatch(/limit/);
  });

  it("a body just under 1 MiB is accepted", async () => {
    const payload = sms({ body: "y".repeat(1024 * 1024 - 400) });
    const result = await postWebhook("highlevel", payload);
    expect(result.status).toBe(200);
    expect(result.json.status).toBe("received");
    expect(result.outcome?.status).toBe("processed");
  });
});

describe("logged first, answered 2xx even when it cannot be used", () => {
  it.each([
    ["missing conversationId", sms({ conversationId: undefined })],
    ["a date that is not a date", sms({ dateAdded: "yesterday-ish" })],
    ["JSON that is not an object", ["an", "array"]],
    ["a number", 42],
  ])("%s: stored, answered received, then failed with its error", async (_label, payload) => {
    const result = await postWebhook("highlevel", payload);
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ status: "received", eventId: expect.any(String) });
    expect(result.outcome).toMatchObject({ status: "failed" });
    const [row] = await eventRows();
    expect(row).toMatchObject({ id: result.json.eventId, status: "failed", provider: "highlevel" });
    expect(row!.error).toBeTruthy();
    expect(readStoredDelivery(row!.rawBody)).toEqual(payload);
  });

  it("events:replay processes a failed event once the cause is fixed", async () => {
    // An event an older Threadline could not read, logged as failed; today's code can.
    const prisma = await getPrisma();
    await prisma.webhookEvent.create({
      data: {
        provider: "highlevel",
        dedupeKey: "message:loc-rules:m-1:inbound",
        rawBody: raw(sms()),
        status: "failed",
        error: "old bug",
      },
    });
    await prisma.webhookEvent.create({
      data: {
        provider: "highlevel",
        dedupeKey: "sha256:still-bad",
        rawBody: raw(sms({ conversationId: null })),
        status: "failed",
        error: "bad",
      },
    });
    const summary = await replayFailedEvents();
    expect(summary).toMatchObject({ attempted: 2, outcomes: { processed: 1, failed: 1 } });
    const conversation = await conversationByExternalId("conv-rules");
    expect((await conversationMessages(conversation.id)).body.messages).toHaveLength(1);
    // A replayed event is not replayed again.
    expect((await replayFailedEvents()).outcomes.processed).toBe(0);
  });
});

describe("idempotent", () => {
  it("20 copies at once store one message, one event; one received (then processed), the rest duplicate", async () => {
    const payload = sms();
    const results = await Promise.all(Array.from({ length: 20 }, () => postWebhook("highlevel", payload)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const statuses = results.map((r) => r.json.status).sort();
    expect(statuses.filter((s) => s === "received")).toHaveLength(1);
    expect(statuses.filter((s) => s === "duplicate")).toHaveLength(19);
    expect(new Set(results.map((r) => r.json.eventId)).size).toBe(1);
    expect((await eventRows()).map((row) => row.status)).toEqual(["processed"]);
    expect(await (await getPrisma()).message.count()).toBe(1);
  });

  it("20 copies of the Voxity event at once store its 5 messages once", async () => {
    const payload = loadFixture("voxity-sms-message-added");
    await Promise.all(Array.from({ length: 20 }, () => postWebhook("voxity", payload)));
    expect(await (await getPrisma()).message.count()).toBe(5);
    expect(await (await getPrisma()).conversation.count()).toBe(1);
  });

  it("20 different messages at once into one new conversation make one conversation", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => postWebhook("highlevel", sms({ messageId: `par-${i}`, body: `n${i}` }))),
    );
    expect(results.every((r) => r.outcome?.status === "processed")).toBe(true);
    const { body } = await listConversations();
    expect(body.conversations).toHaveLength(1);
    expect((await conversationMessages(body.conversations[0]!.id, "limit=100")).body.messages).toHaveLength(20);
    expect(await (await getPrisma()).customer.count()).toBe(1);
  });

  it("a redelivery with the same message id is a duplicate even if other fields differ", async () => {
    await postWebhook("highlevel", sms());
    const again = await postWebhook("highlevel", { ...sms(), webhookId: "another-delivery", status: "delivered" });
    expect(again.json.status).toBe("duplicate");
  });
});

describe("out of order", () => {
  it("orders messages by provider time and keeps the newest as the conversation's last message", async () => {
    const times = ["2025-03-01T10:05:00Z", "2025-03-01T10:01:00Z", "2025-03-01T10:09:00Z", "2025-03-01T10:03:00Z"];
    for (const [i, dateAdded] of times.entries()) {
      await postWebhook(
        "highlevel",
        sms({ messageId: `ooo-${i}`, body: `at ${dateAdded}`, dateAdded, direction: i % 2 ? "outbound" : "inbound" }),
      );
    }
    const conversation = await conversationByExternalId("conv-rules");
    expect(conversation.lastMessageAt).toBe("2025-03-01T10:09:00.000Z");
    expect(conversation.lastMessage?.preview).toBe("at 2025-03-01T10:09:00Z");
    const { body } = await conversationMessages(conversation.id);
    expect(body.messages.map((m) => m.sentAt)).toEqual([...times].sort().map((t) => new Date(t).toISOString()));
    // The old name stays for one release, with the same value.
    expect(body.messages.map((m) => m.createdAt)).toEqual(body.messages.map((m) => m.sentAt));
  });

  it("a late, older message does not become the preview nor count as unread", async () => {
    await postWebhook(
      "highlevel",
      sms({ messageId: "new", body: "newest", dateAdded: "2025-03-02T00:00:00Z", direction: "outbound" }),
    );
    await postWebhook("highlevel", sms({ messageId: "old", body: "older", dateAdded: "2025-03-01T00:00:00Z" }));
    const conversation = await conversationByExternalId("conv-rules");
    expect(conversation.lastMessage?.preview).toBe("newest");
    expect(conversation.unreadCount).toBe(0);
  });
});
