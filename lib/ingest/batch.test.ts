import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { refuseMessagesWithBody, smsFor, storeDelivery } from "@/lib/testing/stored-events";
import { claimEvents } from "./event-log";
import { processEvent } from "./process-event";
import { drainEvents } from "./worker";

// The worker's batches (batch.ts): one transaction for a run of an account's events, set-based
// writes for plain messages, and the per-event path for any batch that fails.

beforeEach(resetDatabase);

const sms = smsFor("batch");
const store = storeDelivery;

const prisma = () => getPrisma();

describe("a batch with a poisoned event", () => {
  it("processes the neighbours; the bad events fail or are retried exactly as on their own", async () => {
    const db = await prisma();
    const allow = await refuseMessagesWithBody(db, "poison");
    try {
      const ids: string[] = [];
      for (let i = 0; i < 9; i++) {
        const payload =
          i === 3
            ? sms({ body: "poison", conversationId: `conv-p-${i}` })
            : i === 6
              ? sms({ conversationId: undefined }) // fails its schema
              : sms({ conversationId: `conv-p-${i}` });
        ids.push((await store(payload)).eventId);
      }
      const summary = await drainEvents({ batchSize: 50, concurrency: 1 });
      expect(summary).toMatchObject({ processed: 7, retrying: 1, failed: 1 });
      const events = await db.webhookEvent.findMany({ where: { id: { in: ids } } });
      const byId = new Map(events.map((event) => [event.id, event]));
      expect(byId.get(ids[3]!)).toMatchObject({ status: "received", attempts: 1 });
      expect(byId.get(ids[3]!)!.error).toMatch(/refused by test trigger/);
      expect(byId.get(ids[6]!)).toMatchObject({ status: "failed", attempts: 1 });
      expect(events.filter((event) => event.status === "processed")).toHaveLength(7);
      expect(await db.message.count()).toBe(7);
    } finally {
      await allow();
    }
  });
});

describe("two workers claiming batches at once", () => {
  it("never process the same event twice", async () => {
    const total = 120;
    for (let i = 0; i < total; i++)
      await store(sms({ locationId: `loc-batch-${i % 3}`, conversationId: `conv-two-${i % 11}` }));
    const [a, b] = await Promise.all([
      drainEvents({ batchSize: 25, concurrency: 3 }),
      drainEvents({ batchSize: 25, concurrency: 3 }),
    ]);
    expect(a.processed + b.processed).toBe(total);
    expect(a["lost-lease"] + b["lost-lease"] + a.retrying + b.retrying).toBe(0);
    const db = await prisma();
    expect(await db.message.count()).toBe(total);
    // Each event was claimed once: no event was handed from one worker to the other.
    expect(await db.webhookEvent.count({ where: { status: "processed", attempts: 1 } })).toBe(total);
    const stored = await db.message.findMany({ select: { webhookEventId: true } });
    expect(new Set(stored.map((m) => m.webhookEventId)).size).toBe(total);
  });
});

describe("one conversation inside a batch", () => {
  // The same deliveries, for two accounts: one applied event by event, the other in batches.
  const history = (locationId: string) => [
    sms({ locationId, messageId: `${locationId}-1`, dateAdded: "2025-07-01T10:00:00.000Z", body: "one" }),
    sms({
      locationId,
      messageId: `${locationId}-2`,
      dateAdded: "2025-07-01T10:05:00.000Z",
      direction: "outbound",
      body: "two",
    }),
    sms({ locationId, messageId: `${locationId}-3`, dateAdded: "2025-07-01T10:02:00.000Z", body: "three" }), // late and older
    sms({ locationId, conversationId: "conv-other", messageId: `${locationId}-4`, body: "four" }),
    { type: "ContactUpdate", locationId, id: "c-b", firstName: "Ada" },
    sms({ locationId, messageId: `${locationId}-5`, dateAdded: "2025-07-01T10:09:00.000Z", body: "Need help?" }),
    sms({ locationId, messageId: `${locationId}-5`, dateAdded: "2025-07-01T10:09:00.000Z", body: "Need help?" }), // redelivery
    sms({
      locationId,
      messageId: `${locationId}-6`,
      dateAdded: "2025-07-01T10:07:00.000Z",
      direction: "outbound",
      body: "six",
    }),
  ];
  const state = async (locationId: string) => {
    const db = await prisma();
    const conversations = await db.conversation.findMany({
      where: { account: { externalId: locationId } },
      orderBy: { externalId: "asc" },
      include: { customer: { select: { firstName: true } } },
    });
    const messages = await db.message.findMany({ where: { account: { externalId: locationId } } });
    const externalIdOf = new Map(messages.map((m) => [m.id, m.externalId.replace(locationId, "")]));
    return conversations.map((c) => ({
      conversation: c.externalId,
      last: c.lastMessageId ? externalIdOf.get(c.lastMessageId) : null,
      preview: c.lastMessagePreview,
      lastAt: c.lastMessageAt,
      unread: c.unreadCount,
      kinds: c.messageKinds,
      awaiting: c.awaitingReplySince,
      customer: c.customer?.firstName,
    }));
  };

  it("applies in arrival order with the same outcome as one event at a time", async () => {
    for (const payload of history("loc-one")) await store(payload);
    for (let event = (await claimEvents(1, 30_000))[0]; event; event = (await claimEvents(1, 30_000))[0])
      await processEvent(event);
    for (const payload of history("loc-many")) await store(payload);
    const summary = await drainEvents({ batchSize: 50, concurrency: 1 });
    expect(summary.processed).toBe(7); // the redelivery is a duplicate at the door
    const one = await state("loc-one");
    expect(one[0]).toMatchObject({ conversation: "conv-batch", last: "-5", unread: 2, customer: "Ada" });
    expect(await state("loc-many")).toEqual(one);
    expect(await (await prisma()).message.count({ where: { account: { externalId: "loc-many" } } })).toBe(6);
  });
});
