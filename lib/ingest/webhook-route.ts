import { parseJsonBody, readBodyBytes } from "@/lib/http/read-body";
import { routeHandler } from "@/lib/http/route-handler";
import { ReplayedDeliveryError } from "@/lib/webhook-events";
import { WebhookRejectedError } from "@/lib/webhooks/verification";
import { ingestDelivery } from "./ingest-delivery";
import type { ProviderAdapter } from "./operations";

interface WebhookRouteContext {
  /** Only on /api/webhooks/<provider>/<secret>: providers that cannot sign put their secret there. */
  params?: Promise<{ secret?: string }>;
}

/** The POST handler of a provider's webhook endpoint: body checks, the provider's signature, then the shared ingestion. */
export function webhookRoute(adapter: ProviderAdapter) {
  return routeHandler(
    async (request: Request, context: WebhookRouteContext | undefined) => {
      const body = await readBodyBytes(request);
      const payload = parseJsonBody(body.toString("utf8"));
      const pathSecret = context?.params ? (await context.params).secret : undefined;
      const { deliveryId } = adapter.verify({ headers: request.headers, body, payload, pathSecret });
      try {
        const result = await ingestDelivery(adapter, payload, deliveryId);
        return Response.json(result, { status: 200 });
      } catch (error) {
        if (error instanceof ReplayedDeliveryError) throw new WebhookRejectedError(adapter.name, error.message, 409);
        throw error;
      }
    },
    { unavailableStatus: 429 },
  );
}
