import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage } from "@/lib/testing/highlevel-payloads";
import { postWebhook } from "@/lib/testing/webhooks";

// Found by the webhook fuzz: a number its column cannot hold (a score of 2^53, an amount of
// 1e287) made the update throw, and the event was retried eight times and then failed, losing
// the opportunity or call around it. Such a number is now treated as absent.

beforeEach(resetDatabase);

describe("numbers a column cannot hold", () => {
  it("a Voxity opportunity with score 2^53 and amount 1e287 is stored without them", async () => {
    const result = await postWebhook("voxity", {
      id: "evt-huge",
      type: "opportunity.updated",
      agentId: "agent-huge",
      createdAt: "2025-08-02T17:26:15.896Z",
      data: {
        object: { id: "opp-huge", customerId: "cust-huge", name: "Huge", score: 2 ** 53, amount: 9.8e287 },
      },
    });
    expect(result.outcome?.status).toBe("processed");
    const opportunity = await (await getPrisma()).opportunity.findFirstOrThrow({ where: { externalId: "opp-huge" } });
    expect(opportunity).toMatchObject({ name: "Huge", score: null, monetaryValue: null });
  });

  it("a HighLevel opportunity worth 1e20 keeps everything else", async () => {
    const result = await postWebhook("highlevel", {
      type: "OpportunityCreate",
      locationId: "loc-huge",
      id: "opp-hl-huge",
      name: "Enormous deal",
      monetaryValue: 1e20,
      dateAdded: "2025-06-01T10:00:00.000Z",
    });
    expect(result.outcome?.status).toBe("processed");
    const opportunity = await (await getPrisma()).opportunity.findFirstOrThrow({
      where: { externalId: "opp-hl-huge" },
    });
    expect(opportunity).toMatchObject({ name: "Enormous deal", monetaryValue: null });
  });

  it("a call lasting 1e12 seconds or -5 seconds is stored with no duration; 12.6 s is 13 s", async () => {
    const call = (messageId: string, callDuration: number) =>
      highLevelMessage({ messageId, messageType: "CALL", callDuration, callStatus: "completed" });
    for (const [id, duration] of [
      ["call-huge", 1e12],
      ["call-negative", -5],
      ["call-fraction", 12.6],
    ] as const) {
      expect((await postWebhook("highlevel", call(id, duration))).outcome?.status).toBe("processed");
    }
    const durations = await (await getPrisma()).message.findMany({
      select: { externalId: true, callDurationSeconds: true },
      orderBy: { externalId: "asc" },
    });
    expect(durations).toEqual([
      { externalId: "call-fraction", callDurationSeconds: 13 },
      { externalId: "call-huge", callDurationSeconds: null },
      { externalId: "call-negative", callDurationSeconds: null },
    ]);
  });
});
