import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { postWebhook } from "@/lib/testing/webhooks";
import { eventSummary, listEvents, postFailing, sms, type Credentials } from "./test-api";

// The list (filters, keyset pages, bad parameters) and the summary (counts, backlog, lag).

let admin: Credentials;

beforeEach(async () => {
  await resetDatabase();
  admin = (await createSignedInUser({ isAdmin: true })).headers;
});

/** Events stored as the ack path stores them, with chosen times (several sharing one, to test ties). */
async function storeEvents(rows: Array<{ provider: string; status: string; receivedAt: Date }>) {
  const prisma = await getPrisma();
  await prisma.webhookEvent.createMany({
    data: rows.map((row) => ({
      ...row,
      id: randomUUID(),
      dedupeKey: randomUUID(),
      rawBody: Buffer.from("{}"),
      availableAt: row.receivedAt,
    })),
  });
}

describe("GET /api/events", () => {
  it("filters by status and provider", async () => {
    await postWebhook("highlevel", sms("loc-a", "m-1"));
    const failed = await postFailing("loc-a", "m-2");
    await storeEvents([{ provider: "voxity", status: "failed", receivedAt: new Date() }]);
    const failedOnly = await listEvents("status=failed&provider=highlevel", admin);
    expect(failedOnly.body.events.map((e) => e.id)).toEqual([failed]);
    expect(failedOnly.body.events[0]).toMatchObject({
      provider: "highlevel",
      eventType: "InboundMessage",
      attempts: 1,
    });
    expect(failedOnly.body.events[0]!.error).toMatch(/conversationId/);
    const highLevel = await listEvents("provider=highlevel", admin);
    expect(highLevel.body.events.every((e) => e.provider === "highlevel")).toBe(true);
    expect(highLevel.body.events).toHaveLength(2);
    expect((await listEvents("provider=highlevel&status=processed", admin)).body.events).toHaveLength(1);
    // HighLevel's former id is an alias: old links and API clients filter the same.
    const byOldName = await listEvents("provider=leadconnector", admin); // naming: keep
    expect(byOldName.body.events.map((e) => e.id)).toEqual(highLevel.body.events.map((e) => e.id));
    expect((await listEvents("provider=myspace", admin)).status).toBe(400);
    const voxity = (await listEvents("provider=voxity", admin)).body.events;
    expect(voxity.map((e) => [e.provider, e.status])).toEqual([["voxity", "failed"]]);
    expect((await listEvents("status=failed", admin)).body.events).toHaveLength(2);
  });

  it("pages newest first without skipping or repeating rows that share a time", async () => {
    const base = Date.parse("2025-05-01T12:00:00.000Z");
    const times = [0, 1000, 1000, 1000, 2000, 3000, 3000].map((offset) => new Date(base + offset));
    const provider = (i: number) => (i % 2 ? "voxity" : "highlevel");
    await storeEvents(times.map((receivedAt, i) => ({ provider: provider(i), status: "processed", receivedAt })));
    const everything = (await listEvents("limit=100", admin)).body.events;
    expect(everything).toHaveLength(7);
    const order = everything.map((e) => [e.receivedAt, e.id].join(" "));
    expect(order).toEqual([...order].sort().reverse());

    const walked: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await listEvents(query, admin);
      expect(page.status).toBe(200);
      walked.push(...page.body.events.map((e) => e.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(walked).toEqual(everything.map((e) => e.id));
  });

  it.each([
    ["status=lost", "status"],
    ["provider=twilio", "provider"],
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=ten", "limit"],
    ["cursor=not-a-cursor", "cursor"],
  ])("%s is 400 naming the parameter", async (query, name) => {
    const answer = await listEvents(query, admin);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toContain(name);
  });
});

describe("GET /api/events/summary", () => {
  it("counts by provider and status; backlog and lag come from the oldest waiting event", async () => {
    const now = Date.now();
    await storeEvents([
      { provider: "highlevel", status: "processed", receivedAt: new Date(now - 600_000) },
      { provider: "highlevel", status: "received", receivedAt: new Date(now - 90_000) },
      { provider: "highlevel", status: "received", receivedAt: new Date(now - 10_000) },
      { provider: "voxity", status: "processing", receivedAt: new Date(now - 30_000) },
      { provider: "voxity", status: "failed", receivedAt: new Date(now - 5_000) },
      { provider: "voxity", status: "ignored", receivedAt: new Date(now - 5_000) },
    ]);
    const { status, body } = await eventSummary(admin);
    expect(status).toBe(200);
    expect(body.counts).toEqual([
      { provider: "highlevel", status: "processed", count: 1 },
      { provider: "highlevel", status: "received", count: 2 },
      { provider: "voxity", status: "failed", count: 1 },
      { provider: "voxity", status: "ignored", count: 1 },
      { provider: "voxity", status: "processing", count: 1 },
    ]);
    expect(body).toMatchObject({ backlog: 3, failed: 1, oldestPendingAt: new Date(now - 90_000).toISOString() });
    expect(body.lagSeconds).toBeGreaterThanOrEqual(90);
    expect(body.lagSeconds).toBeLessThan(120);
  });

  it("nothing waiting: backlog and lag are 0", async () => {
    const { body } = await eventSummary(admin);
    expect(body).toEqual({ counts: [], backlog: 0, failed: 0, oldestPendingAt: null, lagSeconds: 0 });
  });
});
