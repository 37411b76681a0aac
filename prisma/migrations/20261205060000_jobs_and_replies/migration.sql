-- One job queue on PostgreSQL (lib/jobs): workers claim ready jobs with FOR UPDATE SKIP LOCKED and
-- hold them under a lease. A job of an at-least-once kind whose lease ran out runs again; one of an
-- at-most-once kind (a send to a provider, which may have gone out) becomes 'unknown' for a person
-- to decide, and is never run again by itself.
CREATE TABLE "jobs" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "account_id" TEXT,
    "payload" JSONB NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "run_after" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "jobs_state_check" CHECK ("state" IN ('queued', 'running', 'done', 'failed', 'unknown'))
);
CREATE INDEX "jobs_ready_idx" ON "jobs"("run_after") WHERE "state" = 'queued';
CREATE INDEX "jobs_running_idx" ON "jobs"("locked_until") WHERE "state" = 'running';
CREATE INDEX "jobs_kind_state_idx" ON "jobs"("kind", "state");
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A reply a person sent from Threadline: its message is stored at once (local first) and a job of
-- kind 'send-reply' hands it to the provider. client_key is the composer's id for one press of
-- Send: a double click or a second tab sending the same draft makes one reply, not two.
CREATE TABLE "replies" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "conversation_id" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "author_user_id" TEXT,
    "client_key" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'sending',
    "error" TEXT,
    "provider_message_id" TEXT,
    "sends" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "replies_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "replies_state_check" CHECK ("state" IN ('sending', 'sent', 'not_delivered', 'unknown', 'dismissed'))
);
CREATE UNIQUE INDEX "replies_message_id_key" ON "replies"("message_id");
CREATE UNIQUE INDEX "replies_conversation_id_client_key_key" ON "replies"("conversation_id", "client_key");
CREATE INDEX "replies_account_id_state_idx" ON "replies"("account_id", "state");
ALTER TABLE "replies" ADD CONSTRAINT "replies_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "replies" ADD CONSTRAINT "replies_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "replies" ADD CONSTRAINT "replies_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "replies" ADD CONSTRAINT "replies_author_user_id_fkey" FOREIGN KEY ("author_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The Not delivered view (lib/inbox/conversation-views.ts): replies that need a decision, and
-- outbound messages HighLevel reports failed.
CREATE INDEX "replies_undecided_idx" ON "replies"("conversation_id") WHERE "state" IN ('not_delivered', 'unknown');
CREATE INDEX "messages_failed_outbound_idx" ON "messages"("conversation_id", "sent_at") WHERE "direction" = 'outbound' AND "status" IN ('failed', 'undelivered');
