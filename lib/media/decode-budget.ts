import { setImmediate as yieldToEventLoop } from "node:timers/promises";

// Decoding runs on the request thread, in slices: a few milliseconds of work, then the event loop
// answers whatever else is waiting, then the next slice. The time spent inside the slices is the
// decode's own CPU time (waiting between them is not counted, so a busy server does not cut a
// decode short), and past the budget the decode stops. A worker thread would move the work off
// the thread but not bound it, and a worker file is not reliably bundled by Next's production
// build; the work here is bounded instead (a sample of the frames, see bucket-sampling.ts).

export class DecodeBudgetExceeded extends Error {
  constructor(limitMs: number) {
    super(`decoding took more than ${limitMs} ms`);
    this.name = "DecodeBudgetExceeded";
  }
}

/** How long one slice may hold the thread before others get their turn. */
const SLICE_MS = 8;

export class DecodeBudget {
  private spentMs = 0;
  private sliceStart = performance.now();

  constructor(readonly limitMs: number) {}

  /** Call between small units of work: yields once the slice is used up, throws past the budget. */
  async tick(): Promise<void> {
    const elapsed = performance.now() - this.sliceStart;
    if (elapsed < SLICE_MS) return;
    this.spentMs += elapsed;
    if (this.spentMs > this.limitMs) throw new DecodeBudgetExceeded(this.limitMs);
    await yieldToEventLoop();
    this.sliceStart = performance.now();
  }
}
