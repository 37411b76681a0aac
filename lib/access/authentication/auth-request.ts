import { isDatabaseUnavailable } from "@/lib/db/errors";
import { jsonError, RETRY_AFTER_SECONDS } from "@/lib/http/route-handler";
import { logger } from "@/lib/logger";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/lib/access/authentication/client-address";
import { withSecureCookies } from "@/lib/access/authentication/secure-cookies";
import { type Auth, getAuth, signInAttemptsPerMinute } from "@/lib/access/authentication/server";
import { returnSignInAttempt, secondsUntilRetry, takeSignInAttempt } from "@/lib/access/authentication/sign-in-limit";

// Every /api/auth/* request: Better Auth sees the client address we worked out (its rate limiter
// keys on that header alone, replacing anything the client sent under the name), email sign-in
// is also limited per account name, and cookies get Secure off localhost.

async function signInEmail(request: Request): Promise<string | null> {
  if (request.method !== "POST" || !new URL(request.url).pathname.endsWith("/sign-in/email")) return null;
  const body: unknown = await request
    .clone()
    .json()
    .catch(() => null);
  const email = (body as { email?: unknown } | null)?.email;
  return typeof email === "string" && email.trim() ? email : null;
}

/**
 * Better Auth's answer. It hands errors that are no HTTP answer up to here (onAPIError.throw in
 * server.ts) rather than printing them raw: they are logged through our logger and answered 500.
 */
async function answer(auth: Auth, request: Request): Promise<Response> {
  try {
    return await auth.handler(request);
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      return jsonError(503, "database unavailable, retry later", { "retry-after": String(RETRY_AFTER_SECONDS) });
    }
    logger.error("auth: unhandled error", {
      path: new URL(request.url).pathname,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
    return jsonError(500, "internal error");
  }
}

export async function handleAuthRequest(request: Request): Promise<Response> {
  const auth = await getAuth();
  const email = await signInEmail(request); // reads a clone, before the body moves to `forwarded`
  const headers = new Headers(request.headers);
  headers.set(CLIENT_ADDRESS_HEADER, clientAddress(request.headers));
  const forwarded = new Request(request, { headers });
  if (email && !takeSignInAttempt(email, signInAttemptsPerMinute())) {
    return jsonError(429, "too many sign-in attempts for this account: try again in a minute", {
      "retry-after": String(secondsUntilRetry(email)),
      "cache-control": "no-store",
    });
  }
  const response = withSecureCookies(request, await answer(auth, forwarded));
  if (email && response.ok) returnSignInAttempt(email);
  // Session answers name the user: never kept by a browser cache or a proxy.
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
  return response;
}
