import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { makeTestKeyPairs } from "@/lib/testing/signing";
import {
  ED25519_KEY_ENV,
  LEGACY_KEY_ENV,
  RSA_KEY_ENV,
  replayFields,
  signHighLevelBody,
  verifyHighLevelDelivery,
  verifyHighLevelDeliveryOffThread,
} from "./signature";

// Signing and verifying side by side, without a database or a route: what the route tests
// (app/api/webhooks/highlevel/signature.test.ts) then prove end to end.

const keys = makeTestKeyPairs();
const other = makeTestKeyPairs();
afterEach(() => vi.unstubAllEnvs());

function verify(body: string, headers: Record<string, string>, now = Date.now()) {
  return verifyHighLevelDelivery(
    { headers: new Headers(headers), body: Buffer.from(body), payload: JSON.parse(body) },
    now,
  );
}

describe("HighLevel signatures", () => {
  const body = JSON.stringify({ type: "InboundMessage", locationId: "l", webhookId: "wh-1", body: "  spaced  " });

  it("what we sign with a trusted Ed25519 or RSA key verifies, and names the delivery", () => {
    vi.stubEnv(ED25519_KEY_ENV, keys.ed25519.publicKey);
    vi.stubEnv(RSA_KEY_ENV, keys.rsa.publicKey);
    expect(verify(body, signHighLevelBody(body, { ed25519PrivateKey: keys.ed25519.privateKey }))).toEqual({
      deliveryId: "wh-1",
    });
    expect(verify(body, signHighLevelBody(body, { rsaPrivateKey: keys.rsa.privateKey }))).toEqual({
      deliveryId: "wh-1",
    });
  });

  it("a changed byte, another key, or no signature is refused", () => {
    vi.stubEnv(ED25519_KEY_ENV, keys.ed25519.publicKey);
    const signed = signHighLevelBody(body, { ed25519PrivateKey: keys.ed25519.privateKey });
    expect(() => verify(body.replace("spaced", "spaces"), signed)).toThrow(/does not match/);
    expect(() => verify(body, signHighLevelBody(body, { ed25519PrivateKey: other.ed25519.privateKey }))).toThrow(
      /does not match/,
    );
    expect(() => verify(body, {})).toThrow(/unsigned/);
  });

  it("a timestamp more than 5 minutes away from our clock is refused", () => {
    vi.stubEnv(ED25519_KEY_ENV, keys.ed25519.publicKey);
    const stamped = JSON.stringify({ type: "InboundMessage", timestamp: "2025-01-01T00:00:00Z" });
    const headers = signHighLevelBody(stamped, { ed25519PrivateKey: keys.ed25519.privateKey });
    expect(verify(stamped, headers, Date.parse("2025-01-01T00:04:00Z"))).toEqual({ deliveryId: null });
    expect(() => verify(stamped, headers, Date.parse("2025-01-01T00:06:00Z"))).toThrow(/more than 5 minutes/);
  });

  it("reads the keys under their former environment names when the new ones are unset", () => {
    vi.stubEnv(ED25519_KEY_ENV, "");
    vi.stubEnv(LEGACY_KEY_ENV[ED25519_KEY_ENV], keys.ed25519.publicKey);
    const signed = signHighLevelBody(body, { ed25519PrivateKey: keys.ed25519.privateKey });
    expect(verify(body, signed)).toEqual({ deliveryId: "wh-1" });
    // The new name wins when both are set.
    vi.stubEnv(ED25519_KEY_ENV, other.ed25519.publicKey);
    expect(() => verify(body, signed)).toThrow(/does not match/);
    vi.stubEnv(ED25519_KEY_ENV, "");
    vi.stubEnv(LEGACY_KEY_ENV[ED25519_KEY_ENV], "none");
    vi.stubEnv(RSA_KEY_ENV, "");
    vi.stubEnv(LEGACY_KEY_ENV[RSA_KEY_ENV], "none");
    expect(verify(body, {})).toEqual({ deliveryId: null });
  });
});

// The route verifies off the event loop; it must answer exactly what the synchronous check does.
describe("HighLevel signatures checked on the thread pool", () => {
  const body = JSON.stringify({ type: "InboundMessage", locationId: "l", webhookId: "wh-1" });
  const stamped = JSON.stringify({ type: "InboundMessage", timestamp: "2025-01-01T00:00:00Z" });
  const offThread = (text: string, headers: Record<string, string>, now = Date.now()) =>
    verifyHighLevelDeliveryOffThread(
      { headers: new Headers(headers), body: Buffer.from(text), payload: JSON.parse(text) },
      now,
    );

  it("accepts and refuses the same deliveries as the synchronous check", async () => {
    vi.stubEnv(ED25519_KEY_ENV, keys.ed25519.publicKey);
    vi.stubEnv(RSA_KEY_ENV, keys.rsa.publicKey);
    const signed = signHighLevelBody(body, { ed25519PrivateKey: keys.ed25519.privateKey });
    await expect(offThread(body, signed)).resolves.toEqual({ deliveryId: "wh-1" });
    await expect(offThread(body, signHighLevelBody(body, { rsaPrivateKey: keys.rsa.privateKey }))).resolves.toEqual({
      deliveryId: "wh-1",
    });
    await expect(offThread(body.replace("wh-1", "wh-2"), signed)).rejects.toThrow(/does not match/);
    await expect(
      offThread(body, signHighLevelBody(body, { ed25519PrivateKey: other.ed25519.privateKey })),
    ).rejects.toThrow(/does not match/);
    await expect(offThread(body, { "x-ghl-signature": "not-a-signature" })).rejects.toThrow(/does not match/);
    await expect(offThread(body, {})).rejects.toThrow(/unsigned/);
    const stampedHeaders = signHighLevelBody(stamped, { ed25519PrivateKey: keys.ed25519.privateKey });
    await expect(offThread(stamped, stampedHeaders, Date.parse("2025-01-01T00:04:00Z"))).resolves.toEqual({
      deliveryId: null,
    });
    await expect(offThread(stamped, stampedHeaders, Date.parse("2025-01-01T00:06:00Z"))).rejects.toThrow(
      /more than 5 minutes/,
    );
  });
});

// The replay fields are read without zod on the ack path; this schema is what they mean.
const replayFieldsSchema = z.object({
  timestamp: z.union([z.string(), z.number()]).optional(),
  webhookId: z.string().min(1).optional(),
});

describe("replay fields", () => {
  const cases: unknown[] = [
    { timestamp: "2025-01-01T00:00:00Z", webhookId: "wh-1", other: 1 },
    { timestamp: 1735689600 },
    { webhookId: "wh-2" },
    {},
    { webhookId: "" },
    { webhookId: null },
    { timestamp: null, webhookId: "wh-3" },
    { timestamp: true },
    { timestamp: ["1"] },
    null,
    [],
    "text",
  ];
  it.each(cases.map((payload) => [JSON.stringify(payload), payload]))("agree with the schema on %s", (_, payload) => {
    const parsed = replayFieldsSchema.safeParse(payload);
    const expected = parsed.success
      ? Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined))
      : {};
    expect(replayFields(payload)).toEqual(expected);
  });
});
