import { logger } from "@/lib/logger";
import { refreshDuePipelineNames } from "./refresh";

// Runs pipeline-name refreshes beside the event worker (in the app process, or `npm run
// worker`): a pass a minute, one pass at a time per process; a kick (a token was just stored)
// runs one soon. Several processes share the work safely: each account's turn is claimed.
// On globalThis: Next bundles routes separately.

const SWEEP_MS = 60_000;

interface SweepState {
  timer: ReturnType<typeof setInterval> | null;
  running: Promise<void> | null;
}
const state = ((globalThis as unknown as { threadlinePipelineNames?: SweepState }).threadlinePipelineNames ??= {
  timer: null,
  running: null,
});

/** Starts a pass unless one is running; never throws, never makes the caller wait. */
export function kickPipelineNamesSweep(): void {
  if (state.running) return;
  state.running = refreshDuePipelineNames()
    .then(() => undefined)
    .catch((error: Error) => logger.warn("highlevel: pipeline names pass failed", { error: error.message }))
    .finally(() => {
      state.running = null;
    });
}

/** Resolves when this process has no pass running (tests; shutdown). */
export async function pipelineNamesSweepIdle(): Promise<void> {
  while (state.running) await state.running;
}

export function startPipelineNamesSweep(): void {
  if (state.timer) return;
  state.timer = setInterval(kickPipelineNamesSweep, SWEEP_MS);
  state.timer.unref();
  kickPipelineNamesSweep();
}

export async function stopPipelineNamesSweep(): Promise<void> {
  if (state.timer) clearInterval(state.timer);
  state.timer = null;
  await pipelineNamesSweepIdle();
}
