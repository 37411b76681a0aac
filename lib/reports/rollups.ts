import type { AccountScope } from "@/lib/access/scope";
import type { RootDb } from "@/lib/db/client";

// The reports' rollups are kept by triggers on messages (prisma/migrations/
// 20261124000500_report_rollups): this recomputes them from the messages, for the scope's
// accounts (every account: all of them at once), in one transaction. Idempotent: running it twice, or on rollups already right, changes
// nothing. Writers of messages wait while it runs.

/** The rollup tables, emptied and refilled by a rebuild. */
export const ROLLUP_TABLES = [
  "report_message_buckets",
  "report_agent_buckets",
  "report_reply_waits",
  "report_callback_waits",
  "report_conversation_starts",
] as const;

export async function rebuildReportRollups(db: RootDb, scope: AccountScope): Promise<void> {
  const accountIds = scope.kind === "all" ? [null] : scope.accountIds;
  await db.$transaction(async (tx) => {
    for (const accountId of accountIds) await tx.$executeRaw`SELECT report_rebuild(${accountId}::text)`;
  });
}
