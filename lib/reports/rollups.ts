import { getPrisma } from "@/lib/db";

// The reports' rollups are kept by triggers on messages (prisma/migrations/
// 20261124000500_report_rollups): this recomputes them from the messages, for one account or
// all, in one transaction. Idempotent: running it twice, or on rollups already right, changes
// nothing. Writers of messages wait while it runs.

/** The rollup tables, emptied and refilled by a rebuild. */
export const ROLLUP_TABLES = [
  "report_message_buckets",
  "report_agent_buckets",
  "report_reply_waits",
  "report_callback_waits",
  "report_conversation_starts",
] as const;

export async function rebuildReportRollups(accountId: string | null): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT report_rebuild(${accountId}::text)`;
  });
}
