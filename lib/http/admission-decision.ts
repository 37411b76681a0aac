// The admission rule for webhooks, as a pure function of what the process measured, so it can be
// tested with given states. Why this shape:
// - A refused delivery is not free: Next.js spends most of a request's CPU before our handler can
//   refuse it, and a sender that retries at once (a load generator, a proxy) comes straight back.
//   Refusing more than the excess therefore lowers what the admitted requests get done, which
//   shows as more waiting, which refused more: the "~10 events/s while shedding" of issue #28.
//   So the rule admits whatever the measured throughput can answer within a wait budget, and
//   refuses only beyond it.
// - Throughput is the best completion rate seen recently (a slowly decaying peak), not the current
//   one: while shedding, the current rate falls because of the shedding itself, and a rule that
//   believed it would shed ever more.
// - The wait of the oldest admitted request is measured directly (its pool wait so far): when it
//   passes `stallMs` the database is not keeping up whatever the estimate says, and new deliveries
//   are refused until it does, rather than queued behind it until the provider's timeout.
// - The event backlog (stored, not yet applied) bounds how much the worker may fall behind.
// Every input is in memory: the decision never waits on the database.

export interface AdmissionPolicy {
  /** Hard cap on requests in flight in this process (each holds a body in memory). */
  maxInFlight: number;
  /** Below this many in flight a delivery is always admitted (unless the cap or the backlog refuse it), so the measurements recover after a stall. */
  minInFlight: number;
  /** Admit while the expected wait of a new delivery, in flight / throughput, stays under this. */
  waitBudgetMs: number;
  /** Refuse while the oldest admitted delivery has been waiting longer than this. */
  stallMs: number;
  /** Refuse while this many events are stored and not yet applied; 0: no backlog limit. */
  maxBacklog: number;
}

export interface AdmissionState {
  inFlight: number;
  /** How long the oldest request in flight has been waiting, ms (0 when none). */
  oldestWaitMs: number;
  /** Completions per second this process can do, as measured; 0 while unknown. */
  throughputPerSecond: number;
  /** Events stored and not yet applied, from the last sample; null while never sampled. */
  backlog: number | null;
}

export type AdmissionDecision =
  | { admit: true }
  | { admit: false; reason: "in-flight cap" | "backlog" | "stalled" | "queue"; retryAfterSeconds: number };

const MIN_RETRY_AFTER_S = 1;
const MAX_RETRY_AFTER_S = 60;
export const clampRetry = (seconds: number) =>
  Math.min(
    MAX_RETRY_AFTER_S,
    Math.max(MIN_RETRY_AFTER_S, Math.ceil(Number.isFinite(seconds) ? seconds : MAX_RETRY_AFTER_S)),
  );

/** The expected wait of one more admitted delivery, ms: everything ahead of it at the measured rate. */
export function expectedWaitMs(state: AdmissionState): number {
  if (state.throughputPerSecond <= 0) return Infinity;
  return ((state.inFlight + 1) / state.throughputPerSecond) * 1000;
}

export function decideAdmission(state: AdmissionState, policy: AdmissionPolicy): AdmissionDecision {
  const throughput = state.throughputPerSecond > 0 ? state.throughputPerSecond : null;
  if (state.inFlight >= policy.maxInFlight)
    return { admit: false, reason: "in-flight cap", retryAfterSeconds: clampRetry(expectedWaitMs(state) / 1000) };
  if (policy.maxBacklog > 0 && state.backlog !== null && state.backlog >= policy.maxBacklog) {
    // Come back once the worker has applied the excess (at the rate deliveries are answered, a lower bound).
    const excess = state.backlog - policy.maxBacklog + 1;
    return { admit: false, reason: "backlog", retryAfterSeconds: clampRetry(throughput ? excess / throughput : 5) };
  }
  if (state.inFlight < policy.minInFlight) return { admit: true };
  if (state.oldestWaitMs >= policy.stallMs)
    return { admit: false, reason: "stalled", retryAfterSeconds: clampRetry(state.oldestWaitMs / 1000) };
  const wait = expectedWaitMs(state);
  if (wait > policy.waitBudgetMs)
    return { admit: false, reason: "queue", retryAfterSeconds: clampRetry((wait - policy.waitBudgetMs) / 1000) };
  return { admit: true };
}
