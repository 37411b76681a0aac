// Errors a route answers with. Each carries a machine-readable code beside the human message,
// so clients branch on `code` and show `error`.

export const ERROR_CODES = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  416: "range_not_satisfiable",
  429: "retry_later",
  502: "bad_gateway",
  503: "unavailable",
  504: "gateway_timeout",
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES] | "internal";

export const codeForStatus = (status: number): ErrorCode =>
  (ERROR_CODES as Record<number, ErrorCode | undefined>)[status] ?? (status >= 500 ? "internal" : "bad_request");

/** An error whose message is safe and useful to show the caller, with its HTTP status. */
export class HttpError extends Error {
  readonly code: ErrorCode;

  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    code?: ErrorCode,
  ) {
    super(message);
    this.name = "HttpError";
    this.code = code ?? codeForStatus(status);
  }
}

export class NotFoundError extends HttpError {
  constructor(what: string) {
    super(404, `${what} not found`);
  }
}

/** The database could not be reached: nothing was stored, the caller should try again. */
export class DatabaseUnavailableError extends Error {
  constructor(cause?: unknown) {
    super("database unavailable", { cause });
    this.name = "DatabaseUnavailableError";
  }
}
