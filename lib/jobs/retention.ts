import { z } from "zod";
import { getPrisma } from "@/lib/db";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { defineJob } from "./definition";

// Finished jobs are kept for a while (the Job queue panel counts the last day's failures, and a
// person may want to see why a job failed), then deleted, so the jobs table stays the size of
// the work in flight rather than of all history. "unknown" jobs are never deleted here: each is a
// send a person has yet to decide about. A pass deletes a bounded batch, so it never holds a long
// lock; a backlog of old jobs shrinks one batch per pass.

export const JOB_RETENTION = { doneDays: 7, failedDays: 30, batch: 5_000 } as const;

type Db = Prisma.TransactionClient | PrismaClient;

/** Deletes one batch of finished jobs past their retention; returns how many went. */
export async function pruneFinishedJobs(db: Db, now = new Date()): Promise<number> {
  const doneBefore = new Date(now.getTime() - JOB_RETENTION.doneDays * 86_400_000);
  const failedBefore = new Date(now.getTime() - JOB_RETENTION.failedDays * 86_400_000);
  return db.$executeRaw`
    DELETE FROM jobs WHERE id IN (
      SELECT id FROM jobs
      WHERE (state = 'done' AND finished_at < ${doneBefore}) OR (state = 'failed' AND finished_at < ${failedBefore})
      LIMIT ${JOB_RETENTION.batch})`;
}

export const PRUNE_JOBS_KIND = "prune-finished-jobs";

export const pruneFinishedJobsJob = defineJob({
  kind: PRUNE_JOBS_KIND,
  payload: z.object({ recurring: z.literal(true) }),
  semantics: "at-least-once",
  maxAttempts: 1,
  leaseMs: 5 * 60_000,
  concurrency: 1,
  everyMs: 60 * 60_000,
  async run() {
    const deleted = await pruneFinishedJobs(await getPrisma());
    // A full batch means more are due: the next pass comes in a minute rather than an hour.
    return deleted >= JOB_RETENTION.batch ? { outcome: "repeat", afterMs: 60_000, error: null } : { outcome: "done" };
  },
});
