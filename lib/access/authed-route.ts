import { routeHandler } from "@/lib/http/route-handler";
import { requireViewer, type RouteWrite, type Viewer } from "@/lib/access/viewer";

export interface AuthedRouteOptions {
  /**
   * What the route's non-GET methods change, which decides the API tokens that may call them:
   * "team" (the default) none; "send" those made with the send scope (lib/access/viewer.ts).
   */
  write?: RouteWrite;
}

/**
 * routeHandler for everything but webhooks: the handler runs only for a signed-in user or a valid
 * API token. Every answer (errors included) is `Cache-Control: no-store` unless the handler chose
 * its own caching: these answers hold customers' data or a one-time API token, and no browser
 * cache or shared proxy may keep them.
 */
export function authedRoute<Context>(
  handler: (request: Request, context: Context, viewer: Viewer) => Promise<Response>,
  options: AuthedRouteOptions = {},
) {
  const write = options.write ?? "team";
  const route = routeHandler<Context>(async (request, context) =>
    handler(request, context, await requireViewer(request, write)),
  );
  return async (request: Request, context: Context): Promise<Response> => {
    const response = await route(request, context);
    if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
    return response;
  };
}
