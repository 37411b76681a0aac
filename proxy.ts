import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";
import { codeForStatus } from "@/lib/http/errors";

// Before any route: a path with a malformed percent-escape is answered 400, and pages get a fresh
// CSP nonce per request (Next reads it from the request's CSP header and puts it on its own inline
// and bootstrap scripts; the browser gets the same policy on the response).

/**
 * Whether a path segment cannot be decoded ("%ZZ", a cut-off "%A", bytes that are no UTF-8). Next
 * decodes dynamic segments itself and answers such a path with a 500 before any route runs.
 */
function hasMalformedEscape(pathname: string): boolean {
  if (!pathname.includes("%")) return false;
  return pathname.split("/").some((segment) => {
    try {
      decodeURIComponent(segment);
      return false;
    } catch {
      return true;
    }
  });
}

const MALFORMED = "the address has a malformed percent-escape (%XX) in its path";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  if (hasMalformedEscape(pathname)) {
    return api
      ? NextResponse.json({ error: MALFORMED, code: codeForStatus(400) }, { status: 400 })
      : new NextResponse(`400 Bad Request: ${MALFORMED}\n`, {
          status: 400,
          headers: { "content-type": "text/plain; charset=utf-8" },
        });
  }
  // API answers keep next.config.ts's fixed policy: they never run script.
  if (api) return NextResponse.next();
  const policy = contentSecurityPolicy(newNonce());
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// Pages, and API paths with a "%" (the only ones that can be malformed). API answers are JSON or
// media that never run script (next.config.ts gives them a fixed policy), and a proxy in front of
// a route makes Next buffer up to 10 MiB of every request body before the route sees it: webhooks
// must enforce their 1 MiB limit while streaming, so no API path without a "%" comes here.
export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|icon.svg).*)" }, { source: "/api/:rest(.*%.*)" }],
};
