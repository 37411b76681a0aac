import { logger } from "@/lib/logger";
import { EventWorker, workerOptionsFromEnv } from "./worker";

// The event worker that runs inside each app process unless THREADLINE_WORKER=off (deployments that
// run `npm run worker` instead). On the embedded database it is the only possible one: PGlite
// allows one process per data folder. lib/worker/in-process.ts starts it with the job worker. Kept on globalThis: Next bundles routes separately.

const state = globalThis as unknown as { threadlineWorker?: EventWorker };

export function inProcessWorkerEnabled(): boolean {
  return process.env.THREADLINE_WORKER !== "off";
}

export function startInProcessWorker({ stopOnSigterm = false } = {}): EventWorker | null {
  if (!inProcessWorkerEnabled()) return null;
  if (!state.threadlineWorker) {
    state.threadlineWorker = new EventWorker(workerOptionsFromEnv());
    state.threadlineWorker.start();
    logger.info("worker: processing webhook events in this process", { ...state.threadlineWorker.options });
    // Next stops accepting requests and finishes open ones on SIGTERM; meanwhile the worker
    // finishes the events it is applying and hands back the ones it claimed but did not start.
    if (stopOnSigterm) process.once("SIGTERM", () => void stopInProcessWorker());
  }
  return state.threadlineWorker;
}

/** Called after a delivery is stored: the local worker looks at once instead of after its sleep. */
export function wakeInProcessWorker(): void {
  state.threadlineWorker?.wake();
}

export async function stopInProcessWorker(): Promise<void> {
  const worker = state.threadlineWorker;
  state.threadlineWorker = undefined;
  await worker?.stop();
}
