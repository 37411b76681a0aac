import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { startWebhookServer } from "@/lib/testing/http-server";
import { testSigningKeys } from "@/lib/testing/signing";
import { drainEvents } from "@/lib/ingest/worker";
import { runSimulation } from "./simulator";

let server: Awaited<ReturnType<typeof startWebhookServer>>;
beforeAll(async () => {
  await resetDatabase();
  server = await startWebhookServer();
});
afterAll(() => server.close());

describe("npm run simulate against a test server", () => {
  it("every event it sends is stored exactly once, duplicates and late deliveries included", async () => {
    const results = await runSimulation({
      baseUrl: server.baseUrl,
      rate: 25,
      durationSeconds: 3,
      seed: 11,
      signingKeys: testSigningKeys(),
    });
    expect(results.length).toBe(75);
    expect(results.every(({ outcome }) => outcome.status === 200)).toBe(true);
    expect(results.some(({ event }) => event.kind === "duplicate")).toBe(true);
    expect(results.some(({ event }) => event.kind === "late")).toBe(true);
    const prisma = await getPrisma();
    await drainEvents(); // what the app's worker does after the answers

    // Every HighLevel message id it sent is one stored message.
    const messageIds = new Set(
      results
        .map(({ event }) => (event.payload as { messageId?: string }).messageId)
        .filter((id): id is string => Boolean(id)),
    );
    const stored = await prisma.message.groupBy({
      by: ["externalId"],
      where: { externalId: { in: [...messageIds] } },
      _count: true,
    });
    expect(stored.length).toBe(messageIds.size);
    expect(stored.every((row) => row._count === 1)).toBe(true);

    // Every distinct delivery is one logged event; redeliveries add none and say so.
    const distinct = new Set(
      results.filter(({ event }) => event.kind !== "duplicate").map(({ event }) => JSON.stringify(event.payload)),
    );
    expect(await prisma.webhookEvent.count()).toBe(distinct.size);
    // A redelivery can overtake its original in flight: whichever lands first is processed,
    // every other copy of the same payload is answered duplicate.
    const answersByPayload = new Map<string, string[]>();
    for (const { event, outcome } of results) {
      const key = JSON.stringify(event.payload);
      answersByPayload.set(key, [...(answersByPayload.get(key) ?? []), outcome.answer]);
    }
    for (const answers of answersByPayload.values()) {
      expect(answers.filter((answer) => answer !== "duplicate")).toHaveLength(1);
    }
    expect(await prisma.webhookEvent.count({ where: { status: { not: "processed" } } })).toBe(0);
  });
});
