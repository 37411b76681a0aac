import { createSign, sign as signEd25519, createPrivateKey } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getPrisma } from "@/lib/db";
import { ED25519_KEY_ENV, PUBLISHED_ED25519_PUBLIC_KEY, RSA_KEY_ENV } from "@/lib/providers/highlevel/signature";
import { resetDatabase } from "@/lib/testing/database";
import { makeTestKeyPairs } from "@/lib/testing/signing";
import { postRaw } from "@/lib/testing/webhooks";

// The server trusts the test key pairs installed in lib/testing/setup.ts; these tests sign
// with them (and with keys it does not trust) the way HighLevel signs its deliveries.

beforeEach(resetDatabase);
afterEach(() => vi.unstubAllEnvs());

const ed25519Private = () => createPrivateKey(process.env.TEST_ED25519_PRIVATE_KEY!);
const rsaPrivate = () => createPrivateKey(process.env.TEST_RSA_PRIVATE_KEY!);
const ghlSignature = (body: string, key = ed25519Private()) =>
  signEd25519(null, Buffer.from(body), key).toString("base64");
const whSignature = (body: string, key = rsaPrivate()) => createSign("sha256").update(body).sign(key, "base64");

let sequence = 0;
function delivery(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return JSON.stringify({
    type: "InboundMessage",
    locationId: "loc-signed",
    conversationId: "conv-signed",
    messageId: `signed-${sequence}`,
    messageType: "SMS",
    direction: "inbound",
    body: "hello",
    dateAdded: new Date().toISOString(),
    timestamp: new Date().toISOString(),
    webhookId: `wh-${sequence}-${Date.now()}`,
    ...overrides,
  });
}

const storedEvents = async () => (await getPrisma()).webhookEvent.count();

describe("HighLevel webhook signatures", () => {
  it("accepts a delivery signed with Ed25519 (x-ghl-signature)", async () => {
    const body = delivery();
    const result = await postRaw("highlevel", body, { "x-ghl-signature": ghlSignature(body) });
    expect(result.status).toBe(200);
    expect(result.outcome).toMatchObject({ status: "processed" });
  });

  it("accepts a delivery signed with the legacy RSA-SHA256 (x-wh-signature)", async () => {
    const body = delivery();
    const result = await postRaw("highlevel", body, { "x-wh-signature": whSignature(body) });
    expect(result.status).toBe(200);
    expect(result.outcome).toMatchObject({ status: "processed" });
  });

  it("verifies the body as received, byte for byte (whitespace and key order included)", async () => {
    const body = `{ "messageId":"spaced-1",  "type":"InboundMessage","locationId":"loc-signed","conversationId":"c","messageType":"SMS","direction":"inbound","body":"x" }`;
    const result = await postRaw("highlevel", body, { "x-ghl-signature": ghlSignature(body) });
    expect(result.status).toBe(200);
  });

  it("rejects a tampered body with 401 and stores nothing", async () => {
    const body = delivery();
    const tampered = body.replace('"hello"', '"send me the codes"');
    const signed: Array<Record<string, string>> = [
      { "x-ghl-signature": ghlSignature(body) },
      { "x-wh-signature": whSignature(body) },
    ];
    for (const headers of signed) {
      const result = await postRaw("highlevel", tampered, headers);
      expect(result.status).toBe(401);
      expect(String(result.json.error)).toMatch(/does not match the body/);
    }
    expect(await storedEvents()).toBe(0);
  });

  it("rejects a signature made with a key the server does not trust", async () => {
    const stranger = makeTestKeyPairs();
    const body = delivery();
    const ed = await postRaw("highlevel", body, {
      "x-ghl-signature": ghlSignature(body, createPrivateKey(stranger.ed25519.privateKey)),
    });
    const rsa = await postRaw("highlevel", body, {
      "x-wh-signature": whSignature(body, createPrivateKey(stranger.rsa.privateKey)),
    });
    expect([ed.status, rsa.status]).toEqual([401, 401]);
    expect(await storedEvents()).toBe(0);
  });

  it("rejects an unsigned delivery, or one whose signature is garbage", async () => {
    const body = delivery();
    const unsigned = await postRaw("highlevel", body);
    expect(unsigned.status).toBe(401);
    expect(unsigned.json.error).toBe("unsigned: no x-ghl-signature or x-wh-signature header");
    const garbage = await postRaw("highlevel", body, { "x-ghl-signature": "not base64 at all!!" });
    expect(garbage.status).toBe(401);
    expect(await storedEvents()).toBe(0);
  });

  it("rejects a timestamp more than 5 minutes away, either side, and accepts one inside the window", async () => {
    for (const offsetMinutes of [-6, 6, -60 * 24]) {
      const body = delivery({ timestamp: new Date(Date.now() + offsetMinutes * 60_000).toISOString() });
      const result = await postRaw("highlevel", body, { "x-ghl-signature": ghlSignature(body) });
      expect(result.status, `${offsetMinutes} min`).toBe(401);
      expect(String(result.json.error)).toMatch(/more than 5 minutes/);
    }
    const inside = delivery({ timestamp: new Date(Date.now() - 4 * 60_000).toISOString() });
    expect((await postRaw("highlevel", inside, { "x-ghl-signature": ghlSignature(inside) })).status).toBe(200);
    const unreadable = delivery({ timestamp: "yesterday-ish" });
    expect((await postRaw("highlevel", unreadable, { "x-ghl-signature": ghlSignature(unreadable) })).status).toBe(401);
  });

  it("answers a replayed webhookId duplicate (200) and stores nothing, even when the replay's body differs", async () => {
    const body = delivery({ webhookId: "wh-replayed" });
    const first = await postRaw("highlevel", body, { "x-ghl-signature": ghlSignature(body) });
    expect(first.outcome).toMatchObject({ status: "processed" });
    const again = await postRaw("highlevel", body, { "x-ghl-signature": ghlSignature(body) });
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ status: "duplicate", eventId: first.json.eventId });
    const other = delivery({ webhookId: "wh-replayed", messageId: "another-message", body: "different" });
    const replay = await postRaw("highlevel", other, { "x-ghl-signature": ghlSignature(other) });
    expect(replay.json).toEqual({ status: "duplicate", eventId: first.json.eventId });
    expect(await (await getPrisma()).message.count()).toBe(1);
    expect(await (await getPrisma()).webhookEvent.count()).toBe(1);
  });

  it("a provider's retry of a delivery stored but not yet processed is a duplicate; the worker still processes it", async () => {
    const prisma = await getPrisma();
    const retried = delivery({ webhookId: "wh-retried", messageId: "signed-retry" });
    // What a delivery answered 429 after its insert landed leaves: the event stored, not processed.
    await prisma.webhookEvent.create({
      data: {
        provider: "highlevel",
        dedupeKey: "message:loc-signed:signed-retry:inbound",
        deliveryId: "wh-retried",
        rawBody: Buffer.from(retried),
        status: "received",
      },
    });
    const result = await postRaw("highlevel", retried, { "x-ghl-signature": ghlSignature(retried) });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ status: "duplicate" });
    expect(await prisma.message.count()).toBe(1);
    expect((await prisma.webhookEvent.findFirstOrThrow()).status).toBe("processed");
  });

  it("trusts HighLevel's published keys when the environment names none", async () => {
    vi.stubEnv(ED25519_KEY_ENV, "");
    const body = delivery();
    // Our test key is no longer trusted: only HighLevel's published key is.
    expect((await postRaw("highlevel", body, { "x-ghl-signature": ghlSignature(body) })).status).toBe(401);
    expect(PUBLISHED_ED25519_PUBLIC_KEY).toContain("MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=");
  });

  it("in production, with verification switched off, refuses every delivery with 503", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv(ED25519_KEY_ENV, "none");
    vi.stubEnv(RSA_KEY_ENV, "none");
    const body = delivery();
    const result = await postRaw("highlevel", body, { "x-ghl-signature": ghlSignature(body) });
    expect(result.status).toBe(503);
    expect(String(result.json.error)).toMatch(/not configured/);
    expect(await storedEvents()).toBe(0);
  });

  it("in development, with verification switched off, accepts unsigned deliveries", async () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv(ED25519_KEY_ENV, "none");
    vi.stubEnv(RSA_KEY_ENV, "none");
    const result = await postRaw("highlevel", delivery());
    expect(result.status).toBe(200);
  });
});
