-- A mention not seen within THREADLINE_MENTION_MAIL_MINUTES is mailed to the mentioned person
-- (issue #24). mailed_at makes the mail once-only: the job that sends it runs at least once.
ALTER TABLE "note_mentions" ADD COLUMN "mailed_at" TIMESTAMPTZ(3);
ALTER TABLE "mail_outbox" DROP CONSTRAINT "mail_outbox_kind_check";
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_kind_check"
  CHECK ("kind" IN ('invitation', 'verification', 'password_reset', 'mention'));

-- Notes are searchable like messages: the same word index, over the note's text.
CREATE INDEX "conversation_notes_search_gin" ON "conversation_notes"
  USING GIN (to_tsvector('simple'::regconfig, "text"));

-- Who has a conversation open, and whether they are typing a reply (collision warnings, #24):
-- refreshed by each open page's heartbeat; a row older than 15 s is someone who left.
CREATE TABLE "conversation_presence" (
    "conversation_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "typing" BOOLEAN NOT NULL DEFAULT false,
    "seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "conversation_presence_pkey" PRIMARY KEY ("conversation_id", "user_id")
);
ALTER TABLE "conversation_presence" ADD CONSTRAINT "conversation_presence_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "conversation_presence" ADD CONSTRAINT "conversation_presence_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
