import {
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  sign as signEd25519,
  verify as verifyEd25519,
  type KeyObject,
} from "node:crypto";
import { envWithAlias } from "@/lib/env";
import {
  WebhookRejectedError,
  acceptUnconfigured,
  type DeliveryToVerify,
  type VerifiedDelivery,
} from "@/lib/providers/verification";

// HighLevel signs every marketplace webhook: x-ghl-signature (Ed25519) and, until it retires
// it, x-wh-signature (RSA-SHA256), both base64 over the raw body. The keys below are the
// ones HighLevel publishes in its Webhook Integration Guide; the environment can replace
// them (a rotation, or a test's own key pair) or switch verification off with "none".

export const PUBLISHED_ED25519_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=
-----END PUBLIC KEY-----`;

export const PUBLISHED_RSA_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAokvo/r9tVgcfZ5DysOSC
Frm602qYV0MaAiNnX9O8KxMbiyRKWeL9JpCpVpt4XHIcBOK4u3cLSqJGOLaPuXw6
dO0t6Q/ZVdAV5Phz+ZtzPL16iCGeK9po6D6JHBpbi989mmzMryUnQJezlYJ3DVfB
csedpinheNnyYeFXolrJvcsjDtfAeRx5ByHQmTnSdFUzuAnC9/GepgLT9SM4nCpv
uxmZMxrJt5Rw+VUaQ9B8JSvbMPpez4peKaJPZHBbU3OdeCVx5klVXXZQGNHOs8gF
3kvoV5rTnXV0IknLBXlcKKAQLZcY/Q9rG6Ifi9c+5vqlvHPCUJFT5XUGG5RKgOKU
J062fRtN+rLYZUV+BjafxQauvC8wSWeYja63VSUruvmNj8xkx2zE/Juc+yjLjTXp
IocmaiFeAO6fUtNjDeFVkhf5LNb59vECyrHD2SQIrhgXpO4Q3dVNA5rw576PwTzN
h/AMfHKIjE4xQA1SZuYJmNnmVZLIZBlQAF9Ntd03rfadZ+yDiOXCCs9FkHibELhC
HULgCsnuDJHcrGNd5/Ddm5hxGQ0ASitgHeMZ0kcIOwKDOzOU53lDza6/Y09T7sYJ
PQe7z0cvj7aE4B+Ax1ZoZGPzpJlZtGXCsu9aTEGEnKzmsFqwcSsnw3JB31IGKAyk
T1hhTiaCeIY/OwwwNUY2yvcCAwEAAQ==
-----END PUBLIC KEY-----`;

export const ED25519_KEY_ENV = "HIGHLEVEL_WEBHOOK_ED25519_PUBLIC_KEY";
export const RSA_KEY_ENV = "HIGHLEVEL_WEBHOOK_RSA_PUBLIC_KEY";
/** The names these had before issue #23, still read when the new ones are unset. */
export const LEGACY_KEY_ENV = {
  [ED25519_KEY_ENV]: "LEADCONNECTOR_WEBHOOK_ED25519_PUBLIC_KEY",
  [RSA_KEY_ENV]: "LEADCONNECTOR_WEBHOOK_RSA_PUBLIC_KEY",
} as const;

/** How far a delivery's own timestamp may be from our clock. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60 * 1000;

const keyCache = new Map<string, KeyObject>();

/** The configured key: the environment's PEM (newlines may be written as \n), else the published one. */
function publicKey(envName: keyof typeof LEGACY_KEY_ENV, published: string): KeyObject | null {
  const raw = envWithAlias(envName, LEGACY_KEY_ENV[envName])?.trim();
  if (raw === "none" || raw === "off") return null;
  const pem = raw ? raw.replace(/\\n/g, "\n") : published;
  let key = keyCache.get(pem);
  if (!key) {
    key = createPublicKey(pem);
    keyCache.set(pem, key);
  }
  return key;
}

/**
 * The payload's replay fields: `timestamp` (text or number) and a non-empty `webhookId`, both
 * optional; when either has the wrong type, neither (as a zod object schema would answer, without
 * copying the payload on every acknowledgement; signature.test.ts holds the two equal).
 */
export function replayFields(payload: unknown): { timestamp?: string | number; webhookId?: string } {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return {};
  const { timestamp, webhookId } = payload as Record<string, unknown>;
  if (timestamp !== undefined && typeof timestamp !== "string" && typeof timestamp !== "number") return {};
  if (webhookId !== undefined && (typeof webhookId !== "string" || webhookId.length === 0)) return {};
  return {
    ...(timestamp === undefined ? {} : { timestamp }),
    ...(webhookId === undefined ? {} : { webhookId }),
  };
}

function parseTimestamp(value: string | number): number {
  if (typeof value === "number") return value < 1e12 ? value * 1000 : value;
  return /^\d+$/.test(value) ? parseTimestamp(Number(value)) : Date.parse(value);
}

function signatureMatches(delivery: DeliveryToVerify, ed25519: KeyObject | null, rsa: KeyObject | null): string | null {
  const ed25519Signature = delivery.headers.get("x-ghl-signature");
  const rsaSignature = delivery.headers.get("x-wh-signature");
  if (ed25519Signature) {
    if (!ed25519) return "x-ghl-signature given but no Ed25519 key is configured";
    const ok = verifyEd25519(null, delivery.body, ed25519, Buffer.from(ed25519Signature, "base64"));
    return ok ? null : "x-ghl-signature does not match the body";
  }
  if (rsaSignature) {
    if (!rsa) return "x-wh-signature given but no RSA key is configured";
    const ok = createVerify("sha256").update(delivery.body).verify(rsa, rsaSignature, "base64");
    return ok ? null : "x-wh-signature does not match the body";
  }
  return "unsigned: no x-ghl-signature or x-wh-signature header";
}

function configuredKeys(): { ed25519: KeyObject | null; rsa: KeyObject | null } {
  return {
    ed25519: publicKey(ED25519_KEY_ENV, PUBLISHED_ED25519_PUBLIC_KEY),
    rsa: publicKey(RSA_KEY_ENV, PUBLISHED_RSA_PUBLIC_KEY),
  };
}

/** The replay check of a delivery whose signature matched: its signed timestamp, and its id. */
function checkReplayFields(delivery: DeliveryToVerify, now: number): VerifiedDelivery {
  // Signed fields, so trustworthy. HighLevel's own message examples carry neither; those are
  // still deduplicated by message id, so a replay of one stores nothing new.
  const { timestamp, webhookId } = replayFields(delivery.payload);
  if (timestamp !== undefined) {
    const at = parseTimestamp(timestamp);
    if (!Number.isFinite(at))
      throw new WebhookRejectedError("highlevel", `timestamp ${String(timestamp)} is not a date`);
    if (Math.abs(now - at) > TIMESTAMP_TOLERANCE_MS) {
      throw new WebhookRejectedError(
        "highlevel",
        `timestamp ${String(timestamp)} is more than 5 minutes from the server's clock`,
      );
    }
  }
  return { deliveryId: webhookId ?? null };
}

export function verifyHighLevelDelivery(delivery: DeliveryToVerify, now = Date.now()): VerifiedDelivery {
  const { ed25519, rsa } = configuredKeys();
  if (!ed25519 && !rsa) return acceptUnconfigured("highlevel", `${ED25519_KEY_ENV} and ${RSA_KEY_ENV} are "none"`);
  const mismatch = signatureMatches(delivery, ed25519, rsa);
  if (mismatch) throw new WebhookRejectedError("highlevel", mismatch);
  return checkReplayFields(delivery, now);
}

/**
 * verifyHighLevelDelivery with the Ed25519 check on libuv's thread pool (the route's verifier):
 * ~0.1 ms of CPU per delivery that the one JavaScript thread, the ack's bottleneck, no longer
 * spends. Anything but a signed delivery with a configured Ed25519 key goes the synchronous way.
 */
export async function verifyHighLevelDeliveryOffThread(
  delivery: DeliveryToVerify,
  now = Date.now(),
): Promise<VerifiedDelivery> {
  const signature = delivery.headers.get("x-ghl-signature");
  const { ed25519 } = configuredKeys();
  if (!signature || !ed25519) return verifyHighLevelDelivery(delivery, now);
  const matches = await new Promise<boolean>((resolve) =>
    // An error (a malformed signature) is a mismatch, as the synchronous check answers false.
    verifyEd25519(null, delivery.body, ed25519, Buffer.from(signature, "base64"), (error, valid) =>
      resolve(!error && valid),
    ),
  );
  if (!matches) throw new WebhookRejectedError("highlevel", "x-ghl-signature does not match the body");
  return checkReplayFields(delivery, now);
}

const privateKeyCache = new Map<string, KeyObject>();
function privateKey(pem: string): KeyObject {
  let key = privateKeyCache.get(pem);
  if (!key) {
    key = createPrivateKey(pem.replace(/\\n/g, "\n"));
    privateKeyCache.set(pem, key);
  }
  return key;
}

/**
 * The sending side, for our own tools and tests: the header HighLevel would put on `body`,
 * signed with the private half of a key the server trusts (Ed25519, or the legacy RSA).
 */
export function signHighLevelBody(
  body: string | Buffer,
  keys: { ed25519PrivateKey?: string; rsaPrivateKey?: string },
): Record<string, string> {
  if (keys.ed25519PrivateKey) {
    return {
      "x-ghl-signature": signEd25519(null, Buffer.from(body), privateKey(keys.ed25519PrivateKey)).toString("base64"),
    };
  }
  if (keys.rsaPrivateKey)
    return { "x-wh-signature": createSign("sha256").update(body).sign(privateKey(keys.rsaPrivateKey), "base64") };
  return {};
}
