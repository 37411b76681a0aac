-- Outgoing mail: written in the same transaction as what it announces (an invitation, a
-- verification, a password reset), sent after the commit by the mail sender (lib/mail/outbox.ts),
-- which claims rows with FOR UPDATE SKIP LOCKED and retries with a backoff. Bodies hold one-time
-- links, so they are erased once a message is sent or given up on.
CREATE TABLE "mail_outbox" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text_body" TEXT,
    "html_body" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "invitation_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    CONSTRAINT "mail_outbox_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "mail_outbox_kind_check" CHECK ("kind" IN ('invitation', 'verification', 'password_reset')),
    CONSTRAINT "mail_outbox_status_check" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed'))
);
CREATE INDEX "mail_outbox_status_available_at_idx" ON "mail_outbox"("status", "available_at");
CREATE INDEX "mail_outbox_invitation_id_idx" ON "mail_outbox"("invitation_id");
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_invitation_id_fkey" FOREIGN KEY ("invitation_id") REFERENCES "invitations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
