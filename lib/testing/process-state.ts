import { closeDatabase } from "@/lib/db";
import { forgetAccountIds } from "@/lib/ingest/account-ids";
import { stopInProcessWorker } from "@/lib/ingest/in-process-worker";
import { stopLocalJobWorker } from "@/lib/jobs/local-worker";
import { resetLiveBus } from "@/lib/live/bus";
import { stopMailSweep } from "@/lib/mail/sender";

/**
 * What a new process would start without: the test files of one Vitest worker share a process
 * (isolate: false), so each starts by stopping what the one before it left running (a worker
 * loop, a mail sweep, nudges still to be sent, account ids of a database that is gone) and closing
 * its database.
 */
export async function resetProcessState(): Promise<void> {
  await Promise.all([stopInProcessWorker(), stopLocalJobWorker(), stopMailSweep()]);
  resetLiveBus();
  forgetAccountIds();
  await closeDatabase();
}
