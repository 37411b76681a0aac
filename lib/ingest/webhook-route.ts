import { readBodyText, parseJsonBody } from "@/lib/http/read-body";
import { routeHandler } from "@/lib/http/route-handler";
import { ingestDelivery } from "./ingest-delivery";
import type { ProviderAdapter } from "./operations";

/** The POST handler of a provider's webhook endpoint: body checks, then the shared ingestion. */
export function webhookRoute(adapter: ProviderAdapter) {
  return routeHandler(
    async (request: Request) => {
      const payload = parseJsonBody(await readBodyText(request));
      const result = await ingestDelivery(adapter, payload);
      return Response.json(result, { status: 200 });
    },
    { unavailableStatus: 429 },
  );
}
