import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { AnyJobDefinition } from "./definition";
import { claimJobs } from "./queue";
import { ensureRecurringJobs } from "./recurring";
import { reclaimLeases, runClaimed } from "./runner";

// The queue's worker: one loop per kind (a slow send never holds up another kind), each running up
// to the kind's concurrency at once, and a sweep that reclaims lost leases. Any number of workers
// (in app processes and `npm run worker`) share one database.

const IDLE_MS = Number(process.env.THREADLINE_JOBS_IDLE_MS) || 500;
const RECLAIM_MS = 5_000;

export class JobWorker {
  private running = false;
  private loops: Array<Promise<void>> = [];
  private wakers = new Set<() => void>();

  constructor(private readonly definitions: readonly AnyJobDefinition[]) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loops = [...this.definitions.map((definition) => this.kindLoop(definition)), this.reclaimLoop()];
  }

  /** New work was enqueued in this process: look now rather than after the idle sleep. */
  wake(): void {
    for (const wake of this.wakers) wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await Promise.all(this.loops);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  private async kindLoop(definition: AnyJobDefinition): Promise<void> {
    while (this.running) {
      let ran = 0;
      try {
        const jobs = await claimJobs(await getPrisma(), definition.kind, definition.concurrency, definition.leaseMs);
        ran = await runClaimed(definition, jobs);
      } catch (error) {
        logger.warn("jobs: could not claim", { kind: definition.kind, error: (error as Error).message });
      }
      if (ran === 0 && this.running) await this.sleep(IDLE_MS);
    }
  }

  private async reclaimLoop(): Promise<void> {
    while (this.running) {
      // A running worker keeps each recurring kind's one live job in being (drainJobs, for tests
      // and scripts, runs only what was queued).
      await ensureRecurringJobs(await getPrisma(), this.definitions)
        .then(() => reclaimLeases(this.definitions))
        .catch((error: Error) => logger.warn("jobs: could not reclaim leases", { error: error.message }));
      if (this.running) await this.sleep(RECLAIM_MS);
    }
  }
}
