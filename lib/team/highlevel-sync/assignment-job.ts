import { z } from "zod";
import { highLevelTokenOf } from "@/lib/access/credentials/highlevel-token";
import { getPrisma } from "@/lib/db";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { backoffMs, defineJob, type JobResult } from "@/lib/jobs/definition";
import { publishConversationChanges } from "@/lib/live/bus";
import { updateContactAssignee } from "@/lib/providers/highlevel/api/contacts";
import { takeHighLevelToken } from "@/lib/providers/highlevel/api/rate-limit";
import { accountLinks } from "./links";
import { ASSIGNMENT_SYNC_JOB } from "./queue";
import { lastLineOf, recordSyncLine, SYNC_STATE_KINDS } from "./timeline";

// Writes a contact's assignee to HighLevel (PUT /contacts/{id} { assignedTo }). At least once: the
// PUT sets a value, so sending it again is harmless, and the value is read when the job runs, so a
// retry or a late job writes what Threadline has now. 429, 5xx and no answer wait and try again
// (Retry-After honoured); 401/403/404/4xx fail for good with a line saying why. The local
// assignment never waits on any of it.

type Db = Prisma.TransactionClient | PrismaClient;

interface SyncTarget {
  accountId: string;
  locationId: string;
  contactId: string;
  conversationId: string;
  assigneeId: string | null;
  assigneeName: string | null;
  enabled: boolean;
}

/** The contact and its most recently assigned conversation, as they are now. */
async function syncTarget(db: Db, customerId: string): Promise<SyncTarget | null> {
  const [row] = await db.$queryRaw<
    Array<{
      account_id: string;
      location_id: string;
      external_id: string;
      conversation_id: string;
      assignee_id: string | null;
      assignee_name: string | null;
      enabled: boolean | null;
    }>
  >`SELECT cu.account_id, a.external_id AS location_id, cu.external_id, c.id AS conversation_id, c.assignee_id,
      COALESCE(NULLIF(u.name, ''), u.email) AS assignee_name, s.assignment_sync AS enabled
    FROM customers cu
    JOIN accounts a ON a.id = cu.account_id
    JOIN conversations c ON c.customer_id = cu.id AND c.account_id = cu.account_id
    LEFT JOIN users u ON u.id = c.assignee_id
    LEFT JOIN highlevel_sync_settings s ON s.account_id = cu.account_id
    WHERE cu.id = ${customerId}
    ORDER BY c.assigned_at DESC NULLS LAST, c.id LIMIT 1`;
  if (!row) return null;
  return {
    accountId: row.account_id,
    locationId: row.location_id,
    contactId: row.external_id,
    conversationId: row.conversation_id,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    enabled: row.enabled ?? false,
  };
}

type Plan =
  | { kind: "skip" }
  | { kind: "not-linked"; target: SyncTarget }
  | { kind: "write"; target: SyncTarget; highLevelUserId: string | null };

async function plan(db: Db, customerId: string): Promise<Plan> {
  const target = await syncTarget(db, customerId);
  // Gone, or the owner turned the sync off since: nothing goes to HighLevel.
  if (!target?.enabled) return { kind: "skip" };
  if (!target.assigneeId) return { kind: "write", target, highLevelUserId: null };
  const highLevelUserId = (await accountLinks(db, target.accountId)).highLevelIdOf(target.assigneeId);
  return highLevelUserId ? { kind: "write", target, highLevelUserId } : { kind: "not-linked", target };
}

/** "Not synced: Ben has no linked HighLevel user", once per person in a row. */
async function sayNotLinked(db: Db, target: SyncTarget): Promise<void> {
  const assigneeName = target.assigneeName ?? "this person";
  const last = await lastLineOf(db, target.conversationId, ["highlevel_not_synced", "assigned", "unassigned"]);
  const detail = last?.detail as { assigneeName?: string } | null;
  if (last?.kind === "highlevel_not_synced" && detail?.assigneeName === assigneeName) return;
  await recordSyncLine(db, {
    accountId: target.accountId,
    conversationId: target.conversationId,
    kind: "highlevel_not_synced",
    detail: { assigneeName },
  });
}

/**
 * What HighLevel now holds, so its webhook repeating it is known for an echo. The time stays
 * HighLevel's own (of what it said last; none yet: the epoch): its webhooks are only ever compared
 * with its own clock, never with ours.
 */
async function rememberWritten(db: Db, customerId: string, accountId: string, highLevelUserId: string | null) {
  await db.$executeRaw`
    INSERT INTO highlevel_contact_assignments (customer_id, account_id, highlevel_user_id, changed_at)
    VALUES (${customerId}, ${accountId}, ${highLevelUserId}, 'epoch'::timestamptz)
    ON CONFLICT (customer_id) DO UPDATE SET highlevel_user_id = EXCLUDED.highlevel_user_id`;
}

/** A wait is said once ("retrying"), however many tries it takes. */
async function sayWaiting(db: Db, target: SyncTarget, reason: string): Promise<void> {
  if ((await lastLineOf(db, target.conversationId, SYNC_STATE_KINDS))?.kind === "highlevel_sync_retrying") return;
  await recordSyncLine(db, {
    accountId: target.accountId,
    conversationId: target.conversationId,
    kind: "highlevel_sync_retrying",
    detail: { reason },
  });
  publishConversationChanges(target.accountId, [target.conversationId]);
}

/** After a wait or a failure was shown, its end is shown too; a sync that just works says nothing. */
async function sayRecovered(db: Db, target: SyncTarget): Promise<void> {
  const last = await lastLineOf(db, target.conversationId, SYNC_STATE_KINDS);
  if (last?.kind !== "highlevel_sync_retrying" && last?.kind !== "highlevel_sync_failed") return;
  await recordSyncLine(db, {
    accountId: target.accountId,
    conversationId: target.conversationId,
    kind: "highlevel_synced",
  });
  publishConversationChanges(target.accountId, [target.conversationId]);
}

const retryAfter = (attempt: number, seconds: number | null) =>
  seconds ? Math.min(seconds, 3600) * 1000 : backoffMs(attempt, 5_000, 10 * 60_000);

export const assignmentSyncJob = defineJob({
  kind: ASSIGNMENT_SYNC_JOB,
  payload: z.object({ customerId: z.string() }),
  semantics: "at-least-once",
  maxAttempts: 8,
  leaseMs: 60_000,
  concurrency: 2,
  async run({ customerId }, { attempt }): Promise<JobResult> {
    const db = await getPrisma();
    const planned = await plan(db, customerId);
    if (planned.kind === "skip") return { outcome: "done" };
    if (planned.kind === "not-linked") {
      await sayNotLinked(db, planned.target);
      publishConversationChanges(planned.target.accountId, [planned.target.conversationId]);
      return { outcome: "done" };
    }
    const { target, highLevelUserId } = planned;
    const token = await highLevelTokenOf(target.accountId);
    if (!token) return { outcome: "failed", error: "the account's HighLevel API token was removed" };
    // HighLevel's 100 requests per 10 s per location, shared with every other caller: wait a turn.
    const turn = await takeHighLevelToken(db, target.locationId);
    if (!turn.taken)
      return {
        outcome: "retry",
        afterMs: turn.waitMs + Math.round(Math.random() * 250),
        error: "waiting its turn under HighLevel's limit of 100 requests per 10 seconds",
        notAnAttempt: true,
      };
    const answer = await updateContactAssignee(token, target.contactId, highLevelUserId);
    switch (answer.kind) {
      case "updated": {
        await rememberWritten(db, customerId, target.accountId, highLevelUserId);
        // Someone reassigned it while the request was out: write again, so the last word is ours.
        const now = await plan(db, customerId);
        if (now.kind !== "skip" && (now.kind === "not-linked" || now.highLevelUserId !== highLevelUserId))
          return { outcome: "retry", afterMs: 0, error: "the assignment changed while it was being written" };
        await sayRecovered(db, target);
        return { outcome: "done" };
      }
      case "rate-limited":
        await sayWaiting(db, target, "HighLevel's rate limit (429)");
        return {
          outcome: "retry",
          afterMs: retryAfter(attempt, answer.retryAfterSeconds),
          error: "HighLevel's rate limit (429)",
        };
      case "unavailable":
        await sayWaiting(db, target, answer.reason);
        return { outcome: "retry", afterMs: retryAfter(attempt, null), error: answer.reason };
      case "refused":
        return { outcome: "failed", error: answer.reason };
    }
  },
  async onGivenUp({ customerId }, result) {
    const prisma = await getPrisma();
    const target = await syncTarget(prisma, customerId);
    if (!target) return;
    await recordSyncLine(prisma, {
      accountId: target.accountId,
      conversationId: target.conversationId,
      kind: "highlevel_sync_failed",
      detail: { reason: result.error },
    });
    publishConversationChanges(target.accountId, [target.conversationId]);
  },
});
