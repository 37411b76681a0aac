import { trustedForwarded } from "@/lib/access/authentication/client-address";

// The origin the browser used to reach us: the Host header and the scheme this server was
// reached with, or what a trusted proxy (THREADLINE_TRUSTED_PROXIES) says in X-Forwarded-Host/
// -Proto. From anyone else those headers are the client's own words and are ignored.

export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const forwarded = trustedForwarded(request.headers);
  const host = forwarded?.host || request.headers.get("host") || url.host;
  const protocol = forwarded?.proto || url.protocol.replace(":", "");
  return `${protocol}://${host}`;
}

/** This instance's origins: the one the request came to, and THREADLINE_PUBLIC_URL's. */
export function allowedOrigins(request: Request): string[] {
  const configured = process.env.THREADLINE_PUBLIC_URL?.trim();
  return [requestOrigin(request), ...(configured ? [new URL(configured).origin] : [])];
}

/**
 * Where a link shown to the person asking points (an invitation link an owner passes on):
 * THREADLINE_PUBLIC_URL, else the request's origin. Never for mailed links: those use
 * mailLinkOrigin (lib/mail/config.ts), which no request header can steer.
 */
export function publicOrigin(request: Request): string {
  const configured = process.env.THREADLINE_PUBLIC_URL?.trim();
  return configured ? new URL(configured).origin : requestOrigin(request);
}
