import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MessageFacts } from "@/lib/providers/contract";

// A recorded call or voicemail of an account with a HighLevel API token is queued for its
// transcript (fetched by ./fetcher.ts). Accounts without a token queue nothing: nothing is ever
// asked of HighLevel for them. A message already queued (or fetched) is not queued again.

type Tx = Prisma.TransactionClient;

export function isRecordedCall(facts: MessageFacts): boolean {
  return (facts.channel === "call" || facts.channel === "voicemail") && facts.attachments.length > 0;
}

export async function enqueueTranscriptFetch(tx: Tx, accountId: string, facts: MessageFacts): Promise<void> {
  if (!isRecordedCall(facts)) return;
  await tx.$executeRaw`
    INSERT INTO call_transcripts (id, account_id, message_external_id, fetch_status, fetch_available_at, updated_at)
    SELECT ${randomUUID()}, ${accountId}, ${facts.externalId}, 'pending', now(), now()
    WHERE EXISTS (SELECT 1 FROM highlevel_connections WHERE account_id = ${accountId})
    ON CONFLICT (account_id, message_external_id) DO UPDATE
      SET fetch_status = 'pending', fetch_available_at = now(), updated_at = now()
      WHERE call_transcripts.fetch_status IS NULL`;
}
