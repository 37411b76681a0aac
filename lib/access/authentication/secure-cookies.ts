// Cookies get Secure everywhere but on localhost, where development runs over plain HTTP
// (browsers treat localhost as a secure context anyway). Deciding per request rather than per
// build lets one image serve https://inbox.example.com and http://localhost:3000 alike.

import { requestOrigin } from "@/lib/access/authentication/request-origin";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isLocalhost(request: Request): boolean {
  return LOCAL_HOSTS.has(new URL(requestOrigin(request)).hostname);
}

export function withSecureCookies(request: Request, response: Response): Response {
  const cookies = response.headers.getSetCookie();
  if (isLocalhost(request) || cookies.length === 0) return response;
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const cookie of cookies) headers.append("set-cookie", /;\s*secure/i.test(cookie) ? cookie : `${cookie}; Secure`);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
