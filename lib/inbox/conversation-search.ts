import { accountCondition, type AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { likeEscape, phoneDigits, toPrefixTsQuery } from "@/lib/inbox/search-terms";
import { estimatedMatches } from "@/lib/search/word-frequency";
import { cutSnippet, searchWords, wordsFound } from "@/lib/search/snippet";
import { newestMatchPerConversation } from "@/lib/search/word-index";

// Conversation search: which conversations match a query, as SQL that listConversations wraps
// with its own filters, ordering and page. Measured in docs/benchmarks.md ("Search").

// Above this many matching messages in the viewer's accounts a word is "common": walking
// conversations newest-first finds a page of matches at once. Below it, collecting the matches
// first is cheaper.
const COMMON_WORD_MATCHES = 2_000;
// The same line from the statistics, over every account's messages: collecting reads every
// account's matches from the full-text index (`deductible`, in 7,000 of 1M messages, 5.7 % of
// conversations, costs 1 s to walk and a few ms to collect; `appointment`, in 300,000, the reverse).
const COMMON_WORD_ESTIMATE = 20_000;
// Or in this share of all messages: a page of matches is then a few conversations away, at any size.
const COMMON_WORD_SHARE = 0.2;

/**
 * Whether a word is common, from PostgreSQL's statistics when they can tell (no query), else
 * measured with a capped count (a small or never-analysed database, where that count is cheap).
 */
async function isCommonWord(db: Db, inScope: Prisma.Sql, q: string, tsQuery: string): Promise<boolean> {
  const estimate = await estimatedMatches(db, searchWords(q));
  if (estimate !== null) return estimate.matches >= Math.min(COMMON_WORD_ESTIMATE, COMMON_WORD_SHARE * estimate.rows);
  const [probe] = await db.$queryRaw<Array<{ matches: number }>>`
    SELECT count(*)::int AS matches FROM (
      SELECT 1 FROM messages WHERE ${inScope} AND search_vector @@ to_tsquery('simple', ${tsQuery})
      LIMIT ${COMMON_WORD_MATCHES}) s`;
  return (probe?.matches ?? 0) >= COMMON_WORD_MATCHES;
}

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
    // Not materialised: inlined, the planner sees how many customers match (a CTE counts as 200),
    // so a fragment in every name (`a`: 12,500 customers) walks the conversations newest-first
    // instead of probing each customer's conversations and sorting them (540 ms under load).
    Prisma.sql`customer_hits AS NOT MATERIALIZED (
      SELECT cs.id FROM customers cs
      WHERE ${accountCondition(scope, Prisma.sql`cs.account_id`)} AND (lower(coalesce(cs.name, '') || ' ' || coalesce(cs.first_name, '') || ' ' || coalesce(cs.last_name, '')) LIKE ${like}
         OR cs.email_normalized LIKE ${like}
         OR lower(cs.phone) LIKE ${like}
         ${digits ? Prisma.sql`OR cs.phone_e164 LIKE ${`%${digits}%`}` : Prisma.empty}))`,
  ];
  const branches = [branch(Prisma.sql`c.customer_id IN (SELECT id FROM customer_hits)`)];
  let commonWord = false;
  let messageHits: ReadonlyMap<string, string> | null = null;
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
    commonWord = await isCommonWord(db, inScope, q, tsQuery);
    if (!commonWord) {
      // Read once: the conversations, and each one's newest match for searchHits (it read the
      // word's rows again: 934 more buffers for `deductible`, one account at 1M).
      messageHits = await newestMatchPerConversation(db, inScope, tsQuery);
      // The ids as an array the planner sees (a CTE of them counted as 200 rows): it walks the
      // account's conversations newest-first and keeps the matched ones until the page is full
      // (`deductible` at 1M: 256 index entries read, where a hash join read all 12,385).
      branches.push(branch(Prisma.sql`c.id = ANY(${[...messageHits.keys()]}::text[])`));
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
    /** A rare word's newest matching message of each conversation (by conversation id), for searchHits. */
    messageHits,
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

/**
 * The matching message of each listed conversation, so a hit in a call's transcript opens the
 * thread at that call. The full-text index finds a rare word's few messages at once. For a
 * common word (`commonWord`, from searchPlan) one index query over the page's conversations
 * reads the whole word's index entries, every account's (314,697 for `appointment` at 1M: 235 ms),
 * so each listed conversation is walked newest-first to its first match instead: a common word is
 * found within a few messages, and the walk stops there (an index scan on the conversation's
 * messages with LIMIT 1; an earlier version looked at a window of the newest 20 first, which the
 * planner read with a bitmap over the whole conversation and a sort: 45 ms for a page).
 */
export async function searchHits(
  db: Db,
  scope: AccountScope,
  conversationIds: string[],
  q: string,
  commonWord = false,
  messageHits: ReadonlyMap<string, string> | null = null,
) {
  const hits = new Map<string, SearchHit>();
  const tsQuery = toPrefixTsQuery(q);
  if (!tsQuery || conversationIds.length === 0) return hits;
  const inScope = accountCondition(scope, Prisma.sql`m.account_id`);
  let rows: HitRow[];
  if (commonWord) {
    const walked = await walkNewestFirst(db, inScope, conversationIds, tsQuery);
    const deeper = conversationIds.filter((id) => walked.unfinished.has(id));
    rows = deeper.length > 0 ? [...walked.rows, ...(await newestMatches(db, inScope, deeper, tsQuery))] : walked.rows;
  } else {
    // A rare word's few index entries first (wordMatches, unless searchPlan read them already):
    // ANDed with the page's conversations' index entries (20,000 rows for a page of large ones) it cost 26 ms.
    const newest =
      messageHits ?? (await newestMatchPerConversation(db, accountCondition(scope, Prisma.sql`account_id`), tsQuery));
    const ids = conversationIds.flatMap((id) => newest.get(id) ?? []);
    rows =
      ids.length === 0
        ? []
        : await db.$queryRaw<HitRow[]>`
      SELECT m.conversation_id, m.id, m.subject, m.body_text, m.call_summary, m.transcript_text
      FROM messages m WHERE m.id = ANY(${ids}::text[]) AND ${inScope}`;
  }
  const words = searchWords(q);
  for (const row of rows) hits.set(row.conversation_id, messageHit(row, words));
  const rest = conversationIds.filter((id) => !hits.has(id));
  if (rest.length > 0) for (const [id, hit] of await noteHits(db, scope, rest, tsQuery, words)) hits.set(id, hit);
  return hits;
}

/** Messages of a conversation walked newest-first before asking the full-text index. */
const HIT_WALK = 200;

/**
 * Each conversation's newest matching message, found by stepping back one message at a time
 * (one index probe per step on (conversation_id, sent_at, id)) until a match or HIT_WALK steps.
 * A plain `ORDER BY sent_at DESC LIMIT 1` with the match as a filter is read by the planner as a
 * bitmap over the whole conversation plus a sort (it misjudges how often a prefix query matches),
 * which checks every message's vector: 70 ms for a page of `appointment` at 1M. Conversations
 * that reach HIT_WALK without a match come back in `unfinished`, for the index.
 */
async function walkNewestFirst(db: Db, inScope: Prisma.Sql, conversationIds: string[], tsQuery: string) {
  const steps = await db.$queryRaw<Array<HitRow & { hit: boolean; depth: number }>>`
    WITH RECURSIVE walk AS (
      SELECT listed.conversation_id, m.id, m.sent_at, m.search_vector @@ to_tsquery('simple', ${tsQuery}) AS hit, 1 AS depth
      FROM unnest(${conversationIds}::text[]) AS listed(conversation_id)
      CROSS JOIN LATERAL (
        SELECT m.id, m.sent_at, m.search_vector FROM messages m
        WHERE m.conversation_id = listed.conversation_id AND ${inScope}
        ORDER BY m.sent_at DESC, m.id DESC LIMIT 1) m
      UNION ALL
      SELECT w.conversation_id, m.id, m.sent_at, m.search_vector @@ to_tsquery('simple', ${tsQuery}), w.depth + 1
      FROM walk w
      CROSS JOIN LATERAL (
        SELECT m.id, m.sent_at, m.search_vector FROM messages m
        WHERE m.conversation_id = w.conversation_id AND ${inScope} AND (m.sent_at, m.id) < (w.sent_at, w.id)
        ORDER BY m.sent_at DESC, m.id DESC LIMIT 1) m
      WHERE NOT w.hit AND w.depth < ${HIT_WALK})
    SELECT w.conversation_id, w.hit, w.depth, m.id, m.subject, m.body_text, m.call_summary, m.transcript_text
    FROM walk w JOIN messages m ON m.id = w.id
    WHERE w.hit OR w.depth = ${HIT_WALK}`;
  return {
    rows: steps.filter((step) => step.hit),
    unfinished: new Set(steps.filter((step) => !step.hit).map((step) => step.conversation_id)),
  };
}

/** The newest match of each of a few conversations, over all of each one's messages. */
function newestMatches(db: Db, inScope: Prisma.Sql, conversationIds: string[], tsQuery: string) {
  return db.$queryRaw<HitRow[]>`
    SELECT listed.conversation_id, w.id, w.subject, w.body_text, w.call_summary, w.transcript_text
    FROM unnest(${conversationIds}::text[]) AS listed(conversation_id)
    CROSS JOIN LATERAL (
      SELECT m.id, m.subject, m.body_text, m.call_summary, m.transcript_text FROM messages m
      WHERE m.conversation_id = listed.conversation_id AND ${inScope}
        AND m.search_vector @@ to_tsquery('simple', ${tsQuery})
      ORDER BY m.sent_at DESC, m.id DESC LIMIT 1) w`;
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
