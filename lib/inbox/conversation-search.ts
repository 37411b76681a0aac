import { accountCondition, type AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { likeEscape, phoneDigits, toPrefixTsQuery } from "@/lib/inbox/search-terms";
import { cutSnippet, searchWords, wordsFound } from "@/lib/search/snippet";

// Conversation search: which conversations match a query, as SQL that listConversations wraps
// with its own filters, ordering and page. Measured in docs/benchmarks.md ("Search").

// Above this many matching messages a word is "common": walking conversations newest-first
// finds a page of matches at once. Below it, collecting the matches first is cheaper.
const COMMON_WORD_MATCHES = 2_000;

/**
 * A search, as CTEs plus one ordered, limited branch per way of matching. PostgreSQL misjudges
 * how many messages a prefix query matches, so the app measures it with a capped count and
 * picks the plan: rare words collect their conversations from the full-text index first;
 * common words walk conversations newest-first and stop at the page size.
 *
 * Every part starts from the viewer's accounts: customers and messages of other accounts are
 * never read, so they can neither slow a search down nor tip the plan (one account's 100,000
 * customers made another's `q=a` take 165 ms when customer_hits scanned them all).
 */
export async function searchPlan(
  db: Db,
  scope: AccountScope,
  q: string,
  filters: Prisma.Sql,
  take: number,
  order = Prisma.sql`c.last_message_at DESC, c.id DESC`,
) {
  const tsQuery = toPrefixTsQuery(q);
  const like = `%${likeEscape(q.toLowerCase())}%`;
  const digits = phoneDigits(q);
  const inScope = accountCondition(scope, Prisma.sql`account_id`);
  const branch = (condition: Prisma.Sql) => Prisma.sql`
    (SELECT c.id FROM conversations c WHERE ${filters} AND ${condition}
     ORDER BY ${order} LIMIT ${take})`;
  const ctes = [
    Prisma.sql`customer_hits AS MATERIALIZED (
      SELECT cs.id FROM customers cs
      WHERE ${accountCondition(scope, Prisma.sql`cs.account_id`)} AND (lower(coalesce(cs.name, '') || ' ' || coalesce(cs.first_name, '') || ' ' || coalesce(cs.last_name, '')) LIKE ${like}
         OR cs.email_normalized LIKE ${like}
         OR lower(cs.phone) LIKE ${like}
         ${digits ? Prisma.sql`OR cs.phone_e164 LIKE ${`%${digits}%`}` : Prisma.empty}))`,
  ];
  const branches = [branch(Prisma.sql`c.customer_id IN (SELECT id FROM customer_hits)`)];
  let commonWord = false;
  if (tsQuery) {
    // Internal notes match like messages (issue #24); an account has few, so they are collected first.
    ctes.push(Prisma.sql`note_hits AS MATERIALIZED (
      SELECT DISTINCT conversation_id FROM conversation_notes
      WHERE ${inScope} AND to_tsvector('simple'::regconfig, text) @@ to_tsquery('simple', ${tsQuery}))`);
    branches.push(branch(Prisma.sql`c.id IN (SELECT conversation_id FROM note_hits)`));
    // HighLevel's notes about a customer find the customer's conversations (the thread shows them).
    ctes.push(Prisma.sql`customer_note_hits AS MATERIALIZED (
      SELECT DISTINCT customer_id FROM customer_notes
      WHERE ${inScope} AND deleted_at IS NULL AND customer_id IS NOT NULL
        AND to_tsvector('simple'::regconfig, coalesce(body, '')) @@ to_tsquery('simple', ${tsQuery}))`);
    branches.push(branch(Prisma.sql`c.customer_id IN (SELECT customer_id FROM customer_note_hits)`));
    const [probe] = await db.$queryRaw<Array<{ matches: number }>>`
      SELECT count(*)::int AS matches FROM (
        SELECT 1 FROM messages WHERE ${inScope} AND search_vector @@ to_tsquery('simple', ${tsQuery})
        LIMIT ${COMMON_WORD_MATCHES}) s`;
    commonWord = (probe?.matches ?? 0) >= COMMON_WORD_MATCHES;
    if (!commonWord) {
      ctes.push(Prisma.sql`message_hits AS MATERIALIZED (
        SELECT DISTINCT conversation_id FROM messages
        WHERE ${inScope} AND search_vector @@ to_tsquery('simple', ${tsQuery}))`);
      branches.push(branch(Prisma.sql`c.id IN (SELECT conversation_id FROM message_hits)`));
    } else {
      branches.push(
        branch(Prisma.sql`EXISTS (
        SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.search_vector @@ to_tsquery('simple', ${tsQuery}))`),
      );
    }
  }
  return {
    with: Prisma.sql`WITH ${Prisma.join(ctes, ", ")}`,
    where: Prisma.sql`c.id IN (SELECT id FROM (${Prisma.join(branches, " UNION ")}) matched)`,
    /** The probe found the word in many messages: searchHits walks each conversation instead. */
    commonWord,
  };
}

/** Where in a conversation a search matched: said under the list row's snippet ("in transcript"). */
export type SearchHitPlace = "message" | "subject" | "summary" | "transcript" | "note";

/** Where a search matched in a listed conversation: the newest matching message or note, to open the thread at. */
export interface SearchHit {
  /** The thread row to open at: the message's id, or a note's row key (`internal-note-<id>`, `note-<id>`). */
  messageId: string;
  where: SearchHitPlace;
  /** The words around the match, cut so the matched word shows (lib/search/snippet.ts). */
  excerpt: string | null;
}

type HitRow = {
  conversation_id: string;
  id: string;
  subject: string | null;
  body_text: string | null;
  call_summary: string | null;
  transcript_text: string | null;
};

/** The part of a message with the most of the search's words (the body first on a tie). */
function messageHit(row: HitRow, words: string[]): SearchHit {
  const parts = [
    ["message", row.body_text],
    ["subject", row.subject],
    ["summary", row.call_summary],
    ["transcript", row.transcript_text],
  ] as const;
  let best: { where: SearchHitPlace; text: string; found: number } | null = null;
  for (const [where, text] of parts) {
    const found = text ? wordsFound(text, words) : 0;
    if (text && found > (best?.found ?? 0)) best = { where, text, found };
  }
  return {
    messageId: row.id,
    where: best?.where ?? "message",
    excerpt: best ? cutSnippet(best.text, words) : null,
  };
}

/** Messages of a conversation looked at newest-first before asking the full-text index. */
const HIT_WINDOW = 20;

/**
 * The matching message of each listed conversation, so a hit in a call's transcript opens the
 * thread at that call. The full-text index finds a rare word's few messages at once. For a
 * common word (`commonWord`, from searchPlan's probe) one index query over the page's large
 * conversations reads hundreds of thousands of index entries or the whole table (650 ms at
 * 100,000 messages with call transcripts, 441 ms at 1M), while walking every message of each
 * conversation costs as much for a word that is common overall but rare in each conversation
 * (1.7 s at 1M; docs/benchmarks.md "Search with transcripts"). So each conversation's newest
 * HIT_WINDOW messages are checked first (a dense word is found there), and only the
 * conversations without a match there go to the index.
 */
export async function searchHits(
  db: Db,
  scope: AccountScope,
  conversationIds: string[],
  q: string,
  commonWord = false,
) {
  const hits = new Map<string, SearchHit>();
  const tsQuery = toPrefixTsQuery(q);
  if (!tsQuery || conversationIds.length === 0) return hits;
  const inScope = accountCondition(scope, Prisma.sql`m.account_id`);
  const fromIndex = (ids: string[]) => db.$queryRaw<HitRow[]>`
    SELECT DISTINCT ON (m.conversation_id) m.conversation_id, m.id, m.subject, m.body_text, m.call_summary, m.transcript_text
    FROM messages m
    WHERE m.conversation_id = ANY(${ids}::text[]) AND ${inScope}
      AND m.search_vector @@ to_tsquery('simple', ${tsQuery})
    ORDER BY m.conversation_id, m.sent_at DESC, m.id DESC`;
  let rows: HitRow[];
  if (commonWord) {
    rows = await db.$queryRaw<HitRow[]>`
      SELECT listed.conversation_id, w.id, w.subject, w.body_text, w.call_summary, w.transcript_text
      FROM unnest(${conversationIds}::text[]) AS listed(conversation_id)
      CROSS JOIN LATERAL (
        SELECT w.id, w.subject, w.body_text, w.call_summary, w.transcript_text FROM (
          SELECT m.id, m.sent_at, m.subject, m.body_text, m.call_summary, m.transcript_text, m.search_vector FROM messages m
          WHERE m.conversation_id = listed.conversation_id AND ${inScope}
          ORDER BY m.sent_at DESC, m.id DESC LIMIT ${HIT_WINDOW}) w
        WHERE w.search_vector @@ to_tsquery('simple', ${tsQuery})
        ORDER BY w.sent_at DESC, w.id DESC LIMIT 1) w`;
    const found = new Set(rows.map((row) => row.conversation_id));
    const rest = conversationIds.filter((id) => !found.has(id));
    if (rest.length > 0) rows = [...rows, ...(await fromIndex(rest))];
  } else {
    rows = await fromIndex(conversationIds);
  }
  const words = searchWords(q);
  for (const row of rows) hits.set(row.conversation_id, messageHit(row, words));
  const rest = conversationIds.filter((id) => !hits.has(id));
  if (rest.length > 0) for (const [id, hit] of await noteHits(db, scope, rest, tsQuery, words)) hits.set(id, hit);
  return hits;
}

/**
 * The newest matching note of conversations no message matched: an internal note of the
 * conversation, else a HighLevel note about its customer. Both word indexes answer for the page's
 * few conversations (conversation_notes_search_gin, customer_notes_search_gin).
 */
async function noteHits(db: Db, scope: AccountScope, conversationIds: string[], tsQuery: string, words: string[]) {
  const internal = await db.$queryRaw<Array<{ conversation_id: string; id: string; text: string }>>`
    SELECT DISTINCT ON (n.conversation_id) n.conversation_id, n.id, n.text FROM conversation_notes n
    WHERE n.conversation_id = ANY(${conversationIds}::text[]) AND ${accountCondition(scope, Prisma.sql`n.account_id`)}
      AND to_tsvector('simple'::regconfig, n.text) @@ to_tsquery('simple', ${tsQuery})
    ORDER BY n.conversation_id, n.created_at DESC, n.id DESC`;
  const hits = new Map<string, SearchHit>(
    internal.map((note) => [
      note.conversation_id,
      { messageId: `internal-note-${note.id}`, where: "note", excerpt: cutSnippet(note.text, words) },
    ]),
  );
  const rest = conversationIds.filter((id) => !hits.has(id));
  if (rest.length === 0) return hits;
  const customer = await db.$queryRaw<Array<{ conversation_id: string; id: string; body: string }>>`
    SELECT DISTINCT ON (c.id) c.id AS conversation_id, n.id, n.body
    FROM conversations c JOIN customer_notes n ON n.customer_id = c.customer_id
    WHERE c.id = ANY(${rest}::text[]) AND ${accountCondition(scope, Prisma.sql`n.account_id`)}
      AND n.deleted_at IS NULL AND n.added_at IS NOT NULL
      AND to_tsvector('simple'::regconfig, coalesce(n.body, '')) @@ to_tsquery('simple', ${tsQuery})
    ORDER BY c.id, n.added_at DESC, n.id DESC`;
  for (const note of customer)
    hits.set(note.conversation_id, {
      messageId: `note-${note.id}`,
      where: "note",
      excerpt: cutSnippet(note.body, words),
    });
  return hits;
}
