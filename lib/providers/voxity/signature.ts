import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import {
  WebhookRejectedError,
  acceptUnconfigured,
  configuredValue,
  type DeliveryToVerify,
  type VerifiedDelivery,
} from "@/lib/providers/verification";

// Voxity publishes no signing scheme. Each Voxity agent (our account) gets its own secret,
// derived from one server secret so that nothing per account has to be stored or synced:
// secret = HMAC-SHA256(VOXITY_WEBHOOK_SECRET, "voxity:" + agentId). The agent's webhook
// either carries it in the URL path (/api/webhooks/voxity/<secret>) or, where the sender can
// compute one, signs the body: x-voxity-signature: sha256=<hex HMAC-SHA256(secret, body)>.

export const VOXITY_SECRET_ENV = "VOXITY_WEBHOOK_SECRET";
export const VOXITY_SIGNATURE_HEADER = "x-voxity-signature";

export function voxityAccountSecret(agentId: string, serverSecret: string): string {
  return createHmac("sha256", serverSecret).update(`voxity:${agentId}`).digest("base64url");
}

export function voxitySignature(body: Buffer | string, accountSecret: string): string {
  return `sha256=${createHmac("sha256", accountSecret).update(body).digest("hex")}`;
}

const sameText = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

const agentSchema = z.object({ agentId: z.string().min(1) });

export function verifyVoxityDelivery(delivery: DeliveryToVerify): VerifiedDelivery {
  const serverSecret = configuredValue(VOXITY_SECRET_ENV);
  if (!serverSecret) return acceptUnconfigured("voxity", `${VOXITY_SECRET_ENV} is not set`);

  const agent = agentSchema.safeParse(delivery.payload);
  if (!agent.success)
    throw new WebhookRejectedError("voxity", "payload names no agentId, so no account secret applies");
  const secret = voxityAccountSecret(agent.data.agentId, serverSecret);

  if (delivery.pathSecret !== undefined) {
    if (!sameText(delivery.pathSecret, secret))
      throw new WebhookRejectedError("voxity", "the URL's secret is not this agent's");
    return { deliveryId: null };
  }
  const signature = delivery.headers.get(VOXITY_SIGNATURE_HEADER);
  if (!signature)
    throw new WebhookRejectedError("voxity", `unsigned: no ${VOXITY_SIGNATURE_HEADER} header and no secret in the URL`);
  if (!sameText(signature.trim().toLowerCase(), voxitySignature(delivery.body, secret))) {
    throw new WebhookRejectedError("voxity", `${VOXITY_SIGNATURE_HEADER} does not match the body`);
  }
  return { deliveryId: null };
}
