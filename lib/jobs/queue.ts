import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { JobResult } from "./definition";

// The queue's SQL: enqueue inside the caller's transaction (a job exists exactly when what it
// works on was committed), claim ready jobs with FOR UPDATE SKIP LOCKED under a lease (any
// number of workers on one database, none taking another's job), and record how each ended.

type Db = Prisma.TransactionClient | PrismaClient;

export interface NewJob {
  kind: string;
  payload: Prisma.InputJsonValue;
  accountId?: string | null;
  runAfter?: Date;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  accountId: string | null;
  payload: unknown;
  attempts: number;
}

type JobRow = { id: string; kind: string; account_id: string | null; payload: unknown; attempts: number };

const claimed = (rows: JobRow[]): ClaimedJob[] =>
  rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    accountId: row.account_id,
    payload: row.payload,
    attempts: row.attempts,
  }));

export async function enqueueJob(db: Db, job: NewJob): Promise<string> {
  const id = randomUUID();
  await db.job.create({
    data: {
      id,
      kind: job.kind,
      payload: job.payload,
      accountId: job.accountId ?? null,
      runAfter: job.runAfter ?? new Date(),
    },
  });
  return id;
}

/** Takes up to `limit` ready jobs of one kind for `leaseMs`; each counts as an attempt. */
export async function claimJobs(db: Db, kind: string, limit: number, leaseMs: number): Promise<ClaimedJob[]> {
  if (limit <= 0) return [];
  const rows = await db.$queryRaw<JobRow[]>`
    UPDATE jobs SET state = 'running', attempts = attempts + 1,
      locked_until = now() + ${leaseMs} * interval '1 millisecond'
    WHERE id IN (
      SELECT id FROM jobs WHERE state = 'queued' AND kind = ${kind} AND run_after <= now()
      ORDER BY run_after LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, account_id, payload, attempts`;
  return claimed(rows);
}

/**
 * Jobs whose worker stopped holding them (it died, or hung past the lease). At-least-once kinds go
 * back to the queue; at-most-once kinds become 'unknown' and are returned, so their owners can say
 * so: they may have done what they were for.
 */
export async function reclaimExpiredLeases(db: Db, atMostOnceKinds: readonly string[]): Promise<ClaimedJob[]> {
  await db.$executeRaw`
    UPDATE jobs SET state = 'queued', locked_until = NULL, run_after = now()
    WHERE id IN (
      SELECT id FROM jobs WHERE state = 'running' AND locked_until < now() AND NOT (kind = ANY(${[...atMostOnceKinds]}::text[]))
      FOR UPDATE SKIP LOCKED)`;
  const unknown = await db.$queryRaw<JobRow[]>`
    UPDATE jobs SET state = 'unknown', locked_until = NULL, finished_at = now(),
      last_error = 'the worker stopped while it ran: it may have done what it was for'
    WHERE id IN (
      SELECT id FROM jobs WHERE state = 'running' AND locked_until < now() AND kind = ANY(${[...atMostOnceKinds]}::text[])
      FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, account_id, payload, attempts`;
  return claimed(unknown);
}

/** Records how a run ended. A retry past maxAttempts fails the job. */
export async function finishJob(db: Db, job: ClaimedJob, result: JobResult, maxAttempts: number): Promise<JobResult> {
  const final: JobResult =
    result.outcome === "retry" && !result.notAnAttempt && job.attempts >= maxAttempts
      ? { outcome: "failed", error: `gave up after ${job.attempts} attempts: ${result.error}` }
      : result;
  if (final.outcome === "repeat") {
    await db.$executeRaw`
      UPDATE jobs SET state = 'queued', locked_until = NULL, attempts = 0, last_error = ${final.error},
        run_after = now() + ${final.afterMs} * interval '1 millisecond'
      WHERE id = ${job.id}`;
  } else if (final.outcome === "retry") {
    const uncounted = final.notAnAttempt ? 1 : 0;
    await db.$executeRaw`
      UPDATE jobs SET state = 'queued', locked_until = NULL, last_error = ${final.error},
        attempts = attempts - ${uncounted}, run_after = now() + ${final.afterMs} * interval '1 millisecond'
      WHERE id = ${job.id}`;
  } else {
    const state = final.outcome === "done" ? "done" : final.outcome;
    const error = final.outcome === "done" ? null : final.error;
    await db.$executeRaw`
      UPDATE jobs SET state = ${state}, locked_until = NULL, finished_at = now(), last_error = ${error}
      WHERE id = ${job.id}`;
  }
  return final;
}
