import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/queue";

// Enqueues the write of a local assignment to HighLevel, in the transaction that changed it (the
// job exists exactly when the assignment was committed). One job per contact: HighLevel assigns a
// contact, Threadline a conversation, so the job writes the assignee of the contact's most
// recently assigned conversation as it is when the job runs; retries and reordered jobs converge.

export const ASSIGNMENT_SYNC_JOB = "highlevel-assignment-sync";

/**
 * For each HighLevel contact behind these conversations of the account, when the account syncs
 * assignment and has a token: one job (several conversations of one contact make one).
 */
export async function queueAssignmentSync(
  tx: Prisma.TransactionClient,
  accountId: string,
  conversationIds: readonly string[],
): Promise<number> {
  if (conversationIds.length === 0) return 0;
  const rows = await tx.$queryRaw<Array<{ customer_id: string }>>`
    SELECT DISTINCT c.customer_id FROM conversations c
    JOIN accounts a ON a.id = c.account_id AND a.provider = 'highlevel'
    JOIN highlevel_sync_settings s ON s.account_id = c.account_id AND s.assignment_sync
    JOIN highlevel_connections h ON h.account_id = c.account_id
    WHERE c.account_id = ${accountId} AND c.id = ANY(${[...conversationIds]}::text[]) AND c.customer_id IS NOT NULL
    ORDER BY c.customer_id`;
  for (const row of rows)
    await enqueueJob(tx, { kind: ASSIGNMENT_SYNC_JOB, accountId, payload: { customerId: row.customer_id } });
  return rows.length;
}
