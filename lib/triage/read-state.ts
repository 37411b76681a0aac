import { accountCondition, accountWhere, type AccountScope } from "@/lib/access/scope";
import type { Viewer } from "@/lib/access/viewer";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

// Read state is per person: a conversation is unread for me when a customer message is newer
// than both my own read and HighLevel's "read" (ConversationUnreadUpdate, read for everyone up
// to that moment), or when I marked it unread. An API token has no person: only HighLevel's read
// counts for it, which is the shared unread count.

/** Whose read state a query uses: a signed-in person's id, or null for an API token. */
export type ReaderId = string | null;

const myRead = (reader: ReaderId, column: Prisma.Sql) =>
  Prisma.sql`(SELECT r.${column} FROM conversation_reads r WHERE r.user_id = ${reader} AND r.conversation_id = c.id)`;

/** The time up to which conversation `c` is read for the reader (null: never). */
const readUpTo = (reader: ReaderId) => Prisma.sql`GREATEST(${myRead(reader, Prisma.raw("read_at"))}, c.read_by_all_at)`;

/** SQL: is conversation `c` unread for the reader. Self-contained (no joins) so any query can use it. */
export const unreadFor = (reader: ReaderId) => Prisma.sql`(
  COALESCE(${myRead(reader, Prisma.raw("marked_unread"))}, false)
  OR c.last_inbound_at > COALESCE(${readUpTo(reader)}, '-infinity'::timestamptz))`;

/** Counting stops here: a list row needs "many", not the exact size of a 10,000-message backlog. */
export const UNREAD_COUNT_CAP = 100;

/** SQL: the reader's count of unread customer messages in `c`, 1 to UNREAD_COUNT_CAP when unread (marked unread counts 1). */
export const unreadCountFor = (reader: ReaderId) => Prisma.sql`CASE WHEN ${unreadFor(reader)} THEN GREATEST(1, (
  SELECT count(*) FROM (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'inbound'
    AND m.sent_at > COALESCE(${readUpTo(reader)}, '-infinity'::timestamptz) LIMIT ${UNREAD_COUNT_CAP}) capped))::int ELSE 0 END`;

async function inScope(db: Db, scope: AccountScope, id: string) {
  return db.conversation.findFirst({ where: { id, ...accountWhere(scope) }, select: { id: true } });
}

/**
 * Opening a conversation marks it read for that person only, up to now (or its newest customer
 * message, should the provider's clock run ahead), and sees the notes' mentions of them in it
 * (lib/team/notes.ts). One statement: it runs on every open. How many mentions it saw (the page's
 * Mentions count goes down when there were), or null when there is no such conversation in scope.
 */
export async function markReadFor(db: Db, scope: AccountScope, userId: string, id: string): Promise<number | null> {
  const rows = await db.$queryRaw<{ seen: number }[]>`
    WITH target AS (
      SELECT c.id, c.last_inbound_at FROM conversations c
      WHERE c.id = ${id} AND ${accountCondition(scope, Prisma.sql`c.account_id`)}
    ), marked AS (
      INSERT INTO conversation_reads (user_id, conversation_id, read_at, marked_unread)
      SELECT ${userId}, t.id, GREATEST(now(), t.last_inbound_at), false FROM target t
      ON CONFLICT (user_id, conversation_id) DO UPDATE SET read_at = EXCLUDED.read_at, marked_unread = false
    ), seen AS (
      UPDATE note_mentions SET seen_at = now()
      WHERE user_id = ${userId} AND conversation_id IN (SELECT t.id FROM target t) AND seen_at IS NULL
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM seen)::int AS seen FROM target t`;
  return rows[0]?.seen ?? null;
}

/** "u": unread again for that person only, until they open it. */
export async function markUnreadFor(db: Db, scope: AccountScope, userId: string, id: string): Promise<boolean> {
  if (!(await inScope(db, scope, id))) return false;
  await db.$executeRaw`
    INSERT INTO conversation_reads (user_id, conversation_id, read_at, marked_unread)
    VALUES (${userId}, ${id}, '-infinity'::timestamptz, true)
    ON CONFLICT (user_id, conversation_id) DO UPDATE SET marked_unread = true`;
  return true;
}

/** The person whose read state applies to a viewer: none for an API token. */
export const readerOf = (viewer: Viewer): ReaderId => (viewer.kind === "user" ? viewer.userId : null);
