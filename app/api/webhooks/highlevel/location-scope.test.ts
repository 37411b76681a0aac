import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { drainEvents } from "@/lib/ingest/worker";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage } from "@/lib/testing/highlevel-payloads";
import { postWebhook } from "@/lib/testing/webhooks";

// A webhook may only change the account it is addressed to (#25, 13). A signed LocationUpdate
// addressed to location A (top-level locationId) that names location B as its `id` renamed B,
// while the event log filed it under A, where B's people never see it.

beforeEach(resetDatabase);

const location = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  type: "LocationUpdate",
  id,
  companyId: "co",
  name,
  ...extra,
});

async function accountName(externalId: string) {
  const prisma = await getPrisma();
  const account = await prisma.account.findUnique({
    where: { provider_externalId: { provider: "highlevel", externalId } },
    select: { name: true },
  });
  return account?.name;
}

describe("a HighLevel location event changes only the location it is addressed to", () => {
  it("rejects a LocationUpdate whose locationId is A but whose id is B, leaving B's name alone", async () => {
    expect((await postWebhook("highlevel", location("loc-b", "Bayside Clinic"))).outcome?.status).toBe("processed");
    expect((await postWebhook("highlevel", location("loc-a", "Alder Dental"))).outcome?.status).toBe("processed");

    const forged = await postWebhook("highlevel", location("loc-b", "Hijacked", { locationId: "loc-a" }));

    expect(forged.status).toBe(200);
    expect(await accountName("loc-b")).toBe("Bayside Clinic");
    expect(await accountName("loc-a")).toBe("Alder Dental");
    expect(forged.outcome).toMatchObject({ status: "failed" });
    expect(forged.outcome?.error).toMatch(/id "loc-b".*locationId "loc-a"/);
    const prisma = await getPrisma();
    const row = await prisma.webhookEvent.findUniqueOrThrow({ where: { id: String(forged.json.eventId) } });
    expect(row).toMatchObject({ status: "failed", accountExternalId: "loc-a", eventType: "LocationUpdate" });
  });

  it("still applies a location event that names itself both ways, or only by id", async () => {
    // Another location than above: the worker's account-id cache outlives resetDatabase.
    const both = await postWebhook("highlevel", location("loc-c", "Cedar Clinic", { locationId: "loc-c" }));
    expect(both.outcome?.status).toBe("processed");
    expect(await accountName("loc-c")).toBe("Cedar Clinic");
    expect((await postWebhook("highlevel", location("loc-c", "Cedar Dental"))).outcome?.status).toBe("processed");
    expect(await accountName("loc-c")).toBe("Cedar Dental");
  });
});

describe("the worker applies an event only to the account it is logged under", () => {
  it("fails, unapplied, a stored event whose payload names another account (an older release's row, a hand edit)", async () => {
    const prisma = await getPrisma();
    const event = await prisma.webhookEvent.create({
      data: {
        provider: "highlevel",
        dedupeKey: "message:loc-a:m-elsewhere:inbound",
        eventType: "InboundMessage",
        accountExternalId: "loc-a",
        rawBody: Buffer.from(JSON.stringify(highLevelMessage({ locationId: "loc-b", messageId: "m-elsewhere" }))),
        status: "received",
      },
    });
    await drainEvents();
    const row = await prisma.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/changes highlevel account "loc-b" but is addressed to "loc-a"/);
    expect(await prisma.message.count()).toBe(0);
  });

  it("reads a row stored without an account as its body is addressed today", async () => {
    const prisma = await getPrisma();
    const stored = (payload: unknown, dedupeKey: string) =>
      prisma.webhookEvent.create({
        data: {
          provider: "highlevel",
          dedupeKey,
          rawBody: Buffer.from(JSON.stringify(payload)),
          status: "received",
        },
      });
    const forged = await stored(location("loc-d", "Hijacked", { locationId: "loc-e" }), "sha256:forged");
    const genuine = await stored(highLevelMessage({ locationId: "loc-e", messageId: "m-e" }), "sha256:genuine");
    await drainEvents();
    const status = async (id: string) => (await prisma.webhookEvent.findUniqueOrThrow({ where: { id } })).status;
    expect([await status(forged.id), await status(genuine.id)]).toEqual(["failed", "processed"]);
    expect(await accountName("loc-d")).toBeUndefined();
  });
});
