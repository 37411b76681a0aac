import type { AnyJobDefinition } from "./definition";
import { JobWorker } from "./worker";

// The job worker of this process, if it runs one (the app by default, `npm run worker`): kept on
// globalThis because Next bundles routes separately, so a route that enqueues can wake it.

const state = globalThis as unknown as { threadlineJobWorker?: JobWorker };

export function startLocalJobWorker(definitions: readonly AnyJobDefinition[]): JobWorker {
  state.threadlineJobWorker ??= new JobWorker(definitions);
  state.threadlineJobWorker.start();
  return state.threadlineJobWorker;
}

/** Work was enqueued and committed here: this process's worker looks now, not after its idle sleep. */
export function wakeLocalJobWorker(): void {
  state.threadlineJobWorker?.wake();
}

export async function stopLocalJobWorker(): Promise<void> {
  const worker = state.threadlineJobWorker;
  state.threadlineJobWorker = undefined;
  await worker?.stop();
}
