-- Triage (issue #13): per-conversation state kept by ingestion (lib/ingest/store-message.ts,
-- rules in lib/triage/rules.ts) so the Needs reply, Callbacks and Done views and their counts
-- read small partial indexes instead of scanning messages, and read state per person.
ALTER TABLE "conversations"
  ADD COLUMN "last_inbound_at" TIMESTAMPTZ(3),
  ADD COLUMN "awaiting_reply_since" TIMESTAMPTZ(3),
  ADD COLUMN "callback_since" TIMESTAMPTZ(3),
  ADD COLUMN "done_at" TIMESTAMPTZ(3),
  ADD COLUMN "read_by_all_at" TIMESTAMPTZ(3);

-- One person's read state of one conversation: read up to read_at, or marked unread by them.
CREATE TABLE "conversation_reads" (
    "user_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "read_at" TIMESTAMPTZ(3) NOT NULL,
    "marked_unread" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "conversation_reads_pkey" PRIMARY KEY ("user_id", "conversation_id"),
    CONSTRAINT "conversation_reads_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "conversation_reads_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "conversation_reads_conversation_id_idx" ON "conversation_reads"("conversation_id");

-- Only the conversations in a view are in its index: the views and their counts stay small reads.
CREATE INDEX "conversations_awaiting_reply_idx" ON "conversations"("awaiting_reply_since", "id") WHERE "awaiting_reply_since" IS NOT NULL;
CREATE INDEX "conversations_account_awaiting_reply_idx" ON "conversations"("account_id", "awaiting_reply_since", "id") WHERE "awaiting_reply_since" IS NOT NULL;
CREATE INDEX "conversations_callback_idx" ON "conversations"("callback_since", "id") WHERE "callback_since" IS NOT NULL;
CREATE INDEX "conversations_account_callback_idx" ON "conversations"("account_id", "callback_since", "id") WHERE "callback_since" IS NOT NULL;
CREATE INDEX "conversations_done_idx" ON "conversations"("account_id", "done_at") WHERE "done_at" IS NOT NULL;

-- Backfill from the stored messages, by the same rules as lib/triage/rules.ts (nothing is done yet).
-- Existing shared unread state carries over: a conversation with no unread count was read by all.
UPDATE "conversations" c SET
  "last_inbound_at" = (SELECT max(m."sent_at") FROM "messages" m WHERE m."conversation_id" = c."id" AND m."direction" = 'inbound'),
  "read_by_all_at" = CASE WHEN c."unread_count" = 0 THEN c."last_message_at" END,
  "awaiting_reply_since" = (
    SELECT min(m."sent_at") FROM "messages" m
    WHERE m."conversation_id" = c."id" AND m."direction" = 'inbound' AND m."channel" NOT IN ('call', 'voicemail')
      AND m."sent_at" > COALESCE((
        SELECT max(a."sent_at") FROM "messages" a
        WHERE a."conversation_id" = c."id"
          AND ((a."direction" = 'outbound' AND (a."channel" <> 'call' OR a."call_outcome" IN ('answered', 'voicemail')))
            OR (a."direction" = 'inbound' AND a."channel" = 'call' AND a."call_outcome" = 'answered'))
      ), '-infinity')),
  "callback_since" = (
    SELECT min(m."sent_at") FROM "messages" m
    WHERE m."conversation_id" = c."id" AND m."direction" = 'inbound'
      AND (m."channel" = 'voicemail' OR (m."channel" = 'call' AND m."call_outcome" IN ('no_answer', 'busy', 'failed', 'voicemail')))
      AND m."sent_at" > COALESCE((
        SELECT max(a."sent_at") FROM "messages" a
        WHERE a."conversation_id" = c."id" AND a."channel" = 'call'
          AND (a."direction" = 'outbound' OR a."call_outcome" = 'answered')
      ), '-infinity'));
