import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { drainEvents } from "@/lib/ingest/worker";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { postWebhook } from "@/lib/testing/webhooks";
import { eventDetail, eventRowOf, postFailing, retryEventAs, retryFailedAs, sms, type Credentials } from "./test-api";

// An event's detail (its delivered body, readable) and "Process again", one or all failed.

let admin: Credentials;

beforeEach(async () => {
  await resetDatabase();
  admin = (await createSignedInUser({ isAdmin: true })).headers;
});

describe("GET /api/events/[id]", () => {
  it("shows the error, attempts and the body pretty-printed as delivered, NUL escape included", async () => {
    const payload = sms("loc-d", "m-nul", { conversationId: undefined, body: "before\u0000after" });
    const id = await postFailing("loc-d", "m-nul", { body: "before\u0000after" });
    const { status, headers, body } = await eventDetail(id, admin);
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("private, no-store");
    const { event } = body;
    expect(event).toMatchObject({ id, status: "failed", attempts: 1, provider: "highlevel", payloadIsJson: true });
    expect(event.conversationId).toBeNull();
    expect(event.error).toMatch(/conversationId/);
    // Exactly JSON.stringify's layout, with the escape as it was sent: readable, nothing dropped.
    expect(event.payload).toBe(JSON.stringify(payload, null, 2));
    expect(event.payload).toContain('"body": "before\\u0000after"');
    expect(event.sizeBytes).toBe(Buffer.byteLength(JSON.stringify(payload)));
  });

  it("names the conversation the event stored its message in", async () => {
    const { outcome } = await postWebhook("highlevel", sms("loc-d", "m-stored"));
    expect(outcome?.status).toBe("processed");
    const conversation = await (await getPrisma()).conversation.findFirstOrThrow({
      where: { account: { externalId: "loc-d" } },
      select: { id: true },
    });
    expect((await eventDetail(outcome!.eventId!, admin)).body.event.conversationId).toBe(conversation.id);
  });

  it("a stored body that is not JSON is shown as text", async () => {
    const prisma = await getPrisma();
    const row = await prisma.webhookEvent.create({
      data: {
        provider: "voxity",
        dedupeKey: "legacy",
        rawBody: Buffer.from("caller=+15550100&state=ended"),
        status: "failed",
        error: "not JSON",
      },
    });
    const { event } = (await eventDetail(row.id, admin)).body;
    expect(event).toMatchObject({ payload: "caller=+15550100&state=ended", payloadIsJson: false, sizeBytes: 28 });
  });
});

describe("POST /api/events/[id]/retry", () => {
  it("a failed event goes back to the queue with fresh attempts, and fails again when drained", async () => {
    const id = await postFailing("loc-r", "m-1");
    const answer = await retryEventAs(id, admin);
    expect(answer.status).toBe(200);
    expect(answer.body.event).toMatchObject({ id, status: "received", attempts: 0, processedAt: null });
    await drainEvents();
    expect(await eventRowOf(id)).toMatchObject({ status: "failed", attempts: 1 });
  });

  it("an event whose cause was fixed is processed", async () => {
    // Failed under an older Threadline, readable by today's: "Process again" applies it.
    const prisma = await getPrisma();
    const row = await prisma.webhookEvent.create({
      data: {
        provider: "highlevel",
        dedupeKey: "message:loc-r:m-2:inbound",
        eventType: "InboundMessage",
        accountExternalId: "loc-r",
        rawBody: Buffer.from(JSON.stringify(sms("loc-r", "m-2"))),
        status: "failed",
        error: "old bug",
        attempts: 8,
      },
    });
    expect((await retryEventAs(row.id, admin)).body.event).toMatchObject({ status: "received", attempts: 0 });
    await drainEvents();
    expect(await eventRowOf(row.id)).toMatchObject({ status: "processed", attempts: 1, error: null });
    expect(await prisma.message.count({ where: { webhookEventId: row.id } })).toBe(1);
  });

  it("a processed, ignored or processing event is 409 and stays as it was", async () => {
    const processed = await postWebhook("highlevel", sms("loc-r", "m-3"));
    const id = processed.outcome!.eventId!;
    const answer = await retryEventAs(id, admin);
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatch(/processed already/);
    const prisma = await getPrisma();
    await prisma.webhookEvent.update({ where: { id }, data: { status: "processing" } });
    expect((await retryEventAs(id, admin)).body.error).toMatch(/being processed/);
    expect(await eventRowOf(id)).toMatchObject({ status: "processing", attempts: 1 });
  });

  it("an unknown id is 404", async () => {
    expect((await retryEventAs("no-such-event", admin)).status).toBe(404);
  });
});

describe("POST /api/events/retry-failed", () => {
  it("requeues only the failed events the reader may see", async () => {
    await postWebhook("highlevel", sms("loc-own", "m-o"));
    await postWebhook("highlevel", sms("loc-other", "m-x"));
    const own = await postFailing("loc-own", "f-1");
    const ownToo = await postFailing("loc-own", "f-2");
    const other = await postFailing("loc-other", "f-3");
    const stray = await postFailing("loc-stray", "f-4");
    const ownAccount = await accountIdOf("highlevel", "loc-own");
    const owner = await createSignedInUser({ accounts: [{ accountId: ownAccount, role: "owner" }] });

    expect((await retryFailedAs(owner.headers)).body).toEqual({ requeued: 2 });
    for (const id of [own, ownToo]) expect(await eventRowOf(id)).toMatchObject({ status: "received", attempts: 0 });
    for (const id of [other, stray]) expect(await eventRowOf(id)).toMatchObject({ status: "failed", attempts: 1 });

    await drainEvents();
    expect((await retryFailedAs(admin)).body).toEqual({ requeued: 4 });
    const prisma = await getPrisma();
    expect(await prisma.webhookEvent.count({ where: { status: "processed" } })).toBe(2); // untouched
  });
});
