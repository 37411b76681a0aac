import { Prisma } from "@/lib/generated/prisma/client";
import type { ActivityDetail } from "@/lib/team/activity";
import { queueAssignmentSync } from "@/lib/team/highlevel-sync/queue";
import { WAKE_JOB_KIND } from "@/lib/team/snooze";
import type { ActivityKind } from "@/lib/vocabulary";
import type { BulkActionInput } from "./validations";

// The one statement per kind that applies a bulk action to its target (plus, for snooze, the
// wake-up jobs), and the timeline lines it leaves: the same effects as the single actions in
// lib/team and lib/triage, set-based, so 10,000 conversations cost a few statements.

type Tx = Prisma.TransactionClient;

/** Applies the action to the conversations it changes (a conversation already as asked is left untouched). */
export async function applyChange(
  tx: Tx,
  bulkActionId: string,
  action: BulkActionInput,
  userId: string,
): Promise<void> {
  const changed = Prisma.sql`(SELECT i.conversation_id FROM bulk_action_items i WHERE i.bulk_action_id = ${bulkActionId} AND i.changed)`;
  const target = Prisma.sql`c.id IN ${changed}`;
  switch (action.kind) {
    case "done":
      await tx.$executeRaw`UPDATE conversations c SET done_at = GREATEST(now(), c.last_inbound_at),
        awaiting_reply_since = NULL, callback_since = NULL WHERE ${target}`;
      return;
    case "assign":
      await tx.$executeRaw`UPDATE conversations c SET assignee_id = ${action.assigneeId}::text
        WHERE ${target} AND c.assignee_id IS DISTINCT FROM ${action.assigneeId}::text`;
      return;
    case "label":
      await tx.$executeRaw`INSERT INTO conversation_labels (conversation_id, label_id)
        SELECT c.id, ${action.labelId} FROM conversations c WHERE ${target} ON CONFLICT DO NOTHING`;
      return;
    case "unlabel":
      await tx.$executeRaw`DELETE FROM conversation_labels WHERE label_id = ${action.labelId} AND conversation_id IN ${changed}`;
      return;
    case "snooze":
      await tx.$executeRaw`UPDATE conversations c SET snoozed_until = ${action.until}, snoozed_at = now() WHERE ${target}`;
      // One wake-up per conversation, as a single snooze makes (lib/team/wake-job.ts acts only on
      // the snooze it was made for, so an Undo or a later snooze turns it into a no-op).
      await tx.$executeRaw`INSERT INTO jobs (id, kind, account_id, payload, run_after)
        SELECT gen_random_uuid()::text, ${WAKE_JOB_KIND}, c.account_id,
          jsonb_build_object('conversationId', c.id, 'until', ${action.until.toISOString()}::text), ${action.until}
        FROM conversations c WHERE ${target}`;
      return;
    case "read":
      await tx.$executeRaw`INSERT INTO conversation_reads (user_id, conversation_id, read_at, marked_unread)
        SELECT ${userId}, c.id, GREATEST(now(), c.last_inbound_at), false FROM conversations c WHERE ${target}
        ON CONFLICT (user_id, conversation_id) DO UPDATE SET read_at = EXCLUDED.read_at, marked_unread = false`;
      return;
    case "unread":
      await tx.$executeRaw`INSERT INTO conversation_reads (user_id, conversation_id, read_at, marked_unread)
        SELECT ${userId}, c.id, '-infinity'::timestamptz, true FROM conversations c WHERE ${target}
        ON CONFLICT (user_id, conversation_id) DO UPDATE SET marked_unread = true`;
      return;
  }
}

/** Timeline kind and detail for a bulk action's changed conversations (read state has none: it is a person's own). */
export interface TimelineLine {
  kind: ActivityKind;
  detail: ActivityDetail;
}

export function timelineLine(
  action: BulkActionInput,
  names: { assignee?: string; label?: string },
): TimelineLine | null {
  switch (action.kind) {
    case "done":
      return { kind: "done", detail: {} };
    case "assign":
      return action.assigneeId
        ? { kind: "assigned", detail: { assigneeName: names.assignee } }
        : { kind: "unassigned", detail: {} };
    case "label":
      return { kind: "labeled", detail: { labelName: names.label } };
    case "unlabel":
      return { kind: "unlabeled", detail: { labelName: names.label } };
    case "snooze":
      return { kind: "snoozed", detail: { until: action.until.toISOString() } };
    case "read":
    case "unread":
      return null;
  }
}

/** Writes a timeline line for every changed conversation of a bulk action, in one statement. */
export async function recordLines(
  tx: Tx,
  bulkActionId: string,
  actor: { userId: string | null; name: string },
  line: TimelineLine,
): Promise<void> {
  await tx.$executeRaw`INSERT INTO conversation_activities (id, account_id, conversation_id, actor_id, actor_name, kind, detail)
    SELECT gen_random_uuid()::text, i.account_id, i.conversation_id, ${actor.userId}, ${actor.name}, ${line.kind},
      ${JSON.stringify(line.detail)}::jsonb
    FROM bulk_action_items i WHERE i.bulk_action_id = ${bulkActionId} AND i.changed`;
}

/** A bulk assignment (or its Undo) goes to HighLevel like a single one: one job per contact, per account. */
export async function syncAssignments(tx: Tx, bulkActionId: string): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ account_id: string; ids: string[] }>>`
    SELECT i.account_id, array_agg(i.conversation_id) AS ids FROM bulk_action_items i
    WHERE i.bulk_action_id = ${bulkActionId} AND i.changed GROUP BY i.account_id`;
  for (const row of rows) await queueAssignmentSync(tx, row.account_id, row.ids);
}
