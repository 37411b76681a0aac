import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { postWebhook } from "@/lib/testing/webhooks";
import { seedDemoIfEmpty } from "./auto-seed";
import { generateDemoEvents } from "./generate";

describe("demo data", () => {
  it("is the same for the same seed and time", () => {
    const now = Date.UTC(2026, 0, 15, 12);
    expect(generateDemoEvents(now)).toEqual(generateDemoEvents(now));
    expect(generateDemoEvents(now, 1)).not.toEqual(generateDemoEvents(now));
  });

  it("covers every channel, both providers and both directions", () => {
    const events = generateDemoEvents(Date.UTC(2026, 0, 15, 12));
    const types = new Set(events.map((e) => (e.payload as { messageType?: string }).messageType).filter(Boolean));
    expect([...types].sort()).toEqual([
      "CALL",
      "Email",
      "FB",
      "GMB",
      "IG",
      "Live Chat",
      "SMS",
      "VoiceMail",
      "WhatsApp",
    ]);
    expect(new Set(events.map((e) => e.provider))).toEqual(new Set(["highlevel", "voxity"]));
    expect(new Set(events.map((e) => (e.payload as { direction?: string }).direction).filter(Boolean))).toEqual(
      new Set(["inbound", "outbound"]),
    );
  });

  it("is skipped when the database already has data", async () => {
    await resetDatabase();
    await postWebhook("highlevel", {
      type: "InboundMessage",
      locationId: "l",
      conversationId: "c",
      messageId: "m",
      messageType: "SMS",
      body: "real data",
    });
    expect(await seedDemoIfEmpty()).toBe(false);
    expect(await (await getPrisma()).webhookEvent.count()).toBe(1);
  });
});
