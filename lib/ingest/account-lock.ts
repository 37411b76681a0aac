import type { Prisma } from "@/lib/generated/prisma/client";
import type { MappedEvent } from "@/lib/providers/contract";

// One ingestion transaction of an account at a time, across every worker and process: a
// transaction holds its conversations' rows and the account's report counters until it commits,
// and two taking those in different orders deadlock. A batch (./batch.ts) and a single event
// (./process-event.ts) take the same transaction-scoped advisory lock first, so they queue.

export const ingestLockKey = (mapped: MappedEvent) => `ingest:${mapped.account.provider}:${mapped.account.externalId}`;

/** Takes the accounts' locks in one (sorted) order, so two holders of several never deadlock. */
export async function lockAccountsForIngest(tx: Prisma.TransactionClient, keys: readonly string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}
