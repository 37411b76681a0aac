// Calls a real route handler as the browser would: same-origin (the CSRF check refuses cross-site
// writes), JSON or a form in, JSON out, the dynamic segments as Next passes them. Every test
// helper that calls an app route goes through this one function.

export type RouteHandler = (request: Request, context: never) => Promise<Response>;

export interface RouteRequest {
  /** GET unless told. */
  method?: string;
  url: string;
  /** The `[id]` segment, when the route has one. */
  id?: string;
  headers: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data (an attachment), instead of a JSON body. */
  form?: FormData;
  /** Further dynamic segments (a label's id beside the conversation's). */
  params?: Record<string, string>;
}

export async function callRoute<T = Record<string, unknown>>(handler: RouteHandler, request: RouteRequest) {
  const headers: Record<string, string> = { origin: "http://localhost", ...request.headers };
  if (request.body !== undefined) headers["content-type"] = "application/json";
  const params = request.id === undefined ? { ...request.params } : { id: request.id, ...request.params };
  const response = await handler(
    new Request(`http://localhost${request.url}`, {
      method: request.method ?? "GET",
      headers,
      body: request.form ?? (request.body === undefined ? undefined : JSON.stringify(request.body)),
    }),
    { params: Promise.resolve(params) } as never,
  );
  // A 204 has no body.
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}
