// Calls a real route handler as the browser would: same-origin (the CSRF check refuses cross-site
// writes), JSON in and out, the dynamic segment as Next passes it. Every test helper for a
// writing route goes through this one function.

export type RouteHandler = (request: Request, context: never) => Promise<Response>;

export async function callRoute<T = Record<string, unknown>>(
  handler: RouteHandler,
  request: {
    method: string;
    url: string;
    id: string;
    headers: Record<string, string>;
    body?: unknown;
    /** Further dynamic segments (a label's id beside the conversation's). */
    params?: Record<string, string>;
  },
) {
  const headers: Record<string, string> = { origin: "http://localhost", ...request.headers };
  if (request.body !== undefined) headers["content-type"] = "application/json";
  const response = await handler(
    new Request(`http://localhost${request.url}`, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    }),
    { params: Promise.resolve({ id: request.id, ...request.params }) } as never,
  );
  // A 204 has no body.
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
}
