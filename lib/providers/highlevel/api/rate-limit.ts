import type { PrismaClient } from "@/lib/generated/prisma/client";

// HighLevel allows 100 API requests per 10 seconds per location. Every caller of its API (the
// send-reply job in any number of workers and app instances, the template fetch…) takes a token
// here first, so a burst of sends waits its turn instead of meeting a storm of 429s.
//
// A sliding window, not a refilling bucket: a bucket of 100 that refills at 10 per second lets
// 100 through at once and 10 more every second after, up to ~200 in one 10-second window. Here
// the row of a location keeps the times of the requests of the last window; a request is allowed
// only while fewer than 100 fall in the 10 seconds up to it (both ends counted), so no 10-second
// window ever holds more than 100. One INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING decides it: PostgreSQL
// locks the row for the statement and re-reads the newest version under concurrency, so two
// workers can never both take the 100th.

export const HIGHLEVEL_REQUESTS_PER_WINDOW = 100;
export const HIGHLEVEL_WINDOW_MS = 10_000;
/**
 * A request reaches HighLevel a little after it took its turn (a busy worker, the network), and
 * not always equally late: a turn taken at 10.0 s can arrive together with a late one of 0.0 s,
 * and HighLevel, counting arrivals, answers 429 (seen: 5 in 1,000 sends on a loaded machine). The
 * window we keep is this much longer than HighLevel's, so lateness up to it never adds a 101st.
 */
export const HIGHLEVEL_WINDOW_MARGIN_MS = 1_000;

/** The clock the limit reads (tests move it instead of waiting 10 s). */
export const highLevelRateClock = { now: (): Date => new Date() };

export type TokenAnswer = { taken: true } | { taken: false; waitMs: number };

/** Only raw SQL is needed; the caller passes its client (providers do not open the database). */
type Db = Pick<PrismaClient, "$queryRaw">;

/**
 * Takes one request of `locationId`'s allowance now, or answers how long until one is free
 * (nothing is taken then: the caller does not call HighLevel and tries again after the wait).
 */
export async function takeHighLevelToken(
  db: Db,
  locationId: string,
  { limit = HIGHLEVEL_REQUESTS_PER_WINDOW, windowMs = HIGHLEVEL_WINDOW_MS + HIGHLEVEL_WINDOW_MARGIN_MS } = {},
): Promise<TokenAnswer> {
  const now = highLevelRateClock.now();
  const since = new Date(now.getTime() - windowMs);
  const taken = await db.$queryRaw<Array<{ taken: number }>>`
    INSERT INTO highlevel_rate_limits AS r (location_id, stamps)
    VALUES (${locationId}, ARRAY[${now}::timestamptz])
    ON CONFLICT (location_id) DO UPDATE
      SET stamps = array_append(
        ARRAY(SELECT s FROM unnest(r.stamps) AS s WHERE s >= ${since}::timestamptz ORDER BY s),
        ${now}::timestamptz)
      WHERE (SELECT count(*) FROM unnest(r.stamps) AS s WHERE s >= ${since}::timestamptz) < ${limit}
    RETURNING 1 AS taken`;
  if (taken.length > 0) return { taken: true };
  // Full: the oldest request of the window frees a place just after it leaves it.
  const [oldest] = await db.$queryRaw<Array<{ at: Date | null }>>`
    SELECT min(s) AS at FROM highlevel_rate_limits, unnest(stamps) AS s
    WHERE location_id = ${locationId} AND s >= ${since}::timestamptz`;
  const frees = oldest?.at ? oldest.at.getTime() + windowMs + 1 : now.getTime();
  return { taken: false, waitMs: Math.max(1, frees - now.getTime()) };
}
