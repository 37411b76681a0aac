import type { RootDb } from "@/lib/db/client";
import type { AccountScope } from "@/lib/access/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/queue";
import { publishConversationChanges } from "@/lib/live/bus";
import type { Actor } from "./actor";
import { recordActivity } from "./activity";
import { lockConversation } from "./conversation-row";

// Snooze puts a conversation away until a time: it leaves every view but Snoozed and comes back
// at that time (a job on the queue, lib/team/wake-job.ts) or at once when the customer writes
// again. The views read the columns, not the job, so a late worker never shows a snoozed
// conversation as open or hides one the customer woke.

/** SQL: conversation `c` is snoozed now. */
export const isSnoozed = Prisma.sql`(c.snoozed_until IS NOT NULL AND c.snoozed_until > now()
  AND COALESCE(c.last_inbound_at, '-infinity'::timestamptz) <= c.snoozed_at)`;

export const WAKE_JOB_KIND = "wake-conversation";

export interface SnoozeChange {
  id: string;
  snoozedUntil: string | null;
  /** The snooze it replaced, if one was running: what Undo puts back. */
  previousSnoozedUntil: string | null;
}

/** The snooze running on a locked row (one the customer already ended is none). */
async function runningSnooze(tx: Prisma.TransactionClient, id: string): Promise<Date | null> {
  const [row] = await tx.$queryRaw<Array<{ until: Date | null }>>`
    SELECT CASE WHEN ${isSnoozed} THEN c.snoozed_until END AS until FROM conversations c WHERE c.id = ${id}`;
  return row?.until ?? null;
}

/** Snoozes until `until` (validated by the caller: in the future, within a year). */
export async function snoozeConversation(db: RootDb, id: string, scope: AccountScope, actor: Actor, until: Date) {
  const result = await db.$transaction(async (tx) => {
    const conversation = await lockConversation(tx, id, scope);
    const previous = await runningSnooze(tx, id);
    await tx.$executeRaw`UPDATE conversations SET snoozed_until = ${until}, snoozed_at = now() WHERE id = ${id}`;
    await enqueueJob(tx, {
      kind: WAKE_JOB_KIND,
      accountId: conversation.accountId,
      payload: { conversationId: id, until: until.toISOString() },
      runAfter: until,
    });
    await recordActivity(tx, {
      accountId: conversation.accountId,
      conversationId: id,
      actor,
      kind: "snoozed",
      detail: { until: until.toISOString() },
    });
    return { accountId: conversation.accountId, previous };
  });
  publishConversationChanges(result.accountId, [id]);
  return {
    id,
    snoozedUntil: until.toISOString(),
    previousSnoozedUntil: result.previous?.toISOString() ?? null,
  } satisfies SnoozeChange;
}

/** Wakes it now, by a person's hand (its wake-up job then finds nothing to do). */
export async function unsnoozeConversation(
  db: RootDb,
  id: string,
  scope: AccountScope,
  actor: Actor,
): Promise<SnoozeChange> {
  const result = await db.$transaction(async (tx) => {
    const conversation = await lockConversation(tx, id, scope);
    const previous = await runningSnooze(tx, id);
    await tx.$executeRaw`UPDATE conversations SET snoozed_until = NULL, snoozed_at = NULL WHERE id = ${id}`;
    if (previous)
      await recordActivity(tx, { accountId: conversation.accountId, conversationId: id, actor, kind: "unsnoozed" });
    return { accountId: conversation.accountId, previous };
  });
  publishConversationChanges(result.accountId, [id]);
  return { id, snoozedUntil: null, previousSnoozedUntil: result.previous?.toISOString() ?? null };
}
