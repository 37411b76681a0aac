import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { AnyJobDefinition, JobResult } from "./definition";

// Periodic passes as jobs on the same queue, instead of a timer per feature in every process: a
// recurring kind has exactly one live job (a partial unique index, migration 20261207000100), which
// every worker makes sure exists and whose every run schedules the next. Any number of workers
// share it like any other job: one runs each pass, none runs it twice at once.

type Db = Prisma.TransactionClient | PrismaClient;

const RECURRING_PAYLOAD = { recurring: true } as const;

/** Makes the one live job of each recurring kind, if it is missing (cheap: run on every reclaim). */
export async function ensureRecurringJobs(db: Db, definitions: readonly AnyJobDefinition[]): Promise<void> {
  for (const definition of definitions) {
    if (!definition.everyMs) continue;
    await db.$executeRaw`
      INSERT INTO jobs (id, kind, payload) VALUES (gen_random_uuid()::text, ${definition.kind}, ${JSON.stringify(RECURRING_PAYLOAD)}::jsonb)
      ON CONFLICT (kind) WHERE state IN ('queued', 'running') AND payload ? 'recurring' DO NOTHING`;
  }
}

/** A pass now rather than at its time (an owner just stored a token); the caller wakes the worker. */
export async function runRecurringSoon(db: Db, kind: string): Promise<void> {
  await db.$executeRaw`
    UPDATE jobs SET run_after = now() WHERE kind = ${kind} AND state = 'queued' AND payload ? 'recurring'`;
}

/** However a recurring job's pass ended, the next one is scheduled (a failure is kept as its last error). */
export function nextPass(everyMs: number, result: JobResult): JobResult {
  if (result.outcome === "repeat") return result;
  return { outcome: "repeat", afterMs: everyMs, error: result.outcome === "done" ? null : result.error };
}
