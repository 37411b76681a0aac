import type { Viewer } from "@/lib/access/viewer";
import { accountCondition } from "@/lib/access/scope";
import { getPrisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HttpError, NotFoundError } from "@/lib/http/errors";
import { publishConversationChanges } from "@/lib/live/bus";
import { actorOf } from "@/lib/team/actor";
import { syncAssignments } from "./changes";
import { bulkKindSchema, type BulkKind } from "./validations";

// Undo of a bulk action, by its author, as one transaction: each conversation it changed gets back
// the field that action changed, as it was (bulk_action_items), whatever else happened to it since;
// a conversation deleted meanwhile is simply gone. Undo is for right after the action: the toast
// offers it for 10 s, the server accepts it for a minute.

type Tx = Prisma.TransactionClient;
type Person = Extract<Viewer, { kind: "user" }>;

export const BULK_UNDO_WINDOW_MS = 60_000;

export interface BulkUndoResult {
  id: string;
  /** Conversations put back. */
  restored: number;
  /** Conversations the action changed that no longer exist (or are no longer the person's to see). */
  gone: number;
}

/** The changed items still there and in scope, their conversations locked. */
const changedItems = (id: string, person: Person) => Prisma.sql`
  SELECT i.* FROM bulk_action_items i JOIN conversations c ON c.id = i.conversation_id
  WHERE i.bulk_action_id = ${id} AND i.changed AND ${accountCondition(person.scope, Prisma.sql`c.account_id`)}`;

/** Puts back what the kind changed, for the items in `items` (a CTE); writes the lines an undo leaves. */
async function restore(tx: Tx, kind: BulkKind, id: string, person: Person, labelId: string | null) {
  const actor = actorOf(person);
  const line = (kind: Prisma.Sql, detail: Prisma.Sql = Prisma.sql`'{}'::jsonb`) => Prisma.sql`
    INSERT INTO conversation_activities (id, account_id, conversation_id, actor_id, actor_name, kind, detail)
    SELECT gen_random_uuid()::text, i.account_id, i.conversation_id, ${actor.userId}, ${actor.name}, ${kind}, ${detail}
    FROM items i`;
  switch (kind) {
    case "done":
      // A wait that started again since (the customer wrote) is kept; the earlier one wins.
      await tx.$executeRaw`WITH items AS (${changedItems(id, person)})
        UPDATE conversations c SET done_at = i.prev_done_at,
          awaiting_reply_since = LEAST(c.awaiting_reply_since, i.prev_awaiting_reply_since),
          callback_since = LEAST(c.callback_since, i.prev_callback_since)
        FROM items i WHERE c.id = i.conversation_id`;
      await tx.$executeRaw`WITH items AS (${changedItems(id, person)}) ${line(Prisma.sql`'reopened'`)}`;
      return;
    case "assign":
      // Back to whoever had it, unless they have left the account since (then to nobody); the
      // line names whoever has it now, in the same statement.
      await tx.$executeRaw`WITH items AS (${changedItems(id, person)}),
        restored AS (
          UPDATE conversations c SET assignee_id = CASE WHEN EXISTS (
              SELECT 1 FROM users u WHERE u.id = i.prev_assignee_id AND (u.is_admin OR EXISTS (
                SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.account_id = c.account_id)))
            THEN i.prev_assignee_id END
          FROM items i WHERE c.id = i.conversation_id
          RETURNING c.id, c.account_id, c.assignee_id)
        INSERT INTO conversation_activities (id, account_id, conversation_id, actor_id, actor_name, kind, detail)
        SELECT gen_random_uuid()::text, r.account_id, r.id, ${actor.userId}, ${actor.name},
          CASE WHEN u.id IS NULL THEN 'unassigned' ELSE 'assigned' END,
          CASE WHEN u.id IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('assigneeName', COALESCE(NULLIF(u.name, ''), u.email)) END
        FROM restored r LEFT JOIN users u ON u.id = r.assignee_id`;
      return;
    case "label":
    case "unlabel": {
      const label = labelId ? await tx.label.findUnique({ where: { id: labelId }, select: { name: true } }) : null;
      if (!label) throw new HttpError(410, "that label was deleted: there is nothing to put back");
      const detail = Prisma.sql`jsonb_build_object('labelName', ${label.name}::text)`;
      if (kind === "label") {
        await tx.$executeRaw`WITH items AS (${changedItems(id, person)})
          DELETE FROM conversation_labels cl USING items i WHERE cl.conversation_id = i.conversation_id AND cl.label_id = ${labelId}`;
        await tx.$executeRaw`WITH items AS (${changedItems(id, person)}) ${line(Prisma.sql`'unlabeled'`, detail)}`;
      } else {
        await tx.$executeRaw`WITH items AS (${changedItems(id, person)})
          INSERT INTO conversation_labels (conversation_id, label_id) SELECT i.conversation_id, ${labelId} FROM items i
          ON CONFLICT DO NOTHING`;
        await tx.$executeRaw`WITH items AS (${changedItems(id, person)}) ${line(Prisma.sql`'labeled'`, detail)}`;
      }
      return;
    }
    case "snooze":
      await tx.$executeRaw`WITH items AS (${changedItems(id, person)})
        UPDATE conversations c SET snoozed_until = i.prev_snoozed_until, snoozed_at = i.prev_snoozed_at
        FROM items i WHERE c.id = i.conversation_id`;
      // The snooze each one had before is running again (its own wake-up job still waits for it).
      await tx.$executeRaw`WITH items AS (SELECT i.*, i.prev_snoozed_until > now() AS running FROM (${changedItems(id, person)}) i)
        ${line(
          Prisma.sql`CASE WHEN i.running THEN 'snoozed' ELSE 'unsnoozed' END`,
          Prisma.sql`CASE WHEN i.running THEN jsonb_build_object('until', to_char(i.prev_snoozed_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ELSE '{}'::jsonb END`,
        )}`;
      return;
    case "read":
    case "unread":
      await tx.$executeRaw`WITH items AS (${changedItems(id, person)})
        DELETE FROM conversation_reads r USING items i
        WHERE r.user_id = ${person.userId} AND r.conversation_id = i.conversation_id AND NOT i.prev_read_row`;
      await tx.$executeRaw`WITH items AS (${changedItems(id, person)})
        UPDATE conversation_reads r SET read_at = i.prev_read_at, marked_unread = i.prev_marked_unread
        FROM items i WHERE r.user_id = ${person.userId} AND r.conversation_id = i.conversation_id AND i.prev_read_row`;
      return;
  }
}

export async function undoBulkAction(person: Person, id: string): Promise<BulkUndoResult> {
  const prisma = await getPrisma();
  const result = await prisma.$transaction(
    async (tx) => {
      const [action] = await tx.$queryRaw<
        Array<{ kind: string; detail: unknown; undone_at: Date | null; age_ms: number; changed: number }>
      >`SELECT a.kind, a.detail, a.undone_at, (extract(epoch FROM now() - a.created_at) * 1000)::float8 AS age_ms,
          a.changed
        FROM bulk_actions a WHERE a.id = ${id} AND a.user_id = ${person.userId} FOR UPDATE`;
      // Someone else's bulk action is not theirs to undo, nor to learn of.
      if (!action) throw new NotFoundError("bulk action");
      if (action.undone_at) throw new HttpError(409, "this was already undone");
      if (action.age_ms > BULK_UNDO_WINDOW_MS)
        throw new HttpError(410, "too late to undo: Undo works for a minute after the action");
      const kind = bulkKindSchema.parse(action.kind);
      const locked = await tx.$queryRaw<Array<{ conversation_id: string; account_id: string }>>`
        SELECT c.id AS conversation_id, c.account_id FROM bulk_action_items i JOIN conversations c ON c.id = i.conversation_id
        WHERE i.bulk_action_id = ${id} AND i.changed AND ${accountCondition(person.scope, Prisma.sql`c.account_id`)}
        ORDER BY c.id FOR UPDATE OF c`;
      const detail = action.detail as { labelId?: unknown } | null;
      await restore(tx, kind, id, person, typeof detail?.labelId === "string" ? detail.labelId : null);
      if (kind === "assign") await syncAssignments(tx, id);
      await tx.bulkAction.update({ where: { id }, data: { undoneAt: new Date() } });
      return { kind, locked, changed: action.changed };
    },
    { timeout: 30_000 },
  );
  if (result.kind !== "read" && result.kind !== "unread") {
    const byAccount = new Map<string, string[]>();
    for (const row of result.locked)
      byAccount.set(row.account_id, [...(byAccount.get(row.account_id) ?? []), row.conversation_id]);
    for (const [accountId, ids] of byAccount) publishConversationChanges(accountId, ids);
  }
  return { id, restored: result.locked.length, gone: result.changed - result.locked.length };
}
