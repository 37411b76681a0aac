import type { z } from "zod";
import type { RootDb } from "@/lib/db/client";

// What a kind of job is: how its payload reads, how often and how it may run, and what it does.

/**
 * at-least-once: the handler is idempotent; a job whose worker died runs again after its lease.
 * at-most-once: the handler talks to a provider and cannot be made idempotent (a send may have
 * gone out): a job whose lease ran out becomes "unknown" for a person to decide, never rerun.
 */
export type JobSemantics = "at-least-once" | "at-most-once";

export type JobResult =
  | { outcome: "done" }
  /**
   * Nothing happened that cannot happen again (a 429, a refused connection): run later.
   * `notAnAttempt`: nothing was even tried (it waits its turn under a rate limit), so this run
   * does not count toward maxAttempts — a long queue never gives a job up for waiting in it.
   */
  | { outcome: "retry"; afterMs: number; error: string; notAnAttempt?: boolean }
  /** Will never succeed as it is (a 4xx, a payload that no longer parses). */
  | { outcome: "failed"; error: string }
  /** At-most-once only: it may have happened (a 5xx, a timeout). */
  | { outcome: "unknown"; error: string }
  /** A recurring job's pass ended (lib/jobs/recurring.ts): the same job runs again after afterMs. */
  | { outcome: "repeat"; afterMs: number; error: string | null };

export interface JobContext {
  id: string;
  accountId: string | null;
  /** 1 on the first run. */
  attempt: number;
  /** The worker's client: a job is run by a composition root, so its handler never fetches one. */
  db: RootDb;
}

export interface JobDefinition<Payload> {
  kind: string;
  payload: z.ZodType<Payload>;
  semantics: JobSemantics;
  /** Runs at most this many times; a retry past it fails the job. */
  maxAttempts: number;
  /** How long a worker holds a job before another may consider it abandoned. */
  leaseMs: number;
  /** Jobs of this kind one worker runs at once. */
  concurrency: number;
  /**
   * A recurring kind (a periodic pass, e.g. refreshing HighLevel's pipeline names): one live job of
   * it exists at a time (the worker makes it), and every run ends by scheduling the next.
   */
  everyMs?: number;
  run(payload: Payload, context: JobContext): Promise<JobResult>;
  /** The job ended without success (failed, or unknown after a lost lease): tell whoever waits on it. */
  onGivenUp?(
    payload: Payload,
    result: Extract<JobResult, { outcome: "failed" | "unknown" }>,
    context: { db: RootDb },
  ): Promise<void>;
}

/** Definitions of different payload types side by side (run and onGivenUp are methods: bivariant). */
export type AnyJobDefinition = JobDefinition<unknown>;

export const defineJob = <Payload>(definition: JobDefinition<Payload>): JobDefinition<Payload> => definition;

/** Exponential backoff with full jitter: attempt 1 waits up to base, then doubling, capped. */
export function backoffMs(attempt: number, baseMs = 1_000, capMs = 5 * 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
