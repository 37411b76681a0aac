import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";

// A fresh nonce per request: Next reads it from the request's CSP header and puts it on its
// own inline and bootstrap scripts; the browser gets the same policy on the response.
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(newNonce());
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// Pages only. API answers are JSON or media that never run script (next.config.ts gives them a
// fixed policy), and a proxy in front of a route makes Next buffer up to 10 MiB of every
// request body before the route sees it: webhooks must enforce their 1 MiB limit while streaming.
export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|icon.svg).*)" }],
};
