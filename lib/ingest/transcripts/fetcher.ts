import { highLevelTokenOf } from "@/lib/access/highlevel-token";
import { getPrisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import type { TranscriptSentence } from "@/lib/providers/contract";
import { HighLevelApiError, type HighLevelRequest } from "@/lib/providers/leadconnector/api/client";
import { fetchTranscription } from "@/lib/providers/leadconnector/api/transcription";
import { syncTranscriptToMessages } from "../calls";

// Fetches queued transcripts (./enqueue.ts) from HighLevel's API with the account's token. Each
// request already retries 429/5xx a few times with backoff (api/client.ts); when it still fails,
// or HighLevel has no transcript yet (404: it transcribes after the call), the row waits longer
// and longer (1, 2, 4 … 60 minutes) and is given up after MAX_ATTEMPTS. A refused token or an
// account whose token was removed is given up at once: nothing is sent without a token.

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 2 * 60_000;
const BATCH = 20;

type Backoff = HighLevelRequest["backoffMs"];

interface Claimed {
  id: string;
  account_id: string;
  message_external_id: string;
  fetch_attempts: number;
  location_id: string;
}

/** Minutes to wait after the n-th failed attempt. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

async function claimDue(now: Date): Promise<Claimed[]> {
  const prisma = await getPrisma();
  // A lease: another process (or a crash) cannot fetch the same row twice at once.
  return prisma.$queryRaw<Claimed[]>`
    UPDATE call_transcripts t SET fetch_available_at = ${new Date(now.getTime() + LEASE_MS)}
    FROM accounts a
    WHERE a.id = t.account_id AND t.id IN (
      SELECT id FROM call_transcripts
      WHERE fetch_status = 'pending' AND fetch_available_at <= ${now}
      ORDER BY fetch_available_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING t.id, t.account_id, t.message_external_id, t.fetch_attempts, a.external_id AS location_id`;
}

async function settle(row: Claimed, data: Prisma.CallTranscriptUpdateInput) {
  const prisma = await getPrisma();
  await prisma.callTranscript.update({ where: { id: row.id }, data });
}

async function fetchOne(row: Claimed, now: Date, backoffMs?: Backoff): Promise<boolean> {
  const attempts = row.fetch_attempts + 1;
  let token: string | null = null;
  try {
    token = await highLevelTokenOf(row.account_id);
  } catch {
    token = null;
  }
  if (!token) {
    await settle(row, { fetchStatus: "failed", fetchAttempts: attempts, fetchError: "no HighLevel API token" });
    return false;
  }
  try {
    const sentences: TranscriptSentence[] = await fetchTranscription(row.location_id, row.message_external_id, {
      token,
      backoffMs,
    });
    const prisma = await getPrisma();
    await prisma.$transaction(async (tx) => {
      await tx.callTranscript.update({
        where: { id: row.id },
        data: {
          fetchStatus: "fetched",
          fetchAttempts: attempts,
          fetchError: null,
          ...(sentences.length > 0 ? { sentences: sentences as unknown as Prisma.InputJsonValue } : {}),
        },
      });
      await syncTranscriptToMessages(tx, row.account_id, row.message_external_id);
    });
    return true;
  } catch (error) {
    const status = error instanceof HighLevelApiError ? error.status : null;
    const message = error instanceof HighLevelApiError ? error.message : "fetching the transcript failed";
    const worthRetrying = status === null || status === 404 || status === 429 || status >= 500;
    const giveUp = !worthRetrying || attempts >= MAX_ATTEMPTS;
    logger.warn("highlevel: transcript not fetched", { transcriptId: row.id, attempts, error: message });
    await settle(row, {
      fetchStatus: giveUp ? "failed" : "pending",
      fetchAttempts: attempts,
      fetchError: message,
      fetchAvailableAt: giveUp ? null : new Date(now.getTime() + retryDelayMs(attempts)),
    });
    return false;
  }
}

/** One pass over what is due now; returns how many transcripts were fetched. */
export async function fetchDueTranscripts(options: { now?: Date; backoffMs?: Backoff } = {}): Promise<number> {
  const now = options.now ?? new Date();
  let fetched = 0;
  for (const row of await claimDue(now)) if (await fetchOne(row, now, options.backoffMs)) fetched++;
  return fetched;
}
