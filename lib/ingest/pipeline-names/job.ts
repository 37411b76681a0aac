import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { type AnyJobDefinition, defineJob } from "@/lib/jobs/definition";
import { wakeLocalJobWorker } from "@/lib/jobs/local-worker";
import { ensureRecurringJobs, runRecurringSoon } from "@/lib/jobs/recurring";
import { refreshDuePipelineNames } from "./refresh";

// Pipeline-name refreshes as a recurring job on the one queue (lib/jobs/recurring.ts): a pass a
// minute over the accounts that are due (./refresh.ts decides which and claims each account's
// turn), whichever worker takes it; storing a token asks for a pass at once.

export const PIPELINE_NAMES_JOB_KIND = "refresh-pipeline-names";

export const pipelineNamesJob = defineJob({
  kind: PIPELINE_NAMES_JOB_KIND,
  payload: z.object({ recurring: z.literal(true) }),
  semantics: "at-least-once",
  maxAttempts: 1,
  leaseMs: 5 * 60_000,
  concurrency: 1,
  everyMs: 60_000,
  async run() {
    await refreshDuePipelineNames();
    return { outcome: "done" };
  },
});

/** A pass soon (a token was just stored), not at the minute's end. */
export async function refreshPipelineNamesSoon(db: Prisma.TransactionClient | PrismaClient): Promise<void> {
  await ensureRecurringJobs(db, [pipelineNamesJob as AnyJobDefinition]);
  await runRecurringSoon(db, PIPELINE_NAMES_JOB_KIND);
  wakeLocalJobWorker();
}
