import { HttpError } from "./errors";

// Load shedding for webhooks: past a bounded number of requests in flight in this process the
// next one is told to come back (429, the one answer HighLevel retries) at once, instead of
// queueing until the provider's timeout loses it.

export class Admission {
  private inFlight = 0;

  constructor(
    readonly limit: number,
    private readonly retryAfterSeconds: number,
  ) {}

  get current(): number {
    return this.inFlight;
  }

  /** Runs `work` if there is room, else throws a 429 HttpError without starting it. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.limit) {
      throw new HttpError(429, "too many deliveries in flight, retry later", {
        "retry-after": String(this.retryAfterSeconds),
      });
    }
    this.inFlight++;
    try {
      return await work();
    } finally {
      this.inFlight--;
    }
  }
}

/** Settles with `work`, or rejects with `onTimeout()` once `ms` have passed (work goes on, unobserved). */
export function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  work.catch(() => undefined); // a late failure after the deadline answered is expected, not unhandled
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
