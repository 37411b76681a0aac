// The origin the browser used to reach us. Behind `next start` (and proxies) request.url does
// not always carry the Host the browser sent, so it is rebuilt from the forwarded/host headers.

export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host =
    request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || url.host;
  const protocol = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || url.protocol.replace(":", "");
  return `${protocol}://${host}`;
}

/** This instance's origins: the one the request came to, and THREADLINE_PUBLIC_URL's. */
export function allowedOrigins(request: Request): string[] {
  const configured = process.env.THREADLINE_PUBLIC_URL?.trim();
  return [requestOrigin(request), ...(configured ? [new URL(configured).origin] : [])];
}
