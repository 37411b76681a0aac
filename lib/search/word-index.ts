import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

// A catalog question and a SQL fragment whose accounts the caller gives: so it lives beside search,
// not among the account-scoped queries of lib/inbox (scripts/scoped-queries.test.ts).
// Whether the messages' word index also holds the account (migration 20261209010100, where
// PostgreSQL has btree_gin). With it, a search names its accounts beside the word and the index
// reads only their entries. Without it (PGlite, which loads no extension), naming the accounts lets
// the planner AND the word's few entries with a bitmap of the account's every message
// (messages_account_id_sent_at_idx: 22 ms for a word in 3 messages at 1M), so the search takes
// the word's matches first and drops the other accounts' rows instead. Same answers either way.

let cache = new WeakMap<object, Promise<boolean>>();

/** Asks the catalog again (a test that has just created or dropped the index). */
export function forgetWordIndex() {
  cache = new WeakMap();
}

/** Whether messages_account_search_gin exists: asked once per database handle. */
export function hasAccountWordIndex(db: Db): Promise<boolean> {
  const known = cache.get(db);
  if (known) return known;
  const asked = db.$queryRaw<
    Array<{ present: boolean }>
  >`SELECT to_regclass('messages_account_search_gin') IS NOT NULL AS present`
    .then(([row]) => row?.present === true)
    .catch(() => false);
  cache.set(db, asked);
  return asked;
}

/**
 * The messages of the viewer's accounts (`inScope`, on `account_id`) holding the words: a FROM
 * item `matched` with `columns`, and the condition on it that keeps the viewer's accounts. With
 * the account in the word index, both go to the index, which reads only the viewer's entries: `deductible`, in 7,000 of 1M
 * messages, is 956 rows of one account (934 buffers) where every account's were 6,990 (5,499).
 * OFFSET 0 keeps the caller's further conditions (a page's conversations) off the index. Without
 * the account in the index, it keeps the account test off it too: the planner ANDed the word's few
 * index entries with a bitmap of the account's every message (130,000 in the bench: 22 ms for a
 * word in 3 messages, 60 ms for one in 7,000) where checking the matches' rows costs less.
 */
export async function wordMatches(db: Db, columns: Prisma.Sql, inScope: Prisma.Sql, tsQuery: string) {
  const words = Prisma.sql`search_vector @@ to_tsquery('simple', ${tsQuery})`;
  return (await hasAccountWordIndex(db))
    ? {
        from: Prisma.sql`(SELECT ${columns} FROM messages WHERE ${inScope} AND ${words} OFFSET 0) matched`,
        where: Prisma.sql`TRUE`,
      }
    : {
        from: Prisma.sql`(SELECT ${columns}, account_id FROM messages WHERE ${words} OFFSET 0) matched`,
        where: inScope,
      };
}

/**
 * The newest message holding the words in each conversation of the viewer's accounts (`inScope`,
 * on `account_id`), by conversation id: a rare word's conversations and, for the listed ones, the
 * message its hit opens at, from one read of the word's rows.
 */
export async function newestMatchPerConversation(
  db: Db,
  inScope: Prisma.Sql,
  tsQuery: string,
): Promise<ReadonlyMap<string, string>> {
  const matched = await wordMatches(db, Prisma.sql`id, conversation_id, sent_at`, inScope, tsQuery);
  const rows = await db.$queryRaw<Array<{ conversation_id: string; id: string }>>`
    SELECT DISTINCT ON (conversation_id) conversation_id, id FROM ${matched.from} WHERE ${matched.where}
    ORDER BY conversation_id, sent_at DESC, id DESC`;
  return new Map(rows.map((row) => [row.conversation_id, row.id]));
}
