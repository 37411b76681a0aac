import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { postWebhook } from "@/lib/testing/webhooks";
import { cachedAccountId } from "./account-ids";

// The worker remembers account ids (lib/ingest/account-ids.ts). An account deleted after that
// (by hand, in SQL: the app has no delete) left a stale entry, and the next LocationUpdate failed
// with Prisma's P2025 "record not found" on every retry. It is now handled like a stale id
// behind a foreign-key error: the entry is forgotten and the event applied again.

beforeEach(resetDatabase);

const locationUpdate = (name: string) => ({ type: "LocationUpdate", id: TEST_LOCATION, companyId: "co-1", name });

describe("an account deleted while its id is cached", () => {
  it("a later LocationUpdate is processed and the account made again under its new name", async () => {
    expect((await postWebhook("highlevel", highLevelMessage())).outcome?.status).toBe("processed");
    const prisma = await getPrisma();
    const before = await prisma.account.findFirstOrThrow({ where: { externalId: TEST_LOCATION } });
    expect(cachedAccountId(`highlevel:${TEST_LOCATION}`)).toBe(before.id);
    await prisma.account.delete({ where: { id: before.id } });

    const { outcome } = await postWebhook("highlevel", locationUpdate("Sunset Dental"));
    expect(outcome).toMatchObject({ status: "processed", error: null });
    const after = await prisma.account.findFirstOrThrow({ where: { externalId: TEST_LOCATION } });
    expect(after).toMatchObject({ name: "Sunset Dental" });
    expect(after.id).not.toBe(before.id);
    expect(cachedAccountId(`highlevel:${TEST_LOCATION}`)).toBe(after.id);
  });
});
