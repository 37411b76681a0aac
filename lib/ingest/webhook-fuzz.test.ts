import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { signatureHeaders } from "@/lib/providers/sign";
import { resetDatabase } from "@/lib/testing/database";
import { describeReport, FUZZ_ENDPOINTS, fuzzEndpoint, type FuzzKeys } from "@/lib/testing/fuzz/run-fuzz";
import { startWebhookServer } from "@/lib/testing/http-server";
import { highLevelMessage } from "@/lib/testing/highlevel-payloads";
import { conversationDetail, conversationMessages, listConversations } from "@/lib/testing/read-api";
import { testSigningKeys } from "@/lib/testing/signing";
import { drainEvents } from "./worker";

// Signed, mutated deliveries over real HTTP to the real webhook routes on the real database:
// whatever a provider (or someone holding its keys) sends, the answer is never a 5xx, the server
// keeps answering, the worker settles every stored event (processed, ignored, or failed with a
// reason, never stuck or retried forever) and every read of what was stored still answers.
// `npm run fuzz` runs the same for longer against any server.

// 3,400 per endpoint: 10,200 signed deliveries over the three in every run (issue #25 asks for
// ≥ 10,000 in CI); `npm run fuzz` sends as many as asked for.
const RUNS = Number(process.env.FUZZ_RUNS ?? 3_400);
// Processing costs far more than acknowledging (each account's events apply one at a time), so
// the worker and the reads get a smaller fuzz of their own; `npm run fuzz` processes everything.
const PROCESSED_RUNS = Number(process.env.FUZZ_PROCESSED_RUNS ?? 1_500);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);

let server: Awaited<ReturnType<typeof startWebhookServer>>;

beforeAll(async () => {
  await resetDatabase();
  server = await startWebhookServer();
});
afterAll(async () => server?.close());

function keys(): FuzzKeys {
  const { highLevelEd25519PrivateKey, voxityServerSecret } = testSigningKeys();
  if (!highLevelEd25519PrivateKey || !voxityServerSecret) throw new Error("test signing keys missing");
  return { highLevelEd25519PrivateKey, voxityServerSecret };
}

describe(`webhook fuzz: ${RUNS} signed, mutated deliveries per endpoint`, () => {
  for (const endpoint of FUZZ_ENDPOINTS) {
    it(`${endpoint}: no 5xx, no dropped connection`, { timeout: 600_000 }, async () => {
      const report = await fuzzEndpoint({
        baseUrl: server.baseUrl,
        endpoint,
        runs: RUNS,
        seed: SEED,
        concurrency: 8,
        keys: keys(),
      });
      console.info(describeReport(report));
      expect(report.sent).toBe(RUNS);
      expect(report.serverErrors).toEqual([]);
      // The mutations reach past the door: some are stored, some refused as bad input.
      expect(report.byStatus["200"]).toBeGreaterThan(RUNS / 4);
      expect(report.byStatus["400"]).toBeGreaterThan(0);
      expect(report.byStatus["401"]).toBeGreaterThan(0);
    });
  }

  it("the server still takes a genuine delivery", async () => {
    const body = JSON.stringify(highLevelMessage({ messageId: "after-the-fuzz" }));
    const response = await fetch(`${server.baseUrl}/api/webhooks/highlevel`, {
      method: "POST",
      headers: { "content-type": "application/json", ...signatureHeaders("highlevel", body, testSigningKeys()) },
      body,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "received" });
  });

  it(`the worker settles every event of ${PROCESSED_RUNS} more per endpoint, and every read of the result answers`, {
    timeout: 600_000,
  }, async () => {
    await resetDatabase();
    for (const endpoint of FUZZ_ENDPOINTS) {
      const options = { baseUrl: server.baseUrl, endpoint, runs: PROCESSED_RUNS, seed: SEED + 10, concurrency: 8 };
      expect((await fuzzEndpoint({ ...options, keys: keys() })).serverErrors).toEqual([]);
    }
    const summary = await drainEvents({ concurrency: 8 });
    console.info(`fuzz drain: ${JSON.stringify(summary)}`);
    expect(summary.retrying).toBe(0);
    expect(summary["database-unavailable"]).toBe(0);
    const prisma = await getPrisma();
    const unsettled = await prisma.webhookEvent.count({ where: { status: { in: ["received", "processing"] } } });
    expect(unsettled).toBe(0);
    expect(await prisma.webhookEvent.count({ where: { status: "processed" } })).toBeGreaterThan(PROCESSED_RUNS / 10);

    const list = await listConversations("limit=100");
    expect(list.status).toBe(200);
    expect(list.body.conversations.length).toBeGreaterThan(0);
    for (const conversation of list.body.conversations) {
      expect((await conversationDetail(conversation.id)).status).toBe(200);
      expect((await conversationMessages(conversation.id)).status).toBe(200);
    }
  });
});
