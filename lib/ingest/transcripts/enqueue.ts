import { randomUUID } from "node:crypto";
import { getPrisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MessageFacts } from "@/lib/providers/contract";
import { TRANSCRIPT_JOB_KIND } from "./fetch-job";

// A recorded call or voicemail of an account with a HighLevel API token is queued for its
// transcript: a call_transcripts row (what the thread shows) and a job on the one queue, in the
// same statement (fetched by ./fetch-job.ts). Accounts without a token queue nothing: nothing is
// ever asked of HighLevel for them. A message already queued (or fetched) is not queued again:
// a job is made only for a row this statement made pending.

type Tx = Prisma.TransactionClient;

/** The fetch jobs of the rows a `queued` CTE returned (id, account_id). */
const jobsFor = (queued: Prisma.Sql) => Prisma.sql`
  INSERT INTO jobs (id, kind, account_id, payload)
  SELECT gen_random_uuid()::text, ${TRANSCRIPT_JOB_KIND}, q.account_id, jsonb_build_object('transcriptId', q.id)
  FROM ${queued} q`;

export function isRecordedCall(facts: MessageFacts): boolean {
  return (facts.channel === "call" || facts.channel === "voicemail") && facts.attachments.length > 0;
}

export async function enqueueTranscriptFetch(tx: Tx, accountId: string, facts: MessageFacts): Promise<void> {
  if (!isRecordedCall(facts)) return;
  await tx.$executeRaw`
    WITH queued AS (
      INSERT INTO call_transcripts (id, account_id, message_external_id, fetch_status, fetch_available_at, updated_at)
      SELECT ${randomUUID()}, ${accountId}, ${facts.externalId}, 'pending', now(), now()
      WHERE EXISTS (SELECT 1 FROM highlevel_connections WHERE account_id = ${accountId})
      ON CONFLICT (account_id, message_external_id) DO UPDATE
        SET fetch_status = 'pending', fetch_available_at = now(), updated_at = now()
        WHERE call_transcripts.fetch_status IS NULL
      RETURNING id, account_id)
    ${jobsFor(Prisma.sql`queued`)}`;
}

/** How far back a newly stored token reaches, and how many calls at most (newest first). */
export const BACKFILL_DAYS = 90;
export const BACKFILL_LIMIT = 500;

/**
 * When an owner stores a token, the account's recorded calls and voicemails of the last
 * BACKFILL_DAYS (at most BACKFILL_LIMIT, newest first) are queued too: someone who connects
 * HighLevel expects last week's calls to become readable, not only tomorrow's. Calls whose
 * fetch was given up (a refused token, most often) are asked again; fetched ones are not.
 * Returns how many were queued.
 */
export async function enqueueTranscriptBackfill(accountId: string): Promise<number> {
  const prisma = await getPrisma();
  // One row per external id: a message id may be stored once per direction.
  return prisma.$executeRaw`
    WITH queued AS (
    INSERT INTO call_transcripts (id, account_id, message_external_id, fetch_status, fetch_available_at, updated_at)
    SELECT gen_random_uuid()::text, ${accountId}, recent.external_id, 'pending', now(), now()
    FROM (
      SELECT m.external_id FROM messages m
      WHERE m.account_id = ${accountId} AND m.channel IN ('call', 'voicemail')
        AND m.sent_at > now() - make_interval(days => ${BACKFILL_DAYS}::int)
        AND EXISTS (SELECT 1 FROM attachments a WHERE a.message_id = m.id)
      GROUP BY m.external_id ORDER BY max(m.sent_at) DESC LIMIT ${BACKFILL_LIMIT}
    ) recent
    WHERE EXISTS (SELECT 1 FROM highlevel_connections WHERE account_id = ${accountId})
    ON CONFLICT (account_id, message_external_id) DO UPDATE
      SET fetch_status = 'pending', fetch_attempts = 0, fetch_error = NULL, fetch_available_at = now(), updated_at = now()
      WHERE call_transcripts.fetch_status IS NULL OR call_transcripts.fetch_status = 'failed'
    RETURNING id, account_id)
    ${jobsFor(Prisma.sql`queued`)}`;
}
