// The one way client components call Threadline's API: JSON in and out, and every failure an
// ApiError carrying the server's own message (its `{ error }` body) and the HTTP status.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The body's machine-readable `code` (ours, or Better Auth's such as EMAIL_NOT_VERIFIED). */
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface ApiFetchOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /**
   * A 401 means the session ended (signed out elsewhere, expired): by default the page goes to
   * sign-in and comes back here after. Sign-in and invitation forms handle 401 themselves.
   */
  redirectOnUnauthorized?: boolean;
}

function signInAgain() {
  window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function errorMessage(body: unknown, response: Response): string {
  if (body && typeof body === "object" && "error" in body && typeof body.error === "string" && body.error)
    return body.error;
  return `${response.status} ${response.statusText}`.trim();
}

/** Fetches `url` and answers its JSON as T (null for an empty answer); throws ApiError when not ok. */
export async function apiFetch<T>(
  url: string,
  { method = "GET", body, signal, redirectOnUnauthorized = true }: ApiFetchOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(url, {
    method,
    headers,
    signal,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401 && redirectOnUnauthorized && typeof window !== "undefined") signInAgain();
  const json = await readJson(response);
  if (!response.ok) {
    const code = json && typeof json === "object" && "code" in json && typeof json.code === "string" ? json.code : null;
    throw new ApiError(response.status, errorMessage(json, response), code);
  }
  return json as T;
}
