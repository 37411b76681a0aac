import { withDeadline } from "@/lib/http/admission";
import { DatabaseUnavailableError } from "@/lib/http/errors";
import { readBodyBytes } from "@/lib/http/read-body";
import { routeHandler } from "@/lib/http/route-handler";
import { GATE_WAIT_HEADER } from "@/lib/http/front-gate";
import { acknowledgeDelivery } from "./acknowledge";
import type { ProviderAdapter } from "@/lib/providers/contract";
import { parseDeliveryBody } from "./raw-delivery";
import { webhookAdmission } from "./webhook-admission";

interface WebhookRouteContext {
  /** Only on /api/webhooks/<provider>/<secret>: providers that cannot sign put their secret there. */
  params?: Promise<{ secret?: string }>;
}

// Providers give up on a delivery after a few seconds, and HighLevel treats a timeout as final:
// answer 429 (retry) well before that if the delivery could not be stored in time.
export const ACK_DEADLINE_MS = 4_500;

/** What is left of the deadline after the wait in the front gate (webhook-front-gate.ts), ms. */
function deadlineLeft(request: Request): number {
  const waited = Number(request.headers.get(GATE_WAIT_HEADER) ?? 0);
  return Number.isFinite(waited) && waited > 0 ? Math.max(0, ACK_DEADLINE_MS - waited) : ACK_DEADLINE_MS;
}

/**
 * The POST handler of a provider's webhook endpoint: admission, size and JSON checks, the
 * provider's signature, one INSERT into the event log, 200. A worker does the rest.
 */
export function webhookRoute(adapter: ProviderAdapter) {
  return routeHandler(
    (request: Request, context: WebhookRouteContext | undefined) =>
      withDeadline(
        webhookAdmission().run(async () => {
          const body = await readBodyBytes(request);
          const payload = parseDeliveryBody(body);
          const pathSecret = context?.params ? (await context.params).secret : undefined;
          const { deliveryId } = await adapter.verify({ headers: request.headers, body, payload, pathSecret });
          const acknowledgement = await acknowledgeDelivery(adapter, body, payload, deliveryId);
          return Response.json(acknowledgement, { status: 200 });
        }),
        deadlineLeft(request),
        () => new DatabaseUnavailableError(new Error(`not stored within ${ACK_DEADLINE_MS} ms`)),
      ),
    { unavailableStatus: 429 },
  );
}
