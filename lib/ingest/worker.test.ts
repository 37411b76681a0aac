import { beforeEach, describe, expect, it, vi } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { smsFor, storeDelivery } from "@/lib/testing/stored-events";
import { postWebhook } from "@/lib/testing/webhooks";
import { claimEvents } from "./event-log";
import { MAX_ATTEMPTS, processEvent } from "./process-event";
import { EventWorker, drainEvents } from "./worker";

// The worker's promises, on the real database: leases, exactly-once, retries with backoff.

beforeEach(resetDatabase);

const sms = smsFor("worker");
const store = storeDelivery;

const prisma = () => getPrisma();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("leases", () => {
  it("an event claimed by a worker that died is taken again once its lease runs out", async () => {
    const { eventId } = await store(sms());
    const [claimed] = await claimEvents(10, 300); // a worker claims it, then "crashes"
    expect(claimed?.id).toBe(eventId);
    expect((await drainEvents()).processed).toBe(0); // still leased
    await sleep(350);
    expect((await drainEvents()).processed).toBe(1);
    const event = await (await prisma()).webhookEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(event).toMatchObject({ status: "processed", attempts: 2 });
  });

  it("a worker whose lease was taken over cannot finish the event: it is applied exactly once", async () => {
    await store(sms());
    const [slow] = await claimEvents(1, 100);
    await sleep(150);
    const [fast] = await claimEvents(1, 30_000);
    expect(fast?.id).toBe(slow?.id);
    expect(await processEvent(fast!)).toBe("processed");
    expect(await processEvent(slow!)).toBe("lost-lease");
    expect(await (await prisma()).message.count()).toBe(1);
  });

  it("two workers draining at once never take the same event", async () => {
    for (let i = 0; i < 60; i++) await store(sms({ conversationId: `conv-${i % 7}` }));
    const [a, b] = await Promise.all([drainEvents({ batchSize: 5 }), drainEvents({ batchSize: 5 })]);
    expect(a.processed + b.processed).toBe(60);
    expect(a["lost-lease"] + b["lost-lease"]).toBe(0);
    expect(await (await prisma()).message.count()).toBe(60);
  });
});

describe("graceful stop", () => {
  it("stop() finishes the event being applied and hands back the claimed ones it had not started", async () => {
    const db = await prisma();
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION slow_insert() RETURNS trigger AS $$
      BEGIN PERFORM pg_sleep(0.2); RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      "CREATE TRIGGER slow_insert BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION slow_insert()",
    );
    try {
      for (let i = 0; i < 10; i++) await store(sms());
      const worker = new EventWorker({ batchSize: 10, concurrency: 1, leaseMs: 60_000, idleMs: 50 });
      worker.start();
      // Stop while the batch of 10 is claimed and the worker is inside it (200 ms an event).
      await vi.waitFor(
        async () => expect(await db.webhookEvent.count({ where: { status: "processed" } })).toBeGreaterThan(0),
        {
          timeout: 10_000,
          interval: 20,
        },
      );
      await worker.stop();
      const statuses = await db.webhookEvent.groupBy({
        by: ["status", "attempts"],
        _count: true,
        orderBy: { status: "asc" },
      });
      // Nothing is left claimed under a lease: what it finished is processed, the rest is
      // available again at once with its attempt given back.
      expect(statuses.map((row) => row.status)).toEqual(["processed", "received"]);
      expect(statuses.find((row) => row.status === "received")).toMatchObject({ attempts: 0 });
      expect(await db.webhookEvent.count({ where: { status: "received", availableAt: { gt: new Date() } } })).toBe(0);
    } finally {
      await db.$executeRawUnsafe("DROP TRIGGER IF EXISTS slow_insert ON messages");
    }
  });
});

describe("order", () => {
  it("updates without a provider time apply in the order they arrived, even in one batch with many workers' slots", async () => {
    const contact = (firstName: string) => ({
      type: "ContactUpdate",
      locationId: "loc-worker",
      id: "c-order",
      firstName,
    });
    for (const name of ["First", "Second", "Third", "Fourth", "Last"]) await store(contact(name));
    await drainEvents({ batchSize: 50, concurrency: 8 });
    const customer = await (await prisma()).customer.findFirstOrThrow({ where: { externalId: "c-order" } });
    expect(customer.firstName).toBe("Last");
  });
});

describe("failures", () => {
  it("a failing write is retried with backoff, keeps its error meanwhile, and succeeds once the cause is gone", async () => {
    const db = await prisma();
    // A real database error, not a mock: a trigger that refuses this one message.
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_boom() RETURNS trigger AS $$
      BEGIN IF NEW.body = 'boom' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_boom BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION refuse_boom()`,
    );
    try {
      const { eventId } = await store(sms({ body: "boom" }));
      expect((await drainEvents()).retrying).toBe(1);
      const waiting = await db.webhookEvent.findUniqueOrThrow({ where: { id: eventId } });
      expect(waiting).toMatchObject({ status: "received", attempts: 1 });
      expect(waiting.error).toMatch(/refused by test trigger/);
      // Backoff after the first attempt: about 2 s, not at once.
      expect(waiting.availableAt.getTime() - Date.now()).toBeGreaterThan(1_000);
      expect((await drainEvents()).retrying).toBe(0);
    } finally {
      await db.$executeRawUnsafe("DROP TRIGGER IF EXISTS refuse_boom ON messages");
    }
    await db.webhookEvent.updateMany({ data: { availableAt: new Date() } }); // skip the wait
    expect((await drainEvents()).processed).toBe(1);
    expect(await db.message.count({ where: { body: "boom" } })).toBe(1);
  });

  it(`after ${MAX_ATTEMPTS} attempts the event stays failed, with its error, until a person replays it`, async () => {
    const db = await prisma();
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_all() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'still refused'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_all BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION refuse_all()`,
    );
    try {
      const { eventId } = await store(sms());
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        await db.webhookEvent.updateMany({ where: { status: "received" }, data: { availableAt: new Date() } });
        await drainEvents();
      }
      const event = await db.webhookEvent.findUniqueOrThrow({ where: { id: eventId } });
      expect(event).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
      expect(event.error).toMatch(/still refused/);
    } finally {
      await db.$executeRawUnsafe("DROP TRIGGER IF EXISTS refuse_all ON messages");
    }
  });

  it("a payload that fails its schema fails at once (retrying cannot fix it)", async () => {
    const result = await postWebhook("highlevel", sms({ conversationId: undefined }));
    expect(result.outcome).toMatchObject({ status: "failed" });
    const event = await (await prisma()).webhookEvent.findFirstOrThrow();
    expect(event.attempts).toBe(1);
  });
});

describe("admission control", () => {
  it("past the in-flight limit deliveries get 429 at once; everything answered 2xx is processed", async () => {
    vi.stubEnv("THREADLINE_WEBHOOK_MAX_IN_FLIGHT", "3");
    (globalThis as { threadlineWebhookAdmission?: unknown }).threadlineWebhookAdmission = undefined;
    try {
      const payloads = Array.from({ length: 30 }, (_, i) => sms({ conversationId: `conv-adm-${i % 4}` }));
      const answers = await Promise.all(payloads.map((payload) => postWebhook("highlevel", payload)));
      const refused = answers.filter((answer) => answer.status === 429);
      expect(refused.length).toBe(27);
      expect(refused.every((answer) => answer.headers.get("retry-after") !== null)).toBe(true);
      const accepted = answers.filter((answer) => answer.status === 200);
      expect(accepted.every((answer) => answer.outcome?.status === "processed")).toBe(true);
      // The provider retries the 429s; all 30 end up stored and processed once.
      for (const [i, answer] of answers.entries())
        if (answer.status === 429) await postWebhook("highlevel", payloads[i]!);
      expect(await (await prisma()).message.count()).toBe(30);
    } finally {
      vi.unstubAllEnvs();
      (globalThis as { threadlineWebhookAdmission?: unknown }).threadlineWebhookAdmission = undefined;
    }
  });
});
