/** An error whose message is safe and useful to show the caller, with its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
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
