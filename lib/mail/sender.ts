import { logger } from "@/lib/logger";
import { assertMailStartable, mailConfigured } from "./config";
import { drainOutbox } from "./outbox";

// Runs the outbox: a request that queued mail kicks it right after its commit (the request does
// not wait), and the recurring mail job (./outbox-job.ts, on the one job queue) picks up retries
// and mail queued by other instances. One drain at a time per process; a kick during a drain makes
// it go round once more. On globalThis: Next bundles routes separately.

interface SenderState {
  draining: Promise<void> | null;
  again: boolean;
}
const state = ((globalThis as unknown as { threadlineMailSender?: SenderState }).threadlineMailSender ??= {
  draining: null,
  again: false,
});

async function drainUntilQuiet(): Promise<void> {
  do {
    state.again = false;
    try {
      const drained = await drainOutbox();
      if (drained.sent + drained.retrying + drained.failed > 0) logger.info("mail: outbox drained", { ...drained });
    } catch (error) {
      logger.error("mail: outbox drain failed", { error: (error as Error).message });
    }
  } while (state.again);
}

/** The next turn of the event loop: a drain never starts inside the request that asked for it. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Sends queued mail soon, without making the caller wait: from the next turn on, so none of the
 * drain's work (its first query runs on this thread with the embedded database) lands in the
 * answer of the request that kicked it, whose time must not depend on whether it queued mail.
 */
export function kickMailSender(): void {
  if (!mailConfigured()) return;
  if (state.draining) {
    state.again = true;
    return;
  }
  state.draining = nextTurn()
    .then(drainUntilQuiet)
    .finally(() => {
      state.draining = null;
    });
}

/** Resolves when this process has no drain running (tests; shutdown). */
export async function mailSenderIdle(): Promise<void> {
  while (state.draining) await state.draining;
}

/**
 * Sends what waits at start-up; throws (a start-up error) when production mail lacks
 * THREADLINE_PUBLIC_URL. Later retries are the recurring mail job's.
 */
export function startMailSweep(): void {
  assertMailStartable();
  kickMailSender();
}

export async function stopMailSweep(): Promise<void> {
  await mailSenderIdle();
}

/** One drain now, awaited (the recurring mail job). */
export async function drainMailNow(): Promise<void> {
  kickMailSender();
  await mailSenderIdle();
}
