import { Prisma } from "@/lib/generated/prisma/client";
import { isDone } from "@/lib/triage/done";
import { unreadFor } from "@/lib/triage/read-state";
import type { BulkActionInput } from "./validations";

// Before a bulk action changes anything, each target conversation's row in bulk_action_items
// records the columns this kind of action is about as they were, and whether the action changes
// it at all. Undo reads these back; the timeline gets a line only for conversations that changed.

type Tx = Prisma.TransactionClient;

/** The previous-state columns and the "does it change" test, per kind (over conversation `c`). */
function snapshotOf(
  action: BulkActionInput,
  userId: string,
): { changed: Prisma.Sql; columns: Prisma.Sql; values: Prisma.Sql } {
  const none = { columns: Prisma.empty, values: Prisma.empty };
  switch (action.kind) {
    case "done":
      return {
        changed: Prisma.sql`NOT ${isDone}`,
        columns: Prisma.sql`, prev_done_at, prev_awaiting_reply_since, prev_callback_since`,
        values: Prisma.sql`, c.done_at, c.awaiting_reply_since, c.callback_since`,
      };
    case "assign":
      return {
        changed: Prisma.sql`c.assignee_id IS DISTINCT FROM ${action.assigneeId}::text`,
        columns: Prisma.sql`, prev_assignee_id`,
        values: Prisma.sql`, c.assignee_id`,
      };
    case "label":
    case "unlabel": {
      const has = Prisma.sql`EXISTS (SELECT 1 FROM conversation_labels cl WHERE cl.conversation_id = c.id AND cl.label_id = ${action.labelId})`;
      return { changed: action.kind === "label" ? Prisma.sql`NOT ${has}` : has, ...none };
    }
    case "snooze":
      return {
        changed: Prisma.sql`TRUE`,
        columns: Prisma.sql`, prev_snoozed_until, prev_snoozed_at`,
        values: Prisma.sql`, c.snoozed_until, c.snoozed_at`,
      };
    case "read":
    case "unread": {
      // Without any customer message the test is NULL: such a conversation is not unread.
      const unread = Prisma.sql`COALESCE(${unreadFor(userId)}, false)`;
      const read = (column: string) =>
        Prisma.sql`(SELECT r.${Prisma.raw(column)} FROM conversation_reads r WHERE r.user_id = ${userId} AND r.conversation_id = c.id)`;
      return {
        changed: action.kind === "read" ? unread : Prisma.sql`NOT ${unread}`,
        columns: Prisma.sql`, prev_read_row, prev_read_at, prev_marked_unread`,
        values: Prisma.sql`, EXISTS (SELECT 1 FROM conversation_reads r WHERE r.user_id = ${userId} AND r.conversation_id = c.id),
          ${read("read_at")}, ${read("marked_unread")}`,
      };
    }
  }
}

/** Records every target's previous state; answers how many the action will change. */
export async function recordSnapshot(
  tx: Tx,
  bulkActionId: string,
  ids: string[],
  action: BulkActionInput,
  userId: string,
): Promise<number> {
  const { changed, columns, values } = snapshotOf(action, userId);
  const [row] = await tx.$queryRaw<Array<{ changed: number }>>`
    WITH inserted AS (
      INSERT INTO bulk_action_items (bulk_action_id, conversation_id, account_id, changed ${columns})
      SELECT ${bulkActionId}, c.id, c.account_id, ${changed} ${values} FROM conversations c WHERE c.id = ANY(${ids}::text[])
      RETURNING changed)
    SELECT count(*) FILTER (WHERE changed)::int AS changed FROM inserted`;
  return row?.changed ?? 0;
}
