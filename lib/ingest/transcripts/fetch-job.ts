import { z } from "zod";
import { highLevelTokenOf } from "@/lib/access/credentials/highlevel-token";
import { getPrisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defineJob, type JobResult } from "@/lib/jobs/definition";
import { logger } from "@/lib/logger";
import type { TranscriptSentence } from "@/lib/providers/contract";
import { HighLevelApiError, type HighLevelRequest } from "@/lib/providers/highlevel/api/client";
import { fetchTranscription } from "@/lib/providers/highlevel/api/transcription";
import { syncTranscriptToMessages } from "../calls";

// One queued transcript (./enqueue.ts) fetched from HighLevel's API with the account's token, as a
// job on the one queue (lib/jobs). Each request already retries 429/5xx a few times with backoff
// (api/client.ts); when it still fails, or HighLevel has no transcript yet (404: it transcribes
// after the call), the job runs again later and later (1, 2, 4 … 60 minutes) and is given up after
// MAX_ATTEMPTS. A refused token or an account whose token was removed is given up at once: nothing
// is asked without a token. Fetching twice is harmless (at-least-once): the row is overwritten.

export const TRANSCRIPT_JOB_KIND = "fetch-transcript";
export const MAX_ATTEMPTS = 8;

type Backoff = HighLevelRequest["backoffMs"];

/** Minutes to wait after the n-th failed attempt. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

interface Queued {
  id: string;
  account_id: string;
  message_external_id: string;
  fetch_status: string | null;
  location_id: string;
}

async function queuedRow(transcriptId: string): Promise<Queued | null> {
  const prisma = await getPrisma();
  const [row] = await prisma.$queryRaw<Queued[]>`
    SELECT t.id, t.account_id, t.message_external_id, t.fetch_status, a.external_id AS location_id
    FROM call_transcripts t JOIN accounts a ON a.id = t.account_id WHERE t.id = ${transcriptId}`;
  return row ?? null;
}

async function settle(id: string, data: Prisma.CallTranscriptUpdateInput) {
  const prisma = await getPrisma();
  await prisma.callTranscript.update({ where: { id }, data });
}

async function fetchOne(row: Queued, attempt: number, backoffMs?: Backoff): Promise<JobResult> {
  const token = await highLevelTokenOf(row.account_id).catch(() => null);
  if (!token) {
    await settle(row.id, { fetchStatus: "failed", fetchAttempts: attempt, fetchError: "no HighLevel API token" });
    return { outcome: "failed", error: "no HighLevel API token" };
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
          fetchAttempts: attempt,
          fetchError: null,
          fetchAvailableAt: null,
          ...(sentences.length > 0 ? { sentences: sentences as unknown as Prisma.InputJsonValue } : {}),
        },
      });
      await syncTranscriptToMessages(tx, row.account_id, row.message_external_id);
    });
    return { outcome: "done" };
  } catch (error) {
    const status = error instanceof HighLevelApiError ? error.status : null;
    const message = error instanceof HighLevelApiError ? error.message : "fetching the transcript failed";
    const worthRetrying = status === null || status === 404 || status === 429 || status >= 500;
    const giveUp = !worthRetrying || attempt >= MAX_ATTEMPTS;
    logger.warn("highlevel: transcript not fetched", { transcriptId: row.id, attempt, error: message });
    const afterMs = retryDelayMs(attempt);
    await settle(row.id, {
      fetchStatus: giveUp ? "failed" : "pending",
      fetchAttempts: attempt,
      fetchError: message,
      // When it is asked again, for the owner's eyes (the job's run_after decides).
      fetchAvailableAt: giveUp ? null : new Date(Date.now() + afterMs),
    });
    return giveUp ? { outcome: "failed", error: message } : { outcome: "retry", afterMs, error: message };
  }
}

/** The job kind; tests make one with a fast in-request backoff. */
export function makeTranscriptFetchJob(options: { backoffMs?: Backoff } = {}) {
  return defineJob({
    kind: TRANSCRIPT_JOB_KIND,
    payload: z.object({ transcriptId: z.string() }),
    semantics: "at-least-once",
    // The job decides when to give up (above); the queue's cap is only a backstop.
    maxAttempts: MAX_ATTEMPTS + 1,
    leaseMs: 2 * 60_000,
    concurrency: 2,
    async run({ transcriptId }, { attempt }) {
      const row = await queuedRow(transcriptId);
      // Fetched meanwhile (a backfill queued it twice) or its account was deleted: nothing to do.
      if (row?.fetch_status !== "pending") return { outcome: "done" };
      return fetchOne(row, attempt, options.backoffMs);
    },
  });
}

export const transcriptFetchJob = makeTranscriptFetchJob();
