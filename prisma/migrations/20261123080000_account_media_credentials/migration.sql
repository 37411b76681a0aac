-- Credentials an account's media host wants (e.g. Twilio recordings: Basic auth), sent only to that host.
ALTER TABLE "accounts" ADD COLUMN "media_auth_host" TEXT;
ALTER TABLE "accounts" ADD COLUMN "media_auth_username" TEXT;
ALTER TABLE "accounts" ADD COLUMN "media_auth_password_sealed" TEXT;

-- Account-scoped conversation lists for members (newest first within their accounts).
CREATE INDEX "conversations_account_id_last_message_at_id_idx" ON "conversations"("account_id", "last_message_at" DESC, "id" DESC);
