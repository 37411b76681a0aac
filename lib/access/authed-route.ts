import { routeHandler } from "@/lib/http/route-handler";
import { requireViewer, type Viewer } from "./viewer";

/** routeHandler for everything but webhooks: the handler runs only for a signed-in user or a valid API token. */
export function authedRoute<Context>(
  handler: (request: Request, context: Context, viewer: Viewer) => Promise<Response>,
) {
  return routeHandler<Context>(async (request, context) => handler(request, context, await requireViewer(request)));
}
