import { HttpError } from "@/lib/http/errors";

// At most so many tasks at once overall and per key (an account), the rest waiting their turn in
// order; past a bounded number of waiters the caller is told to come back (503 with
// Retry-After) instead of piling up memory and latency. Used for the CPU-heavy media work
// (drawing waveforms, making demo recordings), so a few parallel requests cannot starve the rest.

interface Waiter {
  key: string;
  start: () => void;
}

export class ConcurrencyGate {
  private running = 0;
  private readonly runningByKey = new Map<string, number>();
  private readonly waiting: Waiter[] = [];

  constructor(private readonly limits: { overall: number; perKey: number; maxWaiting: number; busyMessage: string }) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    if (this.mayStart(key)) this.claim(key);
    else {
      if (this.waiting.length >= this.limits.maxWaiting)
        throw new HttpError(503, this.limits.busyMessage, { "retry-after": "5" });
      // startNext claims the place before resolving, so no other caller slips in between.
      await new Promise<void>((start) => this.waiting.push({ key, start }));
    }
    try {
      return await task();
    } finally {
      this.release(key);
      this.startNext();
    }
  }

  private mayStart(key: string): boolean {
    return this.running < this.limits.overall && (this.runningByKey.get(key) ?? 0) < this.limits.perKey;
  }

  private claim(key: string): void {
    this.running++;
    this.runningByKey.set(key, (this.runningByKey.get(key) ?? 0) + 1);
  }

  private release(key: string): void {
    this.running--;
    const left = (this.runningByKey.get(key) ?? 1) - 1;
    if (left === 0) this.runningByKey.delete(key);
    else this.runningByKey.set(key, left);
  }

  /** The first waiter whose key has room goes next (one account's queue does not block another's). */
  private startNext(): void {
    const index = this.waiting.findIndex((waiter) => this.mayStart(waiter.key));
    if (index === -1) return;
    const [next] = this.waiting.splice(index, 1);
    this.claim(next!.key);
    next!.start();
  }
}
