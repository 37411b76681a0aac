-- Drafts on the server (issue #27): a person's unsent reply in one conversation, kept so a
-- reload or another device shows it. One per person and conversation; only its author reads it.
CREATE TABLE "reply_drafts" (
    "conversation_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "channel" TEXT,
    "text" TEXT NOT NULL DEFAULT '',
    "subject" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "reply_drafts_pkey" PRIMARY KEY ("conversation_id", "user_id")
);
CREATE INDEX "reply_drafts_user_id_idx" ON "reply_drafts"("user_id");
ALTER TABLE "reply_drafts" ADD CONSTRAINT "reply_drafts_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reply_drafts" ADD CONSTRAINT "reply_drafts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reply_drafts" ADD CONSTRAINT "reply_drafts_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Send later: HighLevel holds the message until `scheduled_for` (its send call's
-- scheduledTimestamp), so the schedule survives our servers being down. 'scheduled' is a reply
-- HighLevel accepted for later; 'cancelled' one a person called back before its time.
-- provider_email_message_id is HighLevel's email id, which its email cancel endpoint takes.
ALTER TABLE "replies" ADD COLUMN "scheduled_for" TIMESTAMPTZ(3);
ALTER TABLE "replies" ADD COLUMN "provider_email_message_id" TEXT;
ALTER TABLE "replies" DROP CONSTRAINT "replies_state_check";
ALTER TABLE "replies" ADD CONSTRAINT "replies_state_check"
  CHECK ("state" IN ('sending', 'sent', 'not_delivered', 'unknown', 'dismissed', 'scheduled', 'cancelled'));
