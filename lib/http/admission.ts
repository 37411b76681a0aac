import { decideAdmission, type AdmissionPolicy, type AdmissionState } from "./admission-decision";
import { HttpError } from "./errors";

// Load shedding for webhooks: each delivery is admitted or told to come back (429 with
// Retry-After, the one answer HighLevel retries) at once, by what this process measures: requests
// in flight, the wait of the oldest of them, the throughput it has shown, and the event backlog.
// The rule itself is decideAdmission (admission-decision.ts); this class only keeps the figures.

export type { AdmissionPolicy, AdmissionState } from "./admission-decision";

export interface AdmissionMeasurement {
  /** Assumed completions per second before any were measured, and the floor the measured peak decays to. */
  initialThroughputPerSecond: number;
  /** Completions are counted over windows this long. */
  windowMs: number;
  /** The measured peak halves over this long without a window as fast. */
  peakHalfLifeMs: number;
  /** The event backlog's last sample (null while unknown); read at each decision, so it must not query. */
  backlog?: () => number | null;
  now?: () => number;
}

export class Admission {
  private readonly started = new Map<number, number>(); // insertion order: the first is the oldest
  private nextToken = 0;
  private peak: number;
  private windowStart: number;
  private windowCompletions = 0;
  private readonly now: () => number;

  constructor(
    readonly policy: AdmissionPolicy,
    private readonly measurement: AdmissionMeasurement,
  ) {
    this.now = measurement.now ?? (() => performance.now());
    this.peak = measurement.initialThroughputPerSecond;
    this.windowStart = this.now();
  }

  get current(): number {
    return this.started.size;
  }

  /** What the next decision would see. */
  state(at = this.now()): AdmissionState {
    const oldest = this.started.values().next();
    return {
      inFlight: this.started.size,
      oldestWaitMs: oldest.done ? 0 : at - oldest.value,
      throughputPerSecond: this.peak,
      backlog: this.measurement.backlog?.() ?? null,
    };
  }

  /** Runs `work` if admitted, else throws a 429 HttpError with Retry-After without starting it. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const at = this.now();
    const decision = decideAdmission(this.state(at), this.policy);
    if (!decision.admit) {
      throw new HttpError(429, `webhook deliveries refused for now (${decision.reason}), retry later`, {
        "retry-after": String(decision.retryAfterSeconds),
      });
    }
    const token = this.nextToken++;
    this.started.set(token, at);
    try {
      return await work();
    } finally {
      this.started.delete(token);
      this.completed();
    }
  }

  private completed(): void {
    this.windowCompletions++;
    const at = this.now();
    const elapsed = at - this.windowStart;
    if (elapsed < this.measurement.windowMs) return;
    const rate = (this.windowCompletions * 1000) / elapsed;
    const decayed = this.peak * 0.5 ** (elapsed / this.measurement.peakHalfLifeMs);
    this.peak = Math.max(rate, decayed, this.measurement.initialThroughputPerSecond);
    this.windowStart = at;
    this.windowCompletions = 0;
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
