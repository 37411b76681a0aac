import { HttpError } from "@/lib/http/errors";
import { allowedOrigins } from "@/lib/access/authentication/request-origin";

// Cross-site request forgery: a cookie-authenticated request that changes something must come
// from our own pages. Browsers send Origin on every cross-origin POST (and Sec-Fetch-Site on
// all requests), so requiring one of them to say "same origin" is the standard check. Bearer
// token requests carry no ambient credentials and skip it.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  if (origin) {
    if (allowedOrigins(request).includes(origin)) return;
    throw new HttpError(403, `cross-site request refused (origin ${origin})`);
  }
  const site = request.headers.get("sec-fetch-site");
  if (site === "same-origin") return;
  throw new HttpError(403, "cross-site request refused (no Origin header)");
}
