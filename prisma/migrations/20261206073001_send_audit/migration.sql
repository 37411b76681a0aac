-- Who sent what, when (issue #27 item 8): one row per thing a person or API token did to a reply
-- (send, retry, dismiss, cancel) and per outcome (sent, scheduled for later, not delivered with
-- HighLevel's reason, outcome unknown). Never the message text: the audit outlives the conversation, and its text is
-- the customer's business. actor_name is the person's name or the token's name at the time, so a
-- row still says who after the user or token is gone.
CREATE TABLE "send_audit" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "conversation_id" TEXT,
    "reply_id" TEXT,
    "action" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "actor_user_id" TEXT,
    "actor_token_id" TEXT,
    "actor_name" TEXT,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "send_audit_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "send_audit_action_check" CHECK ("action" IN ('send', 'retry', 'dismiss', 'cancel', 'sent', 'scheduled', 'not_delivered', 'unknown'))
);
-- Newest first, per account (an owner's view) and overall (an administrator's).
CREATE INDEX "send_audit_account_created_idx" ON "send_audit"("account_id", "created_at" DESC, "id" DESC);
CREATE INDEX "send_audit_created_idx" ON "send_audit"("created_at" DESC, "id" DESC);
-- An outcome names whoever last pressed Send or Retry on the reply.
CREATE INDEX "send_audit_reply_idx" ON "send_audit"("reply_id", "created_at");
ALTER TABLE "send_audit" ADD CONSTRAINT "send_audit_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "send_audit" ADD CONSTRAINT "send_audit_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "conversations"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "send_audit" ADD CONSTRAINT "send_audit_reply_id_fkey" FOREIGN KEY ("reply_id") REFERENCES "replies"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "send_audit" ADD CONSTRAINT "send_audit_actor_user_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "send_audit" ADD CONSTRAINT "send_audit_actor_token_id_fkey" FOREIGN KEY ("actor_token_id") REFERENCES "api_tokens"("id") ON DELETE SET NULL ON UPDATE CASCADE;
