import { logger } from "@/lib/logger";
import { fetchDueTranscripts } from "./fetcher";

// Runs transcript fetches beside the event worker (in the app process, or `npm run worker`):
// a pass every 15 seconds, one at a time per process; rows are leased, so several processes
// share the queue safely. On globalThis: Next bundles routes separately.

// THREADLINE_TRANSCRIPT_SWEEP_MS: the browser suite looks every 2 s, so it waits for no timer.
const SWEEP_MS = Number(process.env.THREADLINE_TRANSCRIPT_SWEEP_MS) || 15_000;

interface SweepState {
  timer: ReturnType<typeof setInterval> | null;
  running: Promise<void> | null;
}
const state = ((globalThis as unknown as { threadlineTranscripts?: SweepState }).threadlineTranscripts ??= {
  timer: null,
  running: null,
});

function pass(): void {
  if (state.running) return;
  state.running = fetchDueTranscripts()
    .then(() => undefined)
    .catch((error: Error) => logger.warn("highlevel: transcript pass failed", { error: error.message }))
    .finally(() => {
      state.running = null;
    });
}

/** A pass now (a token was just stored), besides the timer's. */
export function kickTranscriptSweep(): void {
  pass();
}

export function startTranscriptSweep(): void {
  if (state.timer) return;
  state.timer = setInterval(pass, SWEEP_MS);
  state.timer.unref();
}

export async function stopTranscriptSweep(): Promise<void> {
  if (state.timer) clearInterval(state.timer);
  state.timer = null;
  while (state.running) await state.running;
}
