import type { Db } from "@/lib/db/client";

// Statistics of the whole table, not any account's rows: so it lives beside search, not among the
// account-scoped queries of lib/inbox (scripts/scoped-queries.test.ts).
// How many messages a search word is in, from PostgreSQL's own statistics: ANALYZE keeps the
// most common lexemes of messages.search_vector with the fraction of rows holding each
// (pg_stats.most_common_elems). searchPlan used to measure it per search with a capped count,
// but a GIN index cannot stop early: for a common word that count built a bitmap of every
// account's matching messages (300,000 for `appointment` at 1M) on each search. Reading the
// statistics costs one query per process every few minutes.

const STATS_TTL_MS = 5 * 60_000;

interface WordStats {
  /** Rows of messages (pg_class.reltuples at the last ANALYZE). */
  rows: number;
  /** Each common lexeme and the fraction of messages holding it. */
  lexemes: Array<[string, number]>;
  /** Below this fraction a lexeme is not in the list (the list's smallest frequency). */
  floor: number;
}

let cache = new WeakMap<object, { at: number; stats: Promise<WordStats | null> }>();

/** Reads the statistics again on the next search (a test that has just run ANALYZE). */
export function forgetWordStatistics() {
  cache = new WeakMap();
}

async function readStats(db: Db): Promise<WordStats | null> {
  const rows = await db.$queryRaw<Array<{ lexeme: string | null; freq: number | null; reltuples: number }>>`
    SELECT e.lexeme, e.freq::float8 AS freq, c.reltuples::float8 AS reltuples
    FROM pg_stats s
    JOIN pg_class c ON c.relname = s.tablename AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = s.schemaname)
    CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(lexeme, freq)
    WHERE s.schemaname = current_schema() AND s.tablename = 'messages' AND s.attname = 'search_vector'`;
  const lexemes = rows
    .filter((r) => r.lexeme !== null && r.freq !== null)
    .map((r) => [r.lexeme!, r.freq!] as [string, number]);
  // Without statistics (never analysed, as an embedded database may be) the caller measures instead.
  if (lexemes.length === 0 || !rows[0] || rows[0].reltuples <= 0) return null;
  // The frequencies array ends with the minimum and maximum frequency (and the null fraction): no lexeme.
  const trailing = rows.filter((r) => r.lexeme === null && r.freq !== null).map((r) => r.freq!);
  return { rows: rows[0].reltuples, lexemes, floor: trailing[0] ?? Math.min(...lexemes.map(([, f]) => f)) };
}

function statsOf(db: Db): Promise<WordStats | null> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < STATS_TTL_MS) return hit.stats;
  const stats = readStats(db).catch(() => null);
  cache.set(db, { at: Date.now(), stats });
  return stats;
}

/**
 * About how many messages (every account's) a prefix search for `words` matches, and of how
 * many: for each word, the summed frequency of the common lexemes it is a prefix of (at least the
 * list's floor), the smallest over the words (they are AND-ed). Null when the database keeps no statistics yet, or
 * when the statistics cannot tell (only short words, whose many rare lexemes the list leaves out).
 */
export async function estimatedMatches(db: Db, words: string[]): Promise<{ matches: number; rows: number } | null> {
  const stats = await statsOf(db);
  if (!stats || words.length === 0) return null;
  let fraction = 1;
  let told = false;
  for (const word of words) {
    const sum = stats.lexemes.reduce((total, [lexeme, freq]) => (lexeme.startsWith(word) ? total + freq : total), 0);
    // A word of one or two letters prefixes thousands of rare lexemes the list leaves out.
    if (sum > 0 || word.length > 2) told = true;
    fraction = Math.min(fraction, Math.max(sum, word.length > 2 ? stats.floor : sum));
  }
  return told ? { matches: Math.round(Math.min(1, fraction) * stats.rows), rows: stats.rows } : null;
}
