import { generateKeyPairSync, randomBytes } from "node:crypto";
import { ED25519_KEY_ENV, RSA_KEY_ENV } from "@/lib/providers/highlevel/signature";
import { VOXITY_SECRET_ENV } from "@/lib/providers/voxity/signature";
import type { WebhookSigningKeys } from "@/lib/providers/sign";

// Tests sign like the providers do, with key pairs made here: the server under test trusts
// their public halves (set in the environment), never HighLevel's real keys.

const pem = { type: "spki", format: "pem" } as const;
const privatePem = { type: "pkcs8", format: "pem" } as const;

export interface TestKeyPairs {
  ed25519: { publicKey: string; privateKey: string };
  rsa: { publicKey: string; privateKey: string };
}

export function makeTestKeyPairs(): TestKeyPairs {
  const ed = generateKeyPairSync("ed25519");
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    ed25519: {
      publicKey: ed.publicKey.export(pem).toString(),
      privateKey: ed.privateKey.export(privatePem).toString(),
    },
    rsa: { publicKey: rsa.publicKey.export(pem).toString(), privateKey: rsa.privateKey.export(privatePem).toString() },
  };
}

/** Once per process: the environment the server reads its keys from, and the private halves for senders. */
export function installTestSigningKeys(): void {
  if (process.env.TEST_ED25519_PRIVATE_KEY) return;
  const keys = makeTestKeyPairs();
  process.env[ED25519_KEY_ENV] = keys.ed25519.publicKey;
  process.env[RSA_KEY_ENV] = keys.rsa.publicKey;
  process.env.TEST_ED25519_PRIVATE_KEY = keys.ed25519.privateKey;
  process.env.TEST_RSA_PRIVATE_KEY = keys.rsa.privateKey;
  process.env[VOXITY_SECRET_ENV] = randomBytes(32).toString("base64url");
}

export function testSigningKeys(): WebhookSigningKeys {
  return {
    highLevelEd25519PrivateKey: process.env.TEST_ED25519_PRIVATE_KEY,
    voxityServerSecret: process.env[VOXITY_SECRET_ENV],
  };
}
