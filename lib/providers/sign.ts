import { z } from "zod";
import { signHighLevelBody } from "@/lib/providers/highlevel/signature";
import { voxityAccountSecret, voxitySignature, VOXITY_SIGNATURE_HEADER } from "@/lib/providers/voxity/signature";

// The sending side of the webhook checks, for Threadline's own tools (simulator, tests):
// given the private key whose public half the server trusts, or Voxity's server secret,
// produce the headers a genuine delivery carries.

export interface WebhookSigningKeys {
  /** PEM of an Ed25519 private key, signs x-ghl-signature. */
  highLevelEd25519PrivateKey?: string;
  /** PEM of an RSA private key, signs the legacy x-wh-signature instead. */
  highLevelRsaPrivateKey?: string;
  voxityServerSecret?: string;
}

const agentSchema = z.object({ agentId: z.string() });

export function signatureHeaders(
  provider: "highlevel" | "voxity",
  body: string,
  keys: WebhookSigningKeys,
): Record<string, string> {
  if (provider === "highlevel") {
    return signHighLevelBody(body, {
      ed25519PrivateKey: keys.highLevelEd25519PrivateKey,
      rsaPrivateKey: keys.highLevelRsaPrivateKey,
    });
  }
  const agent = agentSchema.safeParse(JSON.parse(body));
  if (!keys.voxityServerSecret || !agent.success) return {};
  return {
    [VOXITY_SIGNATURE_HEADER]: voxitySignature(body, voxityAccountSecret(agent.data.agentId, keys.voxityServerSecret)),
  };
}

/** The signing keys a tool finds in its environment (see README, "Simulating deliveries"). */
export function signingKeysFromEnv(env: NodeJS.ProcessEnv = process.env): WebhookSigningKeys {
  return {
    highLevelEd25519PrivateKey: env.THREADLINE_SIGNING_KEY || undefined,
    voxityServerSecret: env.VOXITY_WEBHOOK_SECRET || undefined,
  };
}
