import type { RootDb } from "@/lib/db/client";
import { accountCondition, type AccountScope } from "@/lib/access/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/http/errors";
import { publishPresence } from "@/lib/live/bus";

// Collision warnings (issue #24 item 5): who else has a conversation open and who is typing a
// reply in it. Each open page sends a heartbeat every few seconds and gets back who else is
// there; a row not refreshed for PRESENCE_TTL_SECONDS is someone who closed the tab. A heartbeat
// that changes what others see (someone arrives, starts or stops typing, leaves) nudges the
// other pages over the live channel, so they ask at once instead of at their next beat.

export const PRESENCE_TTL_SECONDS = 15;

export interface PresentPerson {
  id: string;
  name: string;
  typing: boolean;
}

type Row = { id: string; name: string; email: string; typing: boolean };

async function othersIn(db: RootDb, conversationId: string, userId: string): Promise<PresentPerson[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT u.id, u.name, u.email, p.typing FROM conversation_presence p JOIN users u ON u.id = p.user_id
    WHERE p.conversation_id = ${conversationId} AND p.user_id <> ${userId}
      AND p.seen_at > now() - make_interval(secs => ${PRESENCE_TTL_SECONDS})
    ORDER BY u.name, u.id`;
  return rows.map((row) => ({ id: row.id, name: row.name || row.email, typing: row.typing }));
}

/** The page of `userId` has the conversation open (typing or not): records it, answers who else is there. */
export async function heartbeat(
  db: RootDb,
  conversationId: string,
  scope: AccountScope,
  userId: string,
  typing: boolean,
): Promise<PresentPerson[]> {
  const [conversation] = await db.$queryRaw<Array<{ account_id: string }>>`
    SELECT c.account_id FROM conversations c
    WHERE c.id = ${conversationId} AND ${accountCondition(scope, Prisma.sql`c.account_id`)}`;
  if (!conversation) throw new NotFoundError("conversation");
  // `changed`: new here (or back after the TTL), or typing flipped; a plain beat changes nothing.
  const [row] = await db.$queryRaw<Array<{ changed: boolean }>>`
    WITH before AS (
      SELECT typing, seen_at > now() - make_interval(secs => ${PRESENCE_TTL_SECONDS}) AS fresh
      FROM conversation_presence WHERE conversation_id = ${conversationId} AND user_id = ${userId})
    INSERT INTO conversation_presence (conversation_id, user_id, account_id, typing, seen_at)
    VALUES (${conversationId}, ${userId}, ${conversation.account_id}, ${typing}, now())
    ON CONFLICT (conversation_id, user_id) DO UPDATE SET typing = EXCLUDED.typing, seen_at = EXCLUDED.seen_at
    RETURNING NOT COALESCE((SELECT fresh AND typing = ${typing} FROM before), false) AS changed`;
  if (row?.changed) publishPresence(conversation.account_id, conversationId);
  return othersIn(db, conversationId, userId);
}

/** The page closed the conversation: gone for the others at once, not after the TTL. */
export async function leave(db: RootDb, conversationId: string, scope: AccountScope, userId: string): Promise<void> {
  const gone = await db.$queryRaw<Array<{ account_id: string }>>`
    DELETE FROM conversation_presence p
    WHERE p.conversation_id = ${conversationId} AND p.user_id = ${userId}
      AND ${accountCondition(scope, Prisma.sql`p.account_id`)}
    RETURNING p.account_id`;
  if (gone[0]) publishPresence(gone[0].account_id, conversationId);
}
