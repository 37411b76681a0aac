import { accountCondition, type AccountScope } from "@/lib/access/scope";
import type { RootDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { publishConversationChanges } from "@/lib/live/bus";
import type { Actor } from "@/lib/team/actor";
import { recordActivity } from "@/lib/team/activity";
import { recomputeTriage } from "./rules";

// Done is the account's, not a person's: a done conversation leaves Needs reply and Callbacks
// until the customer writes or calls again (an inbound message newer than done_at).

/** SQL: conversation `c` is done (marked done and no customer message since). */
export const isDone = Prisma.sql`(c.done_at IS NOT NULL AND c.done_at >= COALESCE(c.last_inbound_at, '-infinity'::timestamptz))`;

/** Marks done: clears both waits now; only later customer messages and calls start new ones. */
export async function markDone(db: RootDb, scope: AccountScope, id: string, actor?: Actor): Promise<boolean> {
  const rows = await db.$transaction(async (tx) => {
    const done = await tx.$queryRaw<Array<{ account_id: string }>>`
      UPDATE conversations c SET done_at = GREATEST(now(), c.last_inbound_at), awaiting_reply_since = NULL, callback_since = NULL
      WHERE c.id = ${id} AND ${accountCondition(scope, Prisma.sql`c.account_id`)}
      RETURNING c.account_id`;
    if (done[0] && actor)
      await recordActivity(tx, { accountId: done[0].account_id, conversationId: id, actor, kind: "done" });
    return done;
  });
  return changed(id, rows);
}

/** Done is shared: colleagues' open lists and counts refresh (GET /api/live). */
function changed(id: string, rows: Array<{ account_id: string }>): boolean {
  const [row] = rows;
  if (row) publishConversationChanges(row.account_id, [id]);
  return Boolean(row);
}

/** Undoes done: the waits come back as the messages say (recomputed from them). */
export async function reopen(db: RootDb, scope: AccountScope, id: string, actor?: Actor): Promise<boolean> {
  const rows = await db.$transaction(async (tx) => {
    const reopened = await tx.$queryRaw<Array<{ account_id: string }>>`
      UPDATE conversations c SET done_at = NULL WHERE c.id = ${id} AND ${accountCondition(scope, Prisma.sql`c.account_id`)}
      RETURNING c.account_id`;
    if (reopened[0]) {
      await recomputeTriage(tx, scope, id);
      if (actor)
        await recordActivity(tx, { accountId: reopened[0].account_id, conversationId: id, actor, kind: "reopened" });
    }
    return reopened;
  });
  return changed(id, rows);
}
