import { clampRetry } from "./admission-decision";

// The queue in front of Next.js for webhook deliveries (installed on the HTTP server by
// webhook-front-gate.ts). Why: every request Next.js starts costs ~1 ms of the one JavaScript
// thread before our handler runs, and with 1,000 senders at once Next.js had ~1,000 requests
// half-way through its pipeline, each getting a slice per event-loop turn; turns lasted long
// enough that a few requests waited past a sender's 10 s timeout before our handler (and its
// 429) ever ran. So at most `concurrency` deliveries are inside Next.js at once; the others wait
// here in arrival order, costing nothing but their parsed headers, and one that has waited
// `maxWaitMs` is answered 429 with Retry-After (the answer HighLevel retries) without entering
// Next.js at all. Nothing here ever answers 2xx: only the route does, after the INSERT.
//
// A place freed is filled on the next turn of the event loop (`defer`, setImmediate), never inside
// the release: a delivery answered without I/O (a 429 from the route) releases from a nextTick,
// and letting the next one in right there chained every waiting delivery through Next.js in one
// run of microtasks. Measured (BENCH_TRACE, 1,000 senders, starved CPU): 1,244 deliveries let in
// and answered 429 by the route while no timer ran for 23 s, so neither the 2 s refusal (a timer)
// nor the route's deadline (a timer) answered anyone meanwhile, and 818 senders timed out.
// Overdue deliveries are also refused whenever the gate is used, not only from its timer.

/** Set on a delivery as it is let in: how long it waited (ms), so the route's deadline counts from arrival. */
export const GATE_WAIT_HEADER = "x-threadline-gate-wait-ms";

export interface FrontGatePolicy {
  /** Deliveries inside Next.js at once; above the 32 the acknowledgement needs to be fastest. */
  concurrency: number;
  /** A delivery waiting this long for its turn is refused (429) instead. */
  maxWaitMs: number;
  /** Beyond this many waiting, a delivery is refused at once (each holds a socket and its headers). */
  maxQueued: number;
}

/** One waiting delivery, as the gate sees it: how to let it in, refuse it, or tell it is gone. */
export interface GateEntry {
  pass: () => void;
  refuse: (retryAfterSeconds: number) => void;
  /** True when the sender hung up while waiting: it is dropped without an answer to give. */
  gone: () => boolean;
}

interface Waiting {
  entry: GateEntry;
  since: number;
}

export class FrontGate {
  private inside = 0;
  private waiting: Array<Waiting | undefined> = [];
  private head = 0; // index of the oldest waiting entry: O(1) dequeue without Array.shift
  private drainScheduled = false;

  constructor(
    readonly policy: FrontGatePolicy,
    private readonly now: () => number = () => performance.now(),
    /** Runs the refill of freed places later, on a turn of its own (setImmediate). */
    private readonly defer: (drain: () => void) => void = (drain) => setImmediate(drain),
  ) {}

  /** Deliveries inside Next.js / waiting here. */
  get counts(): { inside: number; waiting: number } {
    return { inside: this.inside, waiting: this.waiting.length - this.head };
  }

  /** A new delivery: let in now, queued, or refused at once when the queue is full. */
  offer(entry: GateEntry): void {
    this.refuseOverdue();
    if (this.inside < this.policy.concurrency && this.counts.waiting === 0) {
      this.inside++;
      entry.pass();
      return;
    }
    if (this.counts.waiting >= this.policy.maxQueued) {
      entry.refuse(this.retryAfterSeconds());
      return;
    }
    this.waiting.push({ entry, since: this.now() });
  }

  /** A delivery let in has been answered (or its sender left): the next waiting one goes in, on the next turn. */
  release(): void {
    this.inside = Math.max(0, this.inside - 1);
    if (this.drainScheduled || this.counts.waiting === 0) return;
    this.drainScheduled = true;
    this.defer(() => {
      this.drainScheduled = false;
      this.drain();
    });
  }

  /** Refuses the overdue, then lets waiting deliveries in while there are places. */
  private drain(): void {
    this.refuseOverdue();
    while (this.inside < this.policy.concurrency) {
      const next = this.dequeue();
      if (!next) return;
      if (next.entry.gone()) continue;
      this.inside++;
      next.entry.pass();
    }
  }

  /** Refuses every delivery that has waited `maxWaitMs` (called a few times a second). */
  refuseOverdue(at = this.now()): number {
    let refused = 0;
    for (let oldest = this.waiting[this.head]; oldest && at - oldest.since >= this.policy.maxWaitMs; ) {
      const { entry } = oldest;
      this.dequeue();
      oldest = this.waiting[this.head];
      if (entry.gone()) continue;
      entry.refuse(this.retryAfterSeconds());
      refused++;
    }
    return refused;
  }

  // A refused sender should come back once the queue ahead of it had its turn: about one wait.
  private retryAfterSeconds(): number {
    return clampRetry(this.policy.maxWaitMs / 1000);
  }

  private dequeue(): Waiting | undefined {
    const next = this.waiting[this.head];
    if (!next) return undefined;
    this.waiting[this.head++] = undefined;
    // Compact once the dead prefix is large, so the array does not grow without bound.
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting = this.waiting.slice(this.head);
      this.head = 0;
    }
    return next;
  }
}
