import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { logger } from "@/lib/logger";
import { codeForStatus, DatabaseUnavailableError, HttpError, type ErrorCode } from "./errors";

export const RETRY_AFTER_SECONDS = 5;

interface Options {
  /** Status for "database unreachable": 429 for webhooks (the only answer HighLevel retries), else 503. */
  unavailableStatus?: 429 | 503;
}

/** The one error body every route answers with: `{ "error": message, "code": machine-readable }`. */
export function jsonError(
  status: number,
  error: string,
  headers: Record<string, string> = {},
  code: ErrorCode = codeForStatus(status),
) {
  return Response.json({ error, code }, { status, headers });
}

// Expected, frequent answers that would flood the log: an unknown id, a 429 under load.
const QUIET_STATUSES = new Set([404, 429]);

/** The request path for logs, without secrets that some providers' webhook URLs carry. */
export function loggablePath(request: Request): string {
  return new URL(request.url).pathname.replace(/^(\/api\/webhooks\/[^/]+)\/.+$/, "$1/[secret]");
}

function zodMessage(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "request"}: ${issue.message}`).join("; ");
}

/** PostgreSQL text cannot hold NUL: one from the URL (path or query) would reach a query and fail there. */
function rejectNul(request: Request): void {
  const { pathname, search } = new URL(request.url);
  if (/%00/.test(pathname + search)) throw new HttpError(400, "the URL contains a NUL character (%00)");
}

/**
 * Wraps a route handler: bad input becomes a 4xx `{ "error": ... }`, an unreachable
 * database a retryable 429/503, and anything else a 500 logged with a request id.
 */
export function routeHandler<Context>(
  handler: (request: Request, context: Context) => Promise<Response>,
  options: Options = {},
) {
  return async (request: Request, context: Context): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    try {
      rejectNul(request);
      const response = await handler(request, context);
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      if (error instanceof HttpError) {
        // Rejections are logged here, once, with the request id: never the body (personal data).
        if (!QUIET_STATUSES.has(error.status)) {
          logger.warn("request rejected", {
            requestId,
            path: loggablePath(request),
            status: error.status,
            code: error.code,
            reason: error.message,
          });
        }
        return jsonError(error.status, error.message, { ...error.headers, "x-request-id": requestId }, error.code);
      }
      if (error instanceof ZodError) return jsonError(400, zodMessage(error), { "x-request-id": requestId });
      if (error instanceof DatabaseUnavailableError || isDatabaseUnavailable(error)) {
        logger.warn("database unavailable", { requestId, path: loggablePath(request) });
        return jsonError(options.unavailableStatus ?? 503, "database unavailable, retry later", {
          "retry-after": String(RETRY_AFTER_SECONDS),
          "x-request-id": requestId,
        });
      }
      logger.error("unhandled error", {
        requestId,
        path: loggablePath(request),
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
      return jsonError(500, `internal error (request id ${requestId})`, { "x-request-id": requestId });
    }
  };
}
