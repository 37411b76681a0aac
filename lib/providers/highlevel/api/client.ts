// A small client for HighLevel's REST API (API 2.0, services.leadconnectorhq.com). It answers
// parsed JSON or throws a HighLevelApiError that says what happened without the token: callers
// store and show `message`, so it never contains a credential or a response body.

export const HIGHLEVEL_API_DEFAULT_URL = "https://services.leadconnectorhq.com";
/** The `Version` header HighLevel's API 2.0 wants on every request (the docs' value for these endpoints). */
export const HIGHLEVEL_API_VERSION = "2021-07-28";
const TIMEOUT_MS = 15_000;
const ATTEMPTS = 4;
const MAX_RETRY_WAIT_MS = 30_000;

export function highLevelApiUrl(): string {
  return (process.env.HIGHLEVEL_API_URL?.trim() || HIGHLEVEL_API_DEFAULT_URL).replace(/\/+$/, "");
}

export class HighLevelApiError extends Error {
  constructor(
    message: string,
    /** The HTTP status, or null when no answer came (timeout, refused connection). */
    readonly status: number | null,
    /** A 429's or 503's Retry-After, in seconds. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "HighLevelApiError";
  }
}

export interface HighLevelRequest {
  token: string;
  /** Path and query, e.g. `/opportunities/pipelines?locationId=…`. */
  path: string;
  /** The `Version` header, when an endpoint's docs name another than HIGHLEVEL_API_VERSION. */
  version?: string;
  /** Waits between retries; tests pass a fast one. */
  backoffMs?: (attempt: number, retryAfterSeconds: number | null) => number;
}

const defaultBackoff = (attempt: number, retryAfterSeconds: number | null) =>
  Math.min(retryAfterSeconds !== null ? retryAfterSeconds * 1000 : 1000 * 2 ** attempt, MAX_RETRY_WAIT_MS);

const retryable = (status: number) => status === 429 || status >= 500;

function describeStatus(status: number): string {
  if (status === 401) return "HighLevel refused the token (401): it is wrong, revoked or expired";
  if (status === 403)
    return "HighLevel says the token may not do this (403): it needs the opportunities.readonly scope";
  if (status === 429) return "HighLevel's rate limit (429) did not clear after several tries";
  if (status === 404) return "HighLevel has no such thing (404)";
  return `HighLevel answered ${status}`;
}

/**
 * The request's URL, normalised as fetch will send it, refused when normalising would change
 * which endpoint it names: ids from webhook payloads go into paths (`…/messages/{id}/…`), and an
 * id of ".." (or "%2e%2e", which URL parsers read as "..") would walk to another endpoint with
 * our token. Refused before anything is sent, and not retried.
 */
export function highLevelUrl(path: string): URL {
  const [pathname = ""] = path.split(/[?#]/, 1);
  const hasDotSegment = pathname.split("/").some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
  if (hasDotSegment || pathname.includes("\\"))
    throw new HighLevelApiError("refused a HighLevel request whose path has dot segments or backslashes", null);
  return new URL(`${highLevelApiUrl()}${path}`);
}

/** GET with the bearer token; retries 429 and 5xx (Retry-After honoured, capped) and timeouts. */
export async function highLevelGet(request: HighLevelRequest): Promise<unknown> {
  const url = highLevelUrl(request.path);
  const backoff = request.backoffMs ?? defaultBackoff;
  let lastError = new HighLevelApiError("HighLevel did not answer", null);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (attempt > 0)
      await new Promise((resolve) => setTimeout(resolve, backoff(attempt - 1, lastError.retryAfterSeconds)));
    let response: Response;
    try {
      response = await fetch(url, {
        headers: {
          Authorization: `Bearer ${request.token}`,
          Version: request.version ?? HIGHLEVEL_API_VERSION,
          Accept: "application/json",
        },
        redirect: "error",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError";
      lastError = new HighLevelApiError(
        timedOut ? "HighLevel did not answer in time" : "HighLevel could not be reached",
        null,
      );
      continue;
    }
    if (response.ok) {
      try {
        return await response.json();
      } catch {
        throw new HighLevelApiError("HighLevel answered something that is not JSON", response.status);
      }
    }
    await response.body?.cancel();
    const retryAfterSeconds = Number(response.headers.get("retry-after")) || null;
    lastError = new HighLevelApiError(describeStatus(response.status), response.status, retryAfterSeconds);
    if (!retryable(response.status)) throw lastError;
  }
  throw lastError;
}
