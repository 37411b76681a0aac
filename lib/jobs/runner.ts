import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { AnyJobDefinition, JobResult } from "./definition";
import { claimJobs, finishJob, reclaimExpiredLeases, type ClaimedJob } from "./queue";
import { nextPass } from "./recurring";

// Runs claimed jobs through their definitions: the payload is parsed first (one that no longer
// parses fails for good with the reason, it never loops), a handler that throws is a retry for an
// at-least-once kind and "unknown" for an at-most-once one (it may have got as far as the provider).

async function runOne(definition: AnyJobDefinition, job: ClaimedJob): Promise<JobResult> {
  const db = await getPrisma();
  const payload = definition.payload.safeParse(job.payload);
  let result: JobResult;
  if (!payload.success) {
    result = { outcome: "failed", error: `the payload no longer reads as a ${job.kind} job: ${payload.error.message}` };
  } else {
    try {
      result = await definition.run(payload.data, { id: job.id, accountId: job.accountId, attempt: job.attempts, db });
    } catch (error) {
      const message = (error as Error).message;
      result =
        definition.semantics === "at-most-once"
          ? { outcome: "unknown", error: message }
          : { outcome: "retry", afterMs: 1_000 * 2 ** Math.min(job.attempts, 8), error: message };
    }
  }
  if (definition.everyMs) result = nextPass(definition.everyMs, result);
  const final = await finishJob(db, job, result, definition.maxAttempts);
  if ((final.outcome === "failed" || final.outcome === "unknown") && payload.success)
    await definition.onGivenUp?.(payload.data, final, { db });
  // Waiting a turn under a rate limit is the queue working, not a job failing: not logged.
  const waiting = final.outcome === "retry" && final.notAnAttempt;
  const quiet = final.outcome === "done" || (final.outcome === "repeat" && final.error === null);
  if (!quiet && !waiting) logger.warn("jobs: a job did not succeed", { kind: job.kind, outcome: final.outcome });
  return final;
}

/** Lost leases first: at-least-once jobs go back to the queue, at-most-once ones become unknown. */
export async function reclaimLeases(definitions: readonly AnyJobDefinition[]): Promise<void> {
  const atMostOnce = definitions.filter((d) => d.semantics === "at-most-once");
  const db = await getPrisma();
  const unknown = await reclaimExpiredLeases(
    db,
    atMostOnce.map((d) => d.kind),
  );
  for (const job of unknown) {
    const definition = atMostOnce.find((d) => d.kind === job.kind);
    const payload = definition?.payload.safeParse(job.payload);
    if (definition && payload?.success)
      await definition.onGivenUp?.(
        payload.data,
        {
          outcome: "unknown",
          error: "the worker stopped while it ran: it may have done what it was for",
        },
        { db },
      );
  }
}

/** Runs claimed jobs of one kind side by side; answers how many ran. */
export async function runClaimed(definition: AnyJobDefinition, jobs: readonly ClaimedJob[]): Promise<number> {
  await Promise.all(jobs.map((job) => runOne(definition, job)));
  return jobs.length;
}

/** Runs every job ready now, and those they make ready, then returns (tests; a CLI). */
export async function drainJobs(definitions: readonly AnyJobDefinition[]): Promise<number> {
  const prisma = await getPrisma();
  await reclaimLeases(definitions);
  let ran = 0;
  for (;;) {
    let round = 0;
    for (const definition of definitions)
      round += await runClaimed(
        definition,
        await claimJobs(prisma, definition.kind, definition.concurrency, definition.leaseMs),
      );
    if (round === 0) return ran;
    ran += round;
  }
}
