import { Prisma } from "@/lib/generated/prisma/client";
import { verifiedAccountScope } from "@/lib/access/ingest-scope";
import { recomputeTriage } from "@/lib/triage/rules";
import type { MessageFacts } from "@/lib/providers/contract";
import { prepareMessage, summaryAfterInsert } from "./store-message";

// The worker's batch (lib/ingest/batch.ts) stores many messages in one statement: one INSERT …
// ON CONFLICT DO NOTHING for all of them and one UPDATE of their conversations' summaries, with
// the same rules as storeMessage (the SET clause is the same function). The statement-level
// triggers on messages (report rollups) then run once per batch instead of once per message.

type Tx = Prisma.TransactionClient;

export interface MessageToStore {
  conversationId: string;
  facts: MessageFacts;
  webhookEventId: string;
}

/** A message the batch can store this way: no attachments and no call (those have more to do). */
export const storableAtOnce = (facts: MessageFacts) => facts.attachments.length === 0 && facts.call === null;

/**
 * Stores the messages (each conversation at most once: an UPDATE changes a row once per
 * statement) and answers, per message, whether it was new. A message older than its
 * conversation's newest has the triage state recomputed, as storeMessage does.
 */
export async function storeMessagesAtOnce(tx: Tx, accountId: string, messages: MessageToStore[]): Promise<boolean[]> {
  if (new Set(messages.map((m) => m.conversationId)).size !== messages.length)
    throw new Error("storeMessagesAtOnce: a conversation may appear once per call");
  const rows = [];
  for (const { conversationId, facts, webhookEventId } of messages) {
    if (!storableAtOnce(facts)) throw new Error("storeMessagesAtOnce: attachments and calls go through storeMessage");
    const prepared = await prepareMessage(tx, accountId, facts);
    const email = facts.email;
    rows.push({
      id: prepared.id,
      conversation_id: conversationId,
      external_id: facts.externalId,
      channel: facts.channel,
      direction: facts.direction,
      status: facts.status,
      body: facts.body,
      body_text: prepared.bodyText,
      content_type: facts.contentType,
      subject: facts.subject,
      email_from: email?.from ?? null,
      email_to: email?.to ?? [],
      email_cc: email?.cc ?? [],
      email_bcc: email?.bcc ?? [],
      email_thread_id: email?.threadId ?? null,
      email_message_id: email?.messageId ?? null,
      author_name: facts.authorName,
      author_external_id: facts.authorExternalId,
      source: facts.source,
      sent_at: facts.sentAt.toISOString(),
      webhook_event_id: webhookEventId,
      closing: prepared.closing,
      preview: prepared.preview,
      kinds: prepared.kinds,
      unread: prepared.unread,
    });
  }
  if (rows.length === 0) return [];
  const inserted = await tx.$queryRaw<Array<{ id: string; conversation_id: string; older: boolean | null }>>`
    WITH r AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id text, conversation_id text, external_id text,
        channel text, direction text, status text, body text, body_text text, content_type text, subject text, email_from text,
        email_to text[], email_cc text[], email_bcc text[], email_thread_id text, email_message_id text, author_name text,
        author_external_id text, source text, sent_at timestamptz, webhook_event_id text, closing boolean, preview text,
        kinds text[], unread int)
    ), ins AS (
      INSERT INTO messages (id, account_id, conversation_id, external_id, channel, direction, status, body, body_text, content_type,
        subject, email_from, email_to, email_cc, email_bcc, email_thread_id, email_message_id, author_name, author_external_id,
        source, sent_at, webhook_event_id, closing)
      SELECT id, ${accountId}, conversation_id, external_id, channel, direction, status, body, body_text, content_type, subject,
        email_from, email_to, email_cc, email_bcc, email_thread_id, email_message_id, author_name, author_external_id, source,
        sent_at, webhook_event_id, closing
      FROM r
      ON CONFLICT (account_id, external_id, direction) DO NOTHING
      RETURNING id, conversation_id, sent_at, channel, direction, call_outcome, closing, callback_due_at
    ), summary AS (
      UPDATE conversations c SET ${summaryAfterInsert({
        kinds: Prisma.sql`r.kinds`,
        unread: Prisma.sql`r.unread`,
        preview: Prisma.sql`r.preview`,
        channel: Prisma.sql`r.channel`,
        direction: Prisma.sql`r.direction`,
      })}
      FROM ins JOIN r ON r.id = ins.id WHERE c.id = ins.conversation_id
      RETURNING c.id
    )
    -- Reads the conversations as they were before this statement (one snapshot for all of it).
    SELECT ins.id, ins.conversation_id, before.last_message_at > ins.sent_at AS older
    FROM ins JOIN conversations before ON before.id = ins.conversation_id`;
  const scope = verifiedAccountScope({ id: accountId });
  for (const row of inserted) if (row.older) await recomputeTriage(tx, scope, row.conversation_id);
  const stored = new Set(inserted.map((row) => row.id));
  return rows.map((row) => stored.has(row.id));
}
