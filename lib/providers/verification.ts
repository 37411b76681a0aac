import { HttpError } from "@/lib/http/errors";
import { logger } from "@/lib/logger";

// What every provider's webhook check shares: the request as received, the answer for a
// forged or stale delivery (401) and for an endpoint nobody has configured keys for.

export interface DeliveryToVerify {
  headers: Headers;
  /** The body exactly as received: signatures are over these bytes, not over re-serialised JSON. */
  body: Buffer;
  payload: unknown;
  /** The secret segment of the webhook URL, for providers that cannot sign. */
  pathSecret?: string;
}

export interface VerifiedDelivery {
  /** The provider's id for this delivery when it gives one: a second delivery with it is a replay. */
  deliveryId: string | null;
}

/** May answer later: a check that runs off the event loop (HighLevel's Ed25519) returns a promise. */
export type WebhookVerifier = (delivery: DeliveryToVerify) => VerifiedDelivery | Promise<VerifiedDelivery>;

/** A delivery that is not the provider's (the route wrapper logs it with the request id). */
export class WebhookRejectedError extends HttpError {
  constructor(
    readonly provider: string,
    reason: string,
  ) {
    super(401, reason);
  }
}

export const isProduction = () => process.env.NODE_ENV === "production";

const warnedUnconfigured = new Set<string>();

/**
 * An endpoint without keys: production refuses every delivery (an open endpoint would let
 * anyone write into the inbox); development accepts them so a laptop works out of the box.
 */
export function acceptUnconfigured(provider: string, whatIsMissing: string): VerifiedDelivery {
  if (isProduction()) {
    throw new HttpError(503, `${provider} webhooks are not configured on this server: ${whatIsMissing}`);
  }
  if (!warnedUnconfigured.has(provider)) {
    warnedUnconfigured.add(provider);
    logger.warn("accepting UNVERIFIED webhooks (development only; production refuses them)", {
      provider,
      missing: whatIsMissing,
    });
  }
  return { deliveryId: null };
}

/** The environment value, with "none"/"off" meaning "deliberately not configured". */
export function configuredValue(name: string): string | null {
  const value = process.env[name]?.trim();
  if (!value || value === "none" || value === "off") return null;
  return value;
}
