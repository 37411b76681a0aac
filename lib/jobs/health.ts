import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// How the one job queue is doing, per kind, for the owners' view on /events: what waits, what
// runs, how long the oldest ready job has waited, what failed or ended "outcome unknown" in the
// last day and the last error. Only counts, kinds and our own error words: no payload (it may
// hold a customer's message id) ever leaves this query.

export const jobKindHealthSchema = z.object({
  kind: z.string(),
  queued: z.number(),
  running: z.number(),
  /** Seconds the oldest job that is due has waited for a worker; null when none is due. */
  oldestWaitSeconds: z.number().nullable(),
  failedLastDay: z.number(),
  unknownLastDay: z.number(),
  lastError: z.string().nullable(),
});
export type JobKindHealth = z.infer<typeof jobKindHealthSchema>;

/** Jobs of these accounts, and the queue's own recurring jobs (no account). */
export type JobReach = { kind: "all" } | { kind: "accounts"; accountIds: readonly string[] };

type Row = {
  kind: string;
  queued: bigint;
  running: bigint;
  oldest_wait: number | null;
  failed: bigint;
  unknown: bigint;
  last_error: string | null;
};

export async function jobQueueHealth(db: PrismaClient, reach: JobReach): Promise<JobKindHealth[]> {
  const accountIds = reach.kind === "all" ? null : [...reach.accountIds];
  // Finished jobs older than a day are not read: the (kind, state) index keeps this cheap.
  const rows = await db.$queryRaw<Row[]>`
    SELECT kind,
      count(*) FILTER (WHERE state = 'queued') AS queued,
      count(*) FILTER (WHERE state = 'running') AS running,
      extract(epoch FROM now() - min(run_after) FILTER (WHERE state = 'queued' AND run_after <= now()))::float8 AS oldest_wait,
      count(*) FILTER (WHERE state = 'failed') AS failed,
      count(*) FILTER (WHERE state = 'unknown') AS unknown,
      (array_agg(last_error ORDER BY COALESCE(finished_at, run_after) DESC) FILTER (WHERE last_error IS NOT NULL))[1] AS last_error
    FROM jobs
    WHERE (state IN ('queued', 'running') OR (state IN ('failed', 'unknown') AND finished_at > now() - interval '1 day'))
      AND (${accountIds}::text[] IS NULL OR account_id IS NULL OR account_id = ANY(${accountIds}::text[]))
    GROUP BY kind ORDER BY kind`;
  return rows.map((row) => ({
    kind: row.kind,
    queued: Number(row.queued),
    running: Number(row.running),
    oldestWaitSeconds: row.oldest_wait === null ? null : Math.max(0, Math.round(row.oldest_wait)),
    failedLastDay: Number(row.failed),
    unknownLastDay: Number(row.unknown),
    lastError: row.last_error,
  }));
}
