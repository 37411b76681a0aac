import { logger } from "@/lib/logger";
import { claimEvents, releaseEvents, type ClaimedEvent } from "./event-log";
import { processEventGroup } from "./batch";
import type { EventOutcome } from "./process-event";

// Drains the event log: claims a batch, processes it a few events at a time, and repeats while
// there is work. Any number of workers (in app processes or `npm run worker`) share one
// database; SKIP LOCKED and leases keep them off each other's events, and a crashed worker's
// events come back when their lease runs out.

export interface WorkerOptions {
  batchSize: number;
  concurrency: number;
  leaseMs: number;
  /** How long an idle worker sleeps before looking again (a local delivery wakes it sooner). */
  idleMs: number;
}

export function workerOptionsFromEnv(defaults: Partial<WorkerOptions> = {}): WorkerOptions {
  const number = (name: string, fallback: number) => {
    const value = Number(process.env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    batchSize: number("THREADLINE_WORKER_BATCH", defaults.batchSize ?? 200),
    concurrency: number("THREADLINE_WORKER_CONCURRENCY", defaults.concurrency ?? 4),
    leaseMs: number("THREADLINE_WORKER_LEASE_SECONDS", (defaults.leaseMs ?? 30_000) / 1000) * 1000,
    idleMs: number("THREADLINE_WORKER_IDLE_MS", defaults.idleMs ?? 500),
  };
}

export type DrainSummary = Record<EventOutcome, number>;

const emptySummary = (): DrainSummary => ({
  processed: 0,
  ignored: 0,
  failed: 0,
  retrying: 0,
  "lost-lease": 0,
  "database-unavailable": 0,
});

/**
 * How many of an account's events go into one transaction: as many as take about BUDGET_MS,
 * found by doubling from a few and cut back when a transaction took longer. It keeps a stop
 * prompt (the worker finishes the transaction it is in) and, on the embedded database's one
 * connection, keeps webhook acks from waiting behind long transactions.
 */
export class ChunkSizer {
  static readonly BUDGET_MS = 100;
  size = 4;
  constructor(private readonly max: number) {}

  took(events: number, ms: number): void {
    if (ms <= ChunkSizer.BUDGET_MS) this.size = Math.min(this.max, Math.max(this.size, events) * 2);
    else this.size = Math.max(1, Math.floor((ChunkSizer.BUDGET_MS * events) / ms));
  }
}

/**
 * Processes claimed events `concurrency` accounts at a time, each account's events in arrival
 * order in one transaction: updates without a provider timestamp then apply in the order they
 * came, and events of one conversation do not contend for its row. Stops taking new accounts when told to.
 */
async function processBatch(
  batch: ClaimedEvent[],
  sizer: ChunkSizer,
  concurrency: number,
  summary: DrainSummary,
  stopping: () => boolean,
): Promise<ClaimedEvent[]> {
  const byAccount = new Map<string, ClaimedEvent[]>();
  for (const event of batch) {
    const key = `${event.provider}:${event.accountExternalId ?? event.id}`;
    byAccount.set(key, [...(byAccount.get(key) ?? []), event]);
  }
  const groups = [...byAccount.values()];
  const untouched: ClaimedEvent[] = [];
  const runner = async () => {
    for (let group = groups.shift(); group; group = groups.shift()) {
      while (group.length > 0) {
        if (stopping()) {
          untouched.push(...group, ...groups.splice(0).flat());
          return;
        }
        // A few of the account's events in one transaction (batch.ts), as many as fit the time budget.
        const chunk = group.splice(0, sizer.size);
        const started = performance.now();
        for (const outcome of await processEventGroup(chunk)) summary[outcome]++;
        sizer.took(chunk.length, performance.now() - started);
        // Let queries that queued meanwhile in: the embedded database has one connection,
        // and webhook acks must not wait behind a whole batch.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, groups.length) }, runner));
  return untouched;
}

/** Processes every event available now, then returns (tests, the CLI, a worker's first pass). */
export async function drainEvents(options: Partial<WorkerOptions> = {}): Promise<DrainSummary> {
  const { batchSize, concurrency, leaseMs } = { ...workerOptionsFromEnv(), ...options };
  const summary = emptySummary();
  const sizer = new ChunkSizer(batchSize);
  for (;;) {
    const batch = await claimEvents(batchSize, leaseMs);
    if (batch.length === 0) return summary;
    await processBatch(batch, sizer, concurrency, summary, () => false);
    if (summary["database-unavailable"] > 0) return summary;
  }
}

export class EventWorker {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private wakeRequested = false;
  readonly totals = emptySummary();
  private readonly sizer: ChunkSizer;

  constructor(readonly options: WorkerOptions) {
    this.sizer = new ChunkSizer(options.batchSize);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** A new delivery was stored: look now rather than at the end of the idle sleep. */
  wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  /** Finishes the events being processed, hands back the claimed ones not started, and returns. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakeRequested) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    }).then(() => {
      this.wakeUp = null;
      this.wakeRequested = false;
    });
  }

  private async run(): Promise<void> {
    const { batchSize, concurrency, leaseMs, idleMs } = this.options;
    let pause = 0;
    while (this.running) {
      if (pause > 0) await this.sleep(pause);
      if (!this.running) break;
      let batch: ClaimedEvent[] = [];
      try {
        batch = await claimEvents(batchSize, leaseMs);
      } catch (error) {
        // Database away: nothing was claimed; look again a little later.
        logger.warn("worker: could not claim events", { error: (error as Error).message });
        pause = Math.min(Math.max(pause * 2, 1_000), 10_000);
        continue;
      }
      const before = this.totals["database-unavailable"];
      const untouched = await processBatch(batch, this.sizer, concurrency, this.totals, () => !this.running);
      if (untouched.length > 0) await releaseEvents(untouched).catch(() => undefined);
      if (this.totals["database-unavailable"] > before) pause = Math.min(Math.max(pause * 2, 1_000), 10_000);
      else pause = batch.length < batchSize ? idleMs : 0;
    }
  }
}
